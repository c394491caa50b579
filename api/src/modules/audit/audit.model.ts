import { Schema, type Connection, type Types } from 'mongoose';
import { AUDIT_ACTIONS, type AuditAction } from '@lip/common';

/**
 * One entry of the audit trail (collection `audit_entries`): who did what to whom and when.
 * Names are copied as they were at the time, so the entry stays readable after an account is
 * deleted; entries are removed after `AUDIT_RETENTION_DAYS` by the daily prune.
 */
export interface AuditEntryDoc {
  _id: Types.ObjectId;
  action: AuditAction;
  /** Null when the identity provider or the system acted (e.g. a role set from a claim). */
  actorId: Types.ObjectId | null;
  actorName: string;
  subjectId: Types.ObjectId | null;
  subjectName: string | null;
  /** A short, non-sensitive detail: a role, "on"/"off", a count. */
  detail: string | null;
  createdAt: Date;
}

const auditSchema = new Schema<AuditEntryDoc>(
  {
    action: { type: String, enum: AUDIT_ACTIONS, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorName: { type: String, required: true },
    subjectId: { type: Schema.Types.ObjectId, default: null },
    subjectName: { type: String, default: null },
    detail: { type: String, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'audit_entries', versionKey: false },
);
auditSchema.index({ createdAt: -1 });
auditSchema.index({ subjectId: 1 });

/** Registers the AuditEntry model on a connection. */
export function registerAuditModel(connection: Connection) {
  return connection.model<AuditEntryDoc>('AuditEntry', auditSchema);
}
