/**
 * Notifications: the event API other modules call (`notify` with a {@link NotificationEvent}),
 * the due-task scheduler, e-mail per person's settings and the unsubscribe route.
 */
export { notify } from './notification.service';
export type {
  NotificationEvent,
  NotificationScope,
  NotificationKind,
  CommentRef,
  DocumentRef,
  RoundRef,
  TaskRef,
} from './notification.events';
export {
  createNotificationJobs,
  notifyDueTasks,
  type NotificationJobs,
  type ReminderJob,
} from './notification.jobs';
export { enqueueInvitationMail, sendDigests } from './notification.mail';
export {
  createUnsubscribeRouter,
  publicBaseUrl,
  unsubscribeToken,
  verifyUnsubscribeToken,
} from './notification.unsubscribe';
export { registerNotificationModels } from './notification.model';
export type { NotificationDoc } from './notification.model';
