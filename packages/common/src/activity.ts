/**
 * The activity verbs: what the API records in the activity log (`Activity.verb`) and the web app
 * words in both languages. Defined once so a new verb cannot be written without a text.
 */
export const ACTIVITY_VERBS = [
  'process.created',
  'document.created',
  'document.updated',
  'document.status-changed',
  'task.created',
  'task.updated',
  'task.moved',
  'task.assigned',
  'task.deleted',
  'task.restored',
  'comment.created',
  'comment.replied',
  'comment.resolved',
  'comment.reopened',
  'milestone.created',
  'milestone.updated',
  'milestone.deleted',
  'group.member-added',
  'group.member-removed',
  'body.member-added',
  'body.member-removed',
  'person.updated',
  'person.deactivated',
  'person.reactivated',
  'invitation.accepted',
  'measure.created',
  'measure.updated',
  'measure.status-changed',
  'measure.progress-reported',
  'paper.edition-created',
  'group.review-settings-changed',
  'body.chairs-changed',
  /*
   * The review workflow. Notifications key on `review.round-opened` (one entry per document,
   * `detail` lists the body ids) and `decision.recorded` / `decision.corrected`.
   */
  'review.round-created',
  'review.round-opened',
  'review.round-closed',
  'review.round-evaluated',
  'review.round-cancelled',
  'review.statement-submitted',
  'review.statement-withdrawn',
  'review.response-drafted',
  'review.response-approved',
  'review.response-sent-back',
  'review.task-created',
  'decision.recorded',
  'decision.corrected',
] as const;
export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

/** Whether a stored verb is one of {@link ACTIVITY_VERBS} (older entries may hold others). */
export function isActivityVerb(value: string): value is ActivityVerb {
  return (ACTIVITY_VERBS as readonly string[]).includes(value);
}

/** The translation key of a verb below `activity.verbs` (`task.moved` → `task_moved`). */
export function activityVerbKey(verb: ActivityVerb): string {
  return verb.replace(/[.-]/g, '_');
}
