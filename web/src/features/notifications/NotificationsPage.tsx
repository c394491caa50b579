import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Loading } from '../../ui/Loading';
import { PageTitle } from '../../ui/PageTitle';
import { NotificationItem } from './NotificationItem';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  UnreadNotificationCountDocument,
} from './notification-operations';
import { notificationsTexts } from './notifications.texts';

const NotificationsPageDocument = graphql(`
  query NotificationsPage($after: String, $unreadOnly: Boolean) {
    unreadNotificationCount
    notifications(first: 30, after: $after, unreadOnly: $unreadOnly) {
      nodes {
        id
        ...NotificationItem_notification
      }
      hasNextPage
      endCursor
    }
  }
`);

/** All of the viewer's notifications, newest first, with "mark read" and "load older". */
export function NotificationsPage() {
  const { t } = useFeatureTranslation(notificationsTexts);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [status, setStatus] = useState('');
  const { data, loading, error, fetchMore, refetch } = useQuery(NotificationsPageDocument, {
    variables: { unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = [UnreadNotificationCountDocument];
  const [markRead] = useMutation(MarkNotificationReadDocument, { refetchQueries });
  const [markAll] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries });
  const nodes = data?.notifications.nodes ?? [];
  const onRead = (id: string) => void markRead({ variables: { id } }).then(() => refetch());

  return (
    <div className="page page--narrow">
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <div className="toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.target.checked)}
          />
          {t('onlyUnread')}
        </label>
        {(data?.unreadNotificationCount ?? 0) > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void markAll().then(() => {
                setStatus(t('markedAll'));
                return refetch();
              })
            }
          >
            {t('markAllRead')}
          </button>
        ) : null}
        <Link to="/settings/notifications">{t('settings')}</Link>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {loading && !data ? <Loading /> : null}
      {error && !data ? <ErrorNotice error={error} /> : null}
      {data && nodes.length === 0 ? (
        <p className="muted">{unreadOnly ? t('emptyUnread') : t('empty')}</p>
      ) : null}
      <ul className="notification-list notification-list--page">
        {nodes.map((n) => (
          <li key={n.id}>
            <NotificationItem notification={n} onOpen={onRead} onMarkRead={onRead} />
          </li>
        ))}
      </ul>
      {data?.notifications.hasNextPage ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            void fetchMore({
              variables: { after: data.notifications.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                ...fetchMoreResult,
                notifications: {
                  ...fetchMoreResult.notifications,
                  nodes: [...previous.notifications.nodes, ...fetchMoreResult.notifications.nodes],
                },
              }),
            })
          }
        >
          {t('loadMore')}
        </button>
      ) : null}
    </div>
  );
}
