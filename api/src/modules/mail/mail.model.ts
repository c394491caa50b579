import { Schema, type Connection, type Types } from 'mongoose';

/** Where a message stands in the outbox. */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/**
 * One outgoing mail (collection `mail_outbox`): the queue and, without `SMTP_URL`, the development
 * outbox people read in the product. `_id` is deterministic where the sender needs "once" (e.g.
 * `n:<notificationId>`, `digest:<personId>:<day>`), so a repeated enqueue is a harmless duplicate.
 */
export interface OutboxMessageDoc {
  _id: string;
  personId: Types.ObjectId | null;
  to: string;
  /** The kind of mail (a notification kind, `digest` or `invitation`), for the outbox page. */
  kind: string;
  subject: string;
  text: string;
  html: string;
  /** One-click unsubscribe URL for this kind of mail (RFC 8058), when it has one. */
  unsubscribeUrl: string | null;
  status: OutboxStatus;
  /** Delivery attempts made so far; a claim is per (message, attempt). */
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  /** `smtp` or `outbox` (development: kept in the database only). */
  deliveredVia: 'smtp' | 'outbox' | null;
  createdAt: Date;
  sentAt: Date | null;
}

/**
 * A claim on one delivery attempt (collection `mail_claims`, `_id` = `<messageId>#<attempt>`).
 * The unique `_id` insert is atomic on FerretDB too (a filtered update is not), so of several API
 * processes exactly one sends a given attempt.
 */
export interface MailClaimDoc {
  _id: string;
  messageId: string;
  claimedAt: Date;
}

const outboxSchema = new Schema<OutboxMessageDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: Schema.Types.ObjectId, default: null },
    to: { type: String, required: true },
    kind: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String, required: true },
    unsubscribeUrl: { type: String, default: null },
    status: { type: String, enum: ['pending', 'sent', 'failed'], default: 'pending' },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, default: () => new Date() },
    lastError: { type: String, default: null },
    deliveredVia: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
    sentAt: { type: Date, default: null },
  },
  { collection: 'mail_outbox', versionKey: false },
);
outboxSchema.index({ status: 1, nextAttemptAt: 1 });

const claimSchema = new Schema<MailClaimDoc>(
  {
    _id: { type: String, required: true },
    messageId: { type: String, required: true },
    claimedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'mail_claims', versionKey: false },
);

/** Registers the outbox and claim models on a connection. */
export function registerMailModels(connection: Connection) {
  return {
    OutboxMessage: connection.model<OutboxMessageDoc>('OutboxMessage', outboxSchema),
    MailClaim: connection.model<MailClaimDoc>('MailClaim', claimSchema),
  };
}
