import type { Resolvers } from '../../graphql/generated/resolvers-types';
import { fromGraphQLEnum, toGraphQLEnum } from '../../validation';
import type { EmailMode, NotificationKind } from './notification.events';
import { NOTIFICATION_KINDS } from './notification.events';
import type { NotificationDoc } from './notification.model';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationTopic,
} from './notification.service';
import { updateViewerEmailModes, viewerEmailModes, type EmailModes } from './notification.settings';
import { describeNotification } from './notification.texts';

const toSettings = (modes: EmailModes) => ({
  email: NOTIFICATION_KINDS.map((kind) => ({
    kind: toGraphQLEnum<never>(kind),
    mode: toGraphQLEnum<never>(modes[kind]),
  })),
});

/** Resolvers of notifications and e-mail settings. */
export const notificationResolvers: Resolvers = {
  Query: {
    notifications: async (_p, args, { scope }) => {
      const page = await listNotifications(scope, {
        first: args.first ?? undefined,
        after: args.after,
        unreadOnly: args.unreadOnly ?? false,
      });
      const last = page.nodes[page.nodes.length - 1];
      return { ...page, endCursor: last ? last._id : null };
    },
    unreadNotificationCount: (_p, _a, { scope }) => countUnread(scope),
    notificationSettings: async (_p, _a, { scope }) => toSettings(await viewerEmailModes(scope)),
  },
  Mutation: {
    markNotificationRead: async (_p, { id }, { scope }) => ({
      notification: await markNotificationRead(scope, id),
      unreadCount: await countUnread(scope),
    }),
    markAllNotificationsRead: async (_p, _a, { scope }) => ({
      markedCount: await markAllNotificationsRead(scope),
      unreadCount: await countUnread(scope),
    }),
    updateNotificationSettings: async (_p, { input }, { scope }) => ({
      settings: toSettings(
        await updateViewerEmailModes(scope, {
          email: input.email.map((e) => ({
            kind: fromGraphQLEnum<NotificationKind>(e.kind),
            mode: fromGraphQLEnum<EmailMode>(e.mode),
          })),
        }),
      ),
    }),
  },
  Subscription: {
    notificationAdded: {
      subscribe: (_p, _a, { scope }) => scope.pubsub.subscribe(notificationTopic(scope)),
      resolve: (doc: NotificationDoc) => doc,
    },
  },
  Notification: {
    id: (n) => n._id,
    kind: (n) => toGraphQLEnum(n.kind),
    title: (n, _a, { scope }) => describeNotification(n, scope.locale).title,
    body: (n, _a, { scope }) => describeNotification(n, scope.locale).body,
    link: (n) => n.link,
    actor: (n, _a, { scope }) => (n.actorId ? scope.loaders.person.load(String(n.actorId)) : null),
    read: (n) => n.readAt !== null,
    createdAt: (n) => n.createdAt,
  },
};
