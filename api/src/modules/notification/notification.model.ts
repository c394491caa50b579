import { Schema, type Connection, type Types } from 'mongoose';
import {
  EMAIL_MODES,
  NOTIFICATION_KINDS,
  type EmailMode,
  type NotificationKind,
} from './notification.events';

/**
 * One notification for one person (collection `notifications`). `_id` is a string: a fresh
 * ObjectId for ordinary events, `<key>:<personId>` for once-only ones (the scheduler's), so the
 * unique insert is the claim. Texts are rendered when read, in the reader's language.
 */
export interface NotificationDoc {
  _id: string;
  personId: Types.ObjectId;
  kind: NotificationKind;
  processId: Types.ObjectId | null;
  actorId: Types.ObjectId | null;
  actorName: string | null;
  /** Path in the web app of the exact place (a task, a thread, a document). */
  link: string;
  subjectTitle: string;
  /** A short excerpt (a comment's first words), plain text. */
  excerpt: string | null;
  /** Kind-specific detail: a status or an ISO date. */
  detail: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** The person's e-mail mode for this kind when it was created. */
  emailMode: EmailMode;
  /** When a digest mail included it (only for `emailMode: digest`). */
  digestedAt: Date | null;
}

/** A person's e-mail settings (collection `notification_settings`, `_id` = person id). */
export interface NotificationSettingsDoc {
  _id: string;
  email: Partial<Record<NotificationKind, EmailMode>>;
  updatedAt: Date;
}

const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: NOTIFICATION_KINDS, required: true },
    processId: { type: Schema.Types.ObjectId, default: null },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorName: { type: String, default: null },
    link: { type: String, required: true },
    subjectTitle: { type: String, required: true },
    excerpt: { type: String, default: null },
    detail: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
    readAt: { type: Date, default: null },
    emailMode: { type: String, enum: EMAIL_MODES, default: 'off' },
    digestedAt: { type: Date, default: null },
  },
  { collection: 'notifications', versionKey: false },
);
notificationSchema.index({ personId: 1, createdAt: -1 });

const emailShape = Object.fromEntries(
  NOTIFICATION_KINDS.map((kind) => [kind, { type: String, enum: EMAIL_MODES }]),
);
const settingsSchema = new Schema<NotificationSettingsDoc>(
  {
    _id: { type: String, required: true },
    email: emailShape,
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'notification_settings', versionKey: false, minimize: false },
);

/** Registers the notification models on a connection. */
export function registerNotificationModels(connection: Connection) {
  return {
    Notification: connection.model<NotificationDoc>('Notification', notificationSchema),
    NotificationSettings: connection.model<NotificationSettingsDoc>(
      'NotificationSettings',
      settingsSchema,
    ),
  };
}
