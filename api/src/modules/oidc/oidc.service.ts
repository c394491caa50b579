import { createHmac, randomBytes } from 'node:crypto';
import { writeCollabRevocations, type SystemRole } from '@lip/common';
import * as client from 'openid-client';
import { op } from '../../db/connection';
import type { InvitationDoc } from '../../auth/auth.model';
import type { RequestScope } from '../../scope';
import { isEmailAddress } from '../../validation';
import { activateInvitation } from '../account/account.service';
import { PROVIDER_ACTOR_NAME, recordAudit } from '../audit';
import type { PersonDoc } from '../person/person.model';
import { OidcCallbackError, type OidcIdentity } from './oidc.client';
import type { OidcTransactionDoc } from './oidc.model';

/** A sign-in started at the provider must come back within this time. */
export const OIDC_TRANSACTION_TTL_MS = 10 * 60_000;

/**
 * Why a sign-in through the identity provider did not end in a session; the web app words each
 * on the page `/sign-in/city-account?error=<reason>`.
 */
export type OidcFailure =
  | 'no-access'
  | 'email-unverified'
  | 'invalid-callback'
  | 'provider-error'
  | 'cancelled'
  | 'unavailable'
  | 'account-conflict'
  | 'not-configured';

/** The outcome of a callback. */
export type OidcOutcome =
  { ok: true; token: string; expiresAt: Date; next: string } | { ok: false; reason: OidcFailure };

/** Only same-site paths are followed after signing in (no open redirects). */
export function toSafeNext(next: unknown): string {
  return typeof next === 'string' &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\') &&
    next.length <= 500
    ? next
    : '/';
}

/**
 * Starts a sign-in: a transaction with fresh state, nonce and PKCE verifier, stored under the HMAC
 * of a random browser key (which goes into a short-lived cookie). Returns the provider's address.
 */
export async function beginOidcSignIn(
  scope: RequestScope,
  params: { next: unknown; redirectUri: string },
): Promise<{ url: string; browserKey: string }> {
  const oidc = scope.oidc;
  if (!oidc) throw new OidcCallbackError('unavailable', 'not configured');
  const browserKey = randomBytes(32).toString('base64url');
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const url = await oidc.authorizationUrl({
    redirectUri: params.redirectUri,
    state,
    nonce,
    codeVerifier,
  });
  await scope.models.OidcTransaction.deleteMany({
    createdAt: op({ $lt: new Date(Date.now() - OIDC_TRANSACTION_TTL_MS) }),
  });
  await scope.models.OidcTransaction.create({
    _id: transactionId(scope, browserKey),
    state,
    nonce,
    codeVerifier,
    next: toSafeNext(params.next),
  });
  return { url: url.toString(), browserKey };
}

/**
 * Finishes a sign-in at the callback: takes the browser's transaction (once: a replayed or forged
 * callback finds none), lets openid-client check state, PKCE, the ID token's issuer, audience,
 * signature and nonce, then links the verified e-mail to an account (see {@link linkAccount})
 * and starts our own session. Every failure is an outcome with a reason, never an exception.
 */
export async function finishOidcSignIn(
  scope: RequestScope,
  params: { currentUrl: URL; browserKey: string | undefined },
): Promise<OidcOutcome> {
  const oidc = scope.oidc;
  if (!oidc) return { ok: false, reason: 'not-configured' };
  if (!params.browserKey || params.browserKey.length > 100) {
    return { ok: false, reason: 'invalid-callback' };
  }
  const id = transactionId(scope, params.browserKey);
  const transaction = await scope.models.OidcTransaction.findOne({
    _id: id,
  }).lean<OidcTransactionDoc>();
  const taken = await scope.models.OidcTransaction.deleteOne({ _id: id });
  if (
    !transaction ||
    taken.deletedCount !== 1 ||
    transaction.createdAt.getTime() < Date.now() - OIDC_TRANSACTION_TTL_MS
  ) {
    return { ok: false, reason: 'invalid-callback' };
  }
  let identity: OidcIdentity;
  try {
    identity = await oidc.finish(params.currentUrl, transaction);
  } catch (error) {
    const reason = error instanceof OidcCallbackError ? error.reason : 'invalid-callback';
    scope.logger.warn({ err: error, reason }, 'sign-in through the identity provider refused');
    return { ok: false, reason };
  }
  if (!identity.email || !isEmailAddress(identity.email) || !identity.emailVerified) {
    return { ok: false, reason: 'email-unverified' };
  }
  const linked = await linkAccount(scope, identity);
  if (!linked.ok) return linked;
  const person = await applyRoleClaim(scope, linked.person, identity);
  const session = await scope.sessions.create(person._id, {
    method: 'oidc',
    userAgent: scope.userAgent,
    oidc: {
      issuer: identity.issuer,
      subject: identity.subject,
      sid: identity.sid,
      idToken: identity.idToken,
    },
  });
  return { ok: true, token: session.token, expiresAt: session.expiresAt, next: transaction.next };
}

/**
 * Finds the account of a verified identity: the one already linked to this provider subject; else
 * the active account with this e-mail (linked now); else the pending invitation of this e-mail
 * (accepted now: its name, role, groups and bodies apply); else, when configured, a new account
 * with the automatic role (optionally only for some e-mail domains). Anyone else has no access.
 */
async function linkAccount(
  scope: RequestScope,
  identity: OidcIdentity,
): Promise<{ ok: true; person: PersonDoc } | { ok: false; reason: OidcFailure }> {
  const link = { issuer: identity.issuer, subject: identity.subject, linkedAt: new Date() };
  const bySubject = await scope.models.Person.findOne({
    'oidc.issuer': identity.issuer,
    'oidc.subject': identity.subject,
  }).lean<PersonDoc>();
  if (bySubject) {
    return bySubject.status === 'active'
      ? { ok: true, person: bySubject }
      : { ok: false, reason: 'no-access' };
  }
  const email = identity.email ?? '';
  const byEmail = await scope.models.Person.findOne({ email }).lean<PersonDoc>();
  if (byEmail?.status === 'active') {
    if (byEmail.oidc && byEmail.oidc.subject !== identity.subject) {
      return { ok: false, reason: 'account-conflict' };
    }
    await scope.writeLock.run(`person:${String(byEmail._id)}`, () =>
      scope.models.Person.updateOne({ _id: byEmail._id }, { $set: { oidc: link } }),
    );
    await recordAudit(scope, {
      action: 'person.linked-to-city-account',
      subject: byEmail,
      actor: null,
    });
    return { ok: true, person: { ...byEmail, oidc: link } };
  }
  if (byEmail?.status === 'invited') {
    const invitation = await scope.models.Invitation.findOne({
      personId: byEmail._id,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: op({ $gt: new Date() }),
    })
      .sort({ createdAt: -1 })
      .lean<InvitationDoc>();
    if (!invitation) return { ok: false, reason: 'no-access' };
    try {
      const person = await activateInvitation(scope, invitation, {
        passwordHash: null,
        oidc: link,
      });
      await recordAudit(scope, {
        action: 'person.linked-to-city-account',
        subject: person,
        actor: null,
      });
      return { ok: true, person };
    } catch {
      return { ok: false, reason: 'no-access' };
    }
  }
  if (byEmail) return { ok: false, reason: 'no-access' };
  const auto = scope.oidc?.config;
  const domain = email.slice(email.indexOf('@') + 1);
  if (
    !auto?.autoAccountRole ||
    (auto.autoAccountDomains.length > 0 && !auto.autoAccountDomains.includes(domain))
  ) {
    return { ok: false, reason: 'no-access' };
  }
  const created = await scope.models.Person.create({
    name: identity.name ?? email.slice(0, email.indexOf('@')),
    email,
    locale: identity.locale?.toLowerCase().startsWith('en') ? 'en' : 'de',
    systemRole: auto.autoAccountRole,
    status: 'active',
    oidc: link,
  });
  const person = created.toObject<PersonDoc>();
  await scope.search.noteChange('person', String(person._id));
  await recordAudit(scope, {
    action: 'person.created-by-city-account',
    subject: person,
    actor: null,
    detail: auto.autoAccountRole,
  });
  return { ok: true, person };
}

/**
 * Applies the configured role claim (e.g. `groups`): the first mapped value the person has sets
 * the system role; without a mapped value the role stays as it is. A change revokes the person's
 * live editor connections (new tickets carry the new mode) and is audited.
 */
async function applyRoleClaim(
  scope: RequestScope,
  person: PersonDoc,
  identity: OidcIdentity,
): Promise<PersonDoc> {
  const config = scope.oidc?.config;
  if (!config?.roleClaim) return person;
  const raw = identity.claims[config.roleClaim];
  const values = (Array.isArray(raw) ? raw : [raw]).filter(
    (value): value is string => typeof value === 'string',
  );
  // Keycloak sends group paths ("/lip-admins"); a configured "lip-admins" matches both.
  const has = (claim: string) => values.some((v) => v === claim || v === `/${claim}`);
  const role: SystemRole | undefined = config.roleMap.find(([claim]) => has(claim))?.[1];
  if (!role || role === person.systemRole) return person;
  const coordinatorScope =
    role === 'coordinator' ? { all: true, actionFieldKeys: [] } : person.coordinatorScope;
  await scope.writeLock.run(`person:${String(person._id)}`, () =>
    scope.models.Person.updateOne(
      { _id: person._id },
      { $set: { systemRole: role, coordinatorScope } },
    ),
  );
  await writeCollabRevocations(scope.models.CollabRevocation, [
    { personId: String(person._id), reason: 'role-changed' },
  ]);
  await recordAudit(scope, {
    action: 'person.role-set-by-city-account',
    subject: person,
    actor: { _id: person._id, name: PROVIDER_ACTOR_NAME },
    detail: role,
  });
  return { ...person, systemRole: role, coordinatorScope };
}

/**
 * A back-channel logout from the provider: checks the logout token and ends every session of
 * that provider session (or subject) here; the revocation records close the person's live
 * editor and GraphQL connections within a second. Returns how many sessions ended.
 */
export async function handleBackchannelLogout(
  scope: RequestScope,
  logoutToken: string,
): Promise<number> {
  const oidc = scope.oidc;
  if (!oidc) throw new Error('not configured');
  const claims = await oidc.verifyLogoutToken(logoutToken);
  const ended = await scope.sessions.revokeByProvider({
    issuer: claims.issuer,
    sid: claims.sid,
    subject: claims.subject,
  });
  return ended.length;
}

function transactionId(scope: RequestScope, browserKey: string): string {
  return createHmac('sha256', scope.secrets.sessionSecret)
    .update(`oidc-transaction:${browserKey}`)
    .digest('base64url');
}
