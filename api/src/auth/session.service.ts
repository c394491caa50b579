import { createHmac, randomBytes } from 'node:crypto';
import {
  writeCollabRevocations,
  type CollabRevocationReason,
  type CollabRevocationSink,
} from '@lip/common';
import type { Types } from 'mongoose';
import type { Models } from '../db/models';
import type { PersonDoc } from '../modules/person/person.model';

/** Name of the httpOnly session cookie. */
export const SESSION_COOKIE = 'lip_session';

/** A live session with its person. */
export interface ActiveSession {
  sessionId: string;
  person: PersonDoc;
}

/**
 * Server-side sessions: the cookie holds a random token, the database only its HMAC (so a leaked
 * database does not yield usable cookies). Revocation writes a `collab_revocations` entry so the
 * collab server closes live connections of the session.
 */
export function createSessionService(deps: {
  models: Models;
  sessionSecret: string;
  ttlDays: number;
  /** Where revocations go; default the collection alone. */
  revocationSink?: CollabRevocationSink;
}) {
  const { models } = deps;
  const revocationSink = deps.revocationSink ?? models.CollabRevocation;
  const hash = (token: string) =>
    createHmac('sha256', deps.sessionSecret).update(token).digest('base64url');

  return {
    /** Creates a session; returns the cookie token (shown once) and the session id. */
    async create(
      personId: Types.ObjectId,
    ): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const sessionId = hash(token);
      const expiresAt = new Date(Date.now() + deps.ttlDays * 86_400_000);
      await models.Session.create({ _id: sessionId, personId, expiresAt });
      return { token, sessionId, expiresAt };
    },

    /** The session and person of a cookie token, or null when unknown, expired or revoked. */
    async resolve(token: string | undefined): Promise<ActiveSession | null> {
      if (!token || token.length > 100) return null;
      const sessionId = hash(token);
      const session = await models.Session.findOne({ _id: sessionId }).lean();
      if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
      const person = await models.Person.findOne({ _id: session.personId }).lean<PersonDoc>();
      if (!person || person.status !== 'active') return null;
      return { sessionId, person };
    },

    /** Revokes one session and tells the collab server. */
    async revoke(
      sessionId: string,
      personId: string,
      reason: CollabRevocationReason,
    ): Promise<void> {
      await models.Session.updateOne({ _id: sessionId }, { $set: { revokedAt: new Date() } });
      await writeCollabRevocations(revocationSink, [{ personId, sessionId, reason }]);
    },

    /** Revokes every live session of a person; returns how many were revoked. */
    async revokeAll(personId: Types.ObjectId, reason: CollabRevocationReason): Promise<number> {
      const result = await models.Session.updateMany(
        { personId, revokedAt: null },
        { $set: { revokedAt: new Date() } },
      );
      await writeCollabRevocations(revocationSink, [{ personId: String(personId), reason }]);
      return result.modifiedCount;
    },
  };
}

/** The session service built by the app. */
export type SessionService = ReturnType<typeof createSessionService>;
