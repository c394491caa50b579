import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { formatDateTime } from '../../i18n/format';
import { notificationsTexts } from './notifications.texts';

/** A notification as lists show it. */
export const NotificationItem_notification = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    kind
    title
    body
    link
    read
    createdAt
  }
`);

/**
 * One notification: its title links to the exact place (and marks it read), with time, excerpt
 * and, while unread, a button to mark it read without going there.
 */
export function NotificationItem(props: {
  notification: FragmentType<typeof NotificationItem_notification>;
  onOpen: (id: string) => void;
  onMarkRead?: (id: string) => void;
}) {
  const { t, i18n } = useFeatureTranslation(notificationsTexts);
  const n = getFragmentData(NotificationItem_notification, props.notification);
  return (
    <div className={`notification${n.read ? '' : ' notification--unread'}`}>
      <p className="notification__title">
        {n.read ? null : <span className="visually-hidden">{t('unread')}: </span>}
        <Link to={n.link} onClick={() => props.onOpen(n.id)}>
          {n.title}
        </Link>
      </p>
      {n.body ? <p className="notification__body">{n.body}</p> : null}
      <p className="notification__meta">
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, i18n.language)}</time>
        {!n.read && props.onMarkRead ? (
          <button
            type="button"
            className="link-button"
            aria-label={t('markReadLabel', { title: n.title })}
            onClick={() => props.onMarkRead?.(n.id)}
          >
            {t('markRead')}
          </button>
        ) : null}
      </p>
    </div>
  );
}
