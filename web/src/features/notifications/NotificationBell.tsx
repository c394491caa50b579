import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../generated';
import { useFeatureTranslation } from '../../i18n/feature-texts';
import { NotificationItem } from './NotificationItem';
import {
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  UnreadNotificationCountDocument,
} from './notification-operations';
import { notificationsTexts } from './notifications.texts';

const BellNotificationsDocument = graphql(`
  query BellNotifications {
    devOutboxAvailable
    notifications(first: 8) {
      nodes {
        id
        ...NotificationItem_notification
      }
    }
  }
`);

const NotificationAddedDocument = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
      title
    }
  }
`);

/**
 * The bell in the header: its name says how many notifications are unread ("Benachrichtigungen,
 * 3 ungelesen"), new ones arrive live and are announced politely. It opens a small panel (a
 * disclosure, closed by Escape or a click outside) with the latest ones, "mark all read", and
 * links to the full list and the e-mail settings.
 */
export function NotificationBell() {
  const { t } = useFeatureTranslation(notificationsTexts);
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const count = useQuery(UnreadNotificationCountDocument, { fetchPolicy: 'cache-and-network' });
  const list = useQuery(BellNotificationsDocument, {
    skip: !open,
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MarkNotificationReadDocument);
  const [markAll] = useMutation(MarkAllNotificationsReadDocument);
  const unread = count.data?.unreadNotificationCount ?? 0;

  useSubscription(NotificationAddedDocument, {
    onData: ({ data }) => {
      const title = data.data?.notificationAdded.title;
      if (title) setAnnouncement(t('live', { title }));
      void count.refetch();
      if (open) void list.refetch();
    },
  });

  useEffect(() => setOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const refresh = () => {
    void count.refetch();
    if (open) void list.refetch();
  };
  const onOpen = (id: string) => {
    void markRead({ variables: { id } }).then(refresh);
  };

  return (
    <div className="bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
        onClick={() => setOpen((value) => !value)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div id={panelId} className="bell__panel" hidden={!open}>
        {open ? (
          <section aria-labelledby={`${panelId}-title`}>
            <h2 id={`${panelId}-title`} className="bell__title">
              {t('popoverTitle')}
            </h2>
            {list.data && list.data.notifications.nodes.length === 0 ? (
              <p className="muted">{t('empty')}</p>
            ) : (
              <ul className="notification-list">
                {(list.data?.notifications.nodes ?? []).map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} onOpen={onOpen} onMarkRead={onOpen} />
                  </li>
                ))}
              </ul>
            )}
            <div className="bell__actions">
              {unread > 0 ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() =>
                    void markAll().then(() => {
                      setAnnouncement(t('markedAll'));
                      refresh();
                    })
                  }
                >
                  {t('markAllRead')}
                </button>
              ) : null}
              <Link to="/notifications">{t('showAll')}</Link>
              <Link to="/settings/notifications">{t('settings')}</Link>
              {list.data?.devOutboxAvailable ? (
                <Link to="/dev/outbox">{t('outboxTitle')}</Link>
              ) : null}
            </div>
          </section>
        ) : null}
      </div>
    </div>
  );
}
