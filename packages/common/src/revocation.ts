/**
 * The collab revocation contract, decided once: the API writes a record into
 * `collab_revocations` whenever access to live editor connections ends or changes, and the
 * collab server polls the collection and closes the matching connections with AccessRevoked
 * (4410). The client then asks the API for a new ticket and the policy decides its new mode.
 */

/** The collection both processes use. */
export const COLLAB_REVOCATIONS_COLLECTION = 'collab_revocations';

/** Why access was revoked; kept as a closed list so both sides and the logs agree. */
export const COLLAB_REVOCATION_REASONS = [
  /** The person signed out (one session). */
  'sign-out',
  /** The person signed out everywhere (every session). */
  'sign-out-everywhere',
  /** An administrator ended a session or a password was changed. */
  'session-revoked',
  /** Role or coordinator scope changed. */
  'role-changed',
  /** The person was deactivated or removed. */
  'person-deactivated',
  'group-membership-removed',
  'body-membership-removed',
  /** A document stopped being shared with a body. */
  'document-unshared',
  /** A document's status changed (e.g. accepted: nobody may edit any more). */
  'document-status-changed',
  /** A measure was adopted: its description is frozen for the group. */
  'measure-adopted',
  /** The identity provider ended the person's session there (OpenID Connect back-channel logout). */
  'provider-logout',
  /** The person's account was deleted (by themselves or an administrator). */
  'account-deleted',
] as const;
export type CollabRevocationReason = (typeof COLLAB_REVOCATION_REASONS)[number];

/**
 * What a revocation applies to. A person's revocation may be narrowed to one document and/or one
 * session; a document-wide revocation (no person) closes every connection of that document.
 */
export type CollabRevocation =
  | {
      personId: string;
      documentId?: string;
      sessionId?: string;
      reason: CollabRevocationReason;
    }
  | {
      personId?: undefined;
      documentId: string;
      sessionId?: undefined;
      reason: CollabRevocationReason;
    };

/** A stored revocation: `createdAt` is the writer's clock (the poller allows for skew). */
export type CollabRevocationRecord = CollabRevocation & { createdAt: Date };

/** The identity of a live connection, as a revocation is matched against it. */
export interface RevocableConnection {
  personId: string;
  documentId: string;
  sessionId: string;
}

/** A stored field that may be absent or null (older records, other writers). */
type Maybe<T> = T | null | undefined;

/** Whether a revocation (as stored, so fields may be null) applies to a connection. */
export function isRevocationFor(
  revocation: {
    personId?: Maybe<string>;
    documentId?: Maybe<string>;
    sessionId?: Maybe<string>;
  },
  connection: RevocableConnection,
): boolean {
  const { personId, documentId, sessionId } = revocation;
  if (personId === undefined || personId === null) {
    // Document-wide: needs a document, or it would revoke everything.
    return typeof documentId === 'string' && documentId === connection.documentId;
  }
  return (
    personId === connection.personId &&
    (documentId === undefined || documentId === null || documentId === connection.documentId) &&
    (sessionId === undefined || sessionId === null || sessionId === connection.sessionId)
  );
}

/** Where revocations are written: a MongoDB collection or a mongoose model of it. */
export interface CollabRevocationSink {
  insertMany(records: CollabRevocationRecord[]): Promise<unknown>;
}

/**
 * Writes revocations: the one function every writer uses (sessions, membership, roles, document
 * status and sharing). `createdAt` is set here, from the writer's clock.
 */
export async function writeCollabRevocations(
  sink: CollabRevocationSink,
  revocations: readonly CollabRevocation[],
  now: Date = new Date(),
): Promise<void> {
  if (revocations.length === 0) return;
  await sink.insertMany(revocations.map((revocation) => ({ ...revocation, createdAt: now })));
}

/**
 * The Redis channel of the revocation fast path (with `REDIS_URL`): the API publishes every
 * record it writes (a signed notice, `signRevocationNotice` in `@lip/common/server`), and every
 * collab and API process closes the matching connections at once instead of at its next poll.
 * The database stays the source of truth: a notice that is lost is found by the poll.
 */
export function revocationChannel(redisPrefix: string): string {
  return `${redisPrefix}revocations`;
}

/** A revocation as a notice carries it: the record with its id and creation time (ms). */
export type RevocationNotice = {
  id: string;
  personId?: string;
  documentId?: string;
  sessionId?: string;
  reason: CollabRevocationReason;
  createdAtMs: number;
};
