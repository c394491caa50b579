import type { DocumentStatus, MeasureStatus } from '@lip/common';

/**
 * Every kind of notification. A kind is both an in-app notification and a kind of mail with its
 * own e-mail setting (immediately, daily digest, off) and its own unsubscribe link.
 */
export const NOTIFICATION_KINDS = [
  'task-assigned',
  'task-due',
  'task-overdue',
  'mention',
  'reply',
  'document-shared',
  'document-status',
  'document-decision',
  'measure-status',
  'paper-edition',
  'statement-due',
  'responses-published',
  'invitation',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a person wants mail of one kind. */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** A task as notifications name it. */
export interface TaskRef {
  id: string;
  title: string;
}

/** A document as notifications name it. */
export interface DocumentRef {
  id: string;
  title: string;
}

/** A measure as notifications name it (title with its code). */
export interface MeasureRef {
  id: string;
  title: string;
}

/** A review round as notifications name it. */
export interface RoundRef {
  id: string;
  title: string;
}

/** An edition of the paper as notifications name it. */
export interface EditionRef {
  id: string;
  name: string;
}

/** A comment as notifications name it: its document, thread and a short excerpt. */
export interface CommentRef {
  document: DocumentRef;
  threadId: string;
  commentId: string;
  excerpt: string;
}

/**
 * What happened, one variant per kind (the typed event union other modules pass to `notify`).
 * To add an event: add a kind to {@link NOTIFICATION_KINDS} and a variant here; the compiler then
 * points at the three exhaustive switches to extend (link and title in `notification.texts.ts`,
 * the default e-mail mode in `notification.settings.ts`) and the GraphQL enum in
 * `notification.graphql`. See docs/ARCHITECTURE.md, "Notifications".
 */
export type NotificationEvent =
  | { kind: 'task-assigned'; task: TaskRef }
  | { kind: 'task-due'; task: TaskRef; deadline: Date }
  | { kind: 'task-overdue'; task: TaskRef; deadline: Date }
  | { kind: 'mention'; comment: CommentRef }
  | { kind: 'reply'; comment: CommentRef }
  | { kind: 'document-shared'; document: DocumentRef; reviewDeadline: Date | null }
  | { kind: 'document-status'; document: DocumentRef; status: DocumentStatus }
  | { kind: 'document-decision'; document: DocumentRef; status: 'accepted' | 'returned' }
  | { kind: 'measure-status'; measure: MeasureRef; status: MeasureStatus }
  | { kind: 'paper-edition'; edition: EditionRef }
  | { kind: 'statement-due'; round: RoundRef; body: { id: string; name: string }; deadline: Date }
  | { kind: 'responses-published'; round: RoundRef };

/** Who gets an event and who caused it. */
export interface NotificationScope {
  recipientIds: readonly string[];
  /** The person who acted (never notified about their own action); null for the scheduler. */
  actor: { id: string; name: string } | null;
  processId: string | null;
  /**
   * Makes the notification once-only: its `_id` becomes `<key>:<personId>`, and a unique insert
   * claims it, so several API processes (or a re-run) never send it twice.
   */
  key?: string;
}
