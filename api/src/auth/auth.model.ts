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

/** How a session was started: e-mail and password (plus a second factor) or the city's provider. */
export const SIGN_IN_METHODS = ['password', 'oidc'] as const;
/** One of {@link SIGN_IN_METHODS}. */
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** The provider's view of a session started through OpenID Connect (for logout at both ends). */
export interface SessionOidc {
  issuer: string;
  subject: string;
  /** The provider's session id (`sid` claim), matched by back-channel logout; null if not sent. */
  sid: string | null;
  /** The ID token, sent back as `id_token_hint` when signing out at the provider. */
  idToken: string;
}

/** A server-side session; `_id` is the SHA-256 of the cookie token (HMAC with the session secret). */
export interface SessionDoc {
  _id: string;
  personId: Types.ObjectId;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  /** Older sessions have none: they were password sessions. */
  method?: SignInMethod;
  /** The browser's User-Agent at sign-in (first 200 characters), to tell devices apart. */
  userAgent?: string | null;
  oidc?: SessionOidc | null;
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
    method: { type: String, enum: SIGN_IN_METHODS, default: 'password' },
    userAgent: { type: String, default: null },
    oidc: {
      type: new Schema<SessionOidc>(
        {
          issuer: { type: String, required: true },
          subject: { type: String, required: true },
          sid: { type: String, default: null },
          idToken: { type: String, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { collection: 'sessions', versionKey: false },
);
// Back-channel logout finds the sessions of a provider session or subject.
sessionSchema.index({ 'oidc.sid': 1 });
sessionSchema.index({ 'oidc.subject': 1 });

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

/**
 * The workspace's sign-in settings (collection `sign_in_settings`, one row `_id: 'sign-in'`),
 * changed by admins. Missing row = defaults.
 */
export interface SignInSettingsDoc {
  _id: string;
  /** Whether people linked to the city's identity provider may still sign in with a password. */
  passwordForCityAccounts: boolean;
  updatedAt: Date;
}

const signInSettingsSchema = new Schema<SignInSettingsDoc>(
  {
    _id: { type: String, required: true },
    passwordForCityAccounts: { type: Boolean, default: true },
    updatedAt: { type: Date, default: () => new Date() },
  },
  { collection: 'sign_in_settings', versionKey: false },
);

/** Registers the session, invitation and collab-revocation models on a connection. */
export function registerAuthModels(connection: Connection) {
  return {
    SignInSettings: connection.model<SignInSettingsDoc>('SignInSettings', signInSettingsSchema),
    Session: connection.model<SessionDoc>('Session', sessionSchema),
    Invitation: connection.model<InvitationDoc>('Invitation', invitationSchema),
    CollabRevocation: connection.model<CollabRevocationDoc>('CollabRevocation', revocationSchema),
  };
}
