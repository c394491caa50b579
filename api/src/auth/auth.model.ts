import { Schema, type Connection, type Types } from 'mongoose';
import {
  COLLAB_REVOCATION_REASONS,
  COLLAB_REVOCATIONS_COLLECTION,
  SYSTEM_ROLES,
  type CollabRevocationReason,
  type SystemRole,
  type GroupRole,
  type Sector,
  type Locale,
} from '@lip/common';

/** A server-side session; `_id` is the SHA-256 of the cookie token (HMAC with the session secret). */
export interface SessionDoc {
  _id: string;
  personId: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** An invitation; only the hash of its token is stored. */
export interface InvitationDoc {
  _id: Types.ObjectId;
  tokenHash: string;
  email: string;
  name: string;
  locale: Locale;
  organisationId: Types.ObjectId | null;
  systemRole: SystemRole;
  processId: Types.ObjectId | null;
  groups: { groupId: Types.ObjectId; role: GroupRole; sector: Sector }[];
  bodyIds: Types.ObjectId[];
  personId: Types.ObjectId;
  invitedById: Types.ObjectId;
  expiresAt: Date;
  acceptedAt: Date | null;
  /** Set when another invitation of the same person was accepted; the link is dead. */
  revokedAt: Date | null;
  createdAt: Date;
}

/**
 * The revocation record the collab server polls (`@lip/common` revocation contract); written
 * only through `writeCollabRevocations`.
 */
export interface CollabRevocationDoc {
  _id: Types.ObjectId;
  personId?: string;
  documentId?: string;
  sessionId?: string;
  reason: CollabRevocationReason;
  createdAt: Date;
}

const sessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: Schema.Types.ObjectId, required: true, index: true },
    createdAt: { type: Date, default: () => new Date() },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'sessions', versionKey: false },
);

const invitationSchema = new Schema<InvitationDoc>(
  {
    tokenHash: { type: String, required: true, unique: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    locale: { type: String, default: 'de' },
    organisationId: { type: Schema.Types.ObjectId, default: null },
    systemRole: { type: String, enum: SYSTEM_ROLES, default: 'member' },
    processId: { type: Schema.Types.ObjectId, default: null },
    groups: [
      {
        _id: false,
        groupId: { type: Schema.Types.ObjectId, required: true },
        role: { type: String, required: true },
        sector: { type: String, required: true },
      },
    ],
    bodyIds: { type: [Schema.Types.ObjectId], default: [] },
    personId: { type: Schema.Types.ObjectId, required: true },
    invitedById: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: 'invitations', versionKey: false },
);

const revocationSchema = new Schema<CollabRevocationDoc>(
  {
    personId: { type: String },
    documentId: { type: String },
    sessionId: { type: String },
    reason: { type: String, enum: COLLAB_REVOCATION_REASONS, required: true },
    createdAt: { type: Date, default: () => new Date() },
  },
  { collection: COLLAB_REVOCATIONS_COLLECTION, versionKey: false },
);
// The API's websocket layer reads new records by creation time (see auth/revocation-watch.ts).
revocationSchema.index({ createdAt: 1 });

/** Registers the session, invitation and collab-revocation models on a connection. */
export function registerAuthModels(connection: Connection) {
  return {
    Session: connection.model<SessionDoc>('Session', sessionSchema),
    Invitation: connection.model<InvitationDoc>('Invitation', invitationSchema),
    CollabRevocation: connection.model<CollabRevocationDoc>('CollabRevocation', revocationSchema),
  };
}
