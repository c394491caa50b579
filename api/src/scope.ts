import type { Connection } from 'mongoose';
import type { CollabRevocationSink, Locale, SystemRole } from '@lip/common';
import { mustSetUpSecondFactor, type Actor } from './auth/policy';
import type { SignInMethod } from './auth/auth.model';
import type { RateLimiter } from './auth/rate-limit';
import type { SecretBox } from './auth/secret-box';
import type { Secrets } from './auth/secrets';
import type { SessionService } from './auth/session.service';
import type { Config } from './config';
import type { KeyedLock } from './db/keyed-lock';
import type { Models } from './db/models';
import { DomainError } from './errors';
import type { Loaders } from './loaders';
import type { Logger } from './logger';
import type { MailWorker } from './modules/mail';
import type { OidcRelyingParty } from './modules/oidc/oidc.client';
import type { SearchIndex } from './modules/search';
import type { JobQueue } from './modules/export/job-queue';
import type { OfficeConverter } from './modules/export/office-converter';
import type { PersonDoc } from './modules/person/person.model';
import type { PubSub } from './pubsub/pubsub';

/** Everything the app builds once in `createApp` and shares across requests. */
export interface AppDeps {
  config: Config;
  /** The app's logger (JSON lines; redacts cookies, passwords, tokens). */
  logger: Logger;
  connection: Connection;
  models: Models;
  secrets: Secrets;
  pubsub: PubSub;
  /**
   * Where revocations are written (`writeCollabRevocations`): the collection, and with Redis also
   * a notice to every collab process.
   */
  revocationSink: CollabRevocationSink;
  sessions: SessionService;
  limiters: {
    signInPerAccount: RateLimiter;
    signInPerAddress: RateLimiter;
    /** Second-factor codes per person (at sign-in and when setting it up). */
    secondFactorPerAccount: RateLimiter;
  };
  /**
   * Serialises read-modify-write sequences per key across all API processes (a lease in the
   * database, see `db/keyed-lock.ts`); keys name what is written, e.g. `tasks:<processId>`.
   */
  writeLock: KeyedLock;
  /** The outbox worker; `kick()` after queuing mail delivers it without waiting for a poll. */
  mail: MailWorker;
  /** This process's search index (see `modules/search`). */
  search: SearchIndex;
  /** LibreOffice for ODT and PDF exports (looked for once at start). */
  office: OfficeConverter;
  /** Runs this process's export jobs a few at a time. */
  exportQueue: JobQueue;
  /** Encrypts the TOTP secrets at rest (`TOTP_ENCRYPTION_KEY`). */
  secondFactorBox: SecretBox;
  /** The city's identity provider; null when OIDC is not configured. */
  oidc: OidcRelyingParty | null;
}

/** The signed-in person of a request. */
export interface ViewerState {
  person: PersonDoc;
  sessionId: string;
  actor: Actor;
  /** How this session was started; absent in scopes built by tests (then: password). */
  method?: SignInMethod;
}

/**
 * What a service function receives for one request: the shared deps, the viewer (or null) and
 * the request's DataLoaders. Services never see HTTP or GraphQL objects.
 */
export interface RequestScope extends AppDeps {
  viewer: ViewerState | null;
  locale: Locale;
  loaders: Loaders;
  /** Client address, for rate limits. */
  clientAddress: string;
  /** The browser's User-Agent (first 200 characters), stored with a new session. */
  userAgent?: string | null;
}

/**
 * Builds the policy's actor from a person record; with `session`, a password session of a role
 * that needs a second factor without one is marked (see `mustSetUpSecondFactor`).
 */
export function toActor(
  person: PersonDoc,
  session?: { method: SignInMethod; secondFactorRoles: readonly SystemRole[] },
): Actor {
  return {
    ...(session && mustSetUpSecondFactor(person, session.method, session.secondFactorRoles)
      ? { mustSetUpSecondFactor: true }
      : {}),
    personId: String(person._id),
    systemRole: person.systemRole,
    coordinatorScope: {
      all: person.coordinatorScope?.all ?? false,
      actionFieldKeys: person.coordinatorScope?.actionFieldKeys ?? [],
    },
    organisationId: person.organisationId ? String(person.organisationId) : null,
  };
}

/** The viewer, or an `unauthenticated` error. */
export function requireViewer(scope: RequestScope): ViewerState {
  if (!scope.viewer) throw new DomainError('unauthenticated');
  return scope.viewer;
}
