import { graphql } from '../../generated';

/** Marks one notification read; answers the new unread count. */
export const MarkNotificationReadDocument = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      notification {
        id
        read
      }
      unreadCount
    }
  }
`);

/** Marks all of the viewer's notifications read. */
export const MarkAllNotificationsReadDocument = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      markedCount
      unreadCount
    }
  }
`);

/** The unread count for the bell. */
export const UnreadNotificationCountDocument = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);
