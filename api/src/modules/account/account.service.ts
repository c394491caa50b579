import { createHash, randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { z } from 'zod';
import { GROUP_ROLES, LOCALES, SECTORS, SYSTEM_ROLES, type Locale } from '@lip/common';
import type { InvitationDoc, SessionDoc, SignInSettingsDoc } from '../../auth/auth.model';
import { DUMMY_HASH_PASSWORD, hashPassword, verifyPassword } from '../../auth/password';
import { canAct, canInviteAs } from '../../auth/policy';
import { op } from '../../db/connection';
import { DomainError, forbidden } from '../../errors';
import { requireViewer, toActor, type RequestScope, type ViewerState } from '../../scope';
import { emailSchema, objectIdSchema, parseInput, textSchema } from '../../validation';
import { enqueueInvitationMail } from '../notification';
import type { PersonDoc, PersonOidcLink } from '../person/person.model';
import { recordActivity } from '../activity/activity.service';
import { recordAudit } from '../audit';
import { openSignInChallenge, signSignInChallenge, verifySecondFactorCode } from '../second-factor';
import { changeProcessStructure, loadProcess } from '../process/process.service';

/** Invitations expire after 14 days. */
export const INVITATION_TTL_MS = 14 * 86_400_000;

const passwordSchema = z.string().min(10, 'must have at least 10 characters').max(200);

const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

/** A finished sign-in: the cookie token and the new viewer. */
export interface SignedIn {
  token: string;
  viewer: ViewerState;
  expiresAt: Date;
}

/**
 * Signs in with email and password. Attempts are limited per account (5 per 15 min) and per
 * client address (30 per 15 min): each attempt is reserved before the password is verified and
 * given back when it succeeds, so only failures use up the limits (people signing in from one
 * office address are not locked out) and concurrent guesses cannot all pass the check before any
 * is counted. Unknown accounts cost the same time as wrong passwords. A person with a second
 * factor gets a short-lived challenge instead of a session (see {@link completeSignIn}); an
 * account linked to the city's identity provider is refused when admins switched password
 * sign-in off for such accounts.
 */
export async function signIn(
  scope: RequestScope,
  input: unknown,
): Promise<SignedIn | { challenge: string }> {
  const { email, password } = parseInput(signInSchema, input);
  const wait = Math.max(
    scope.limiters.signInPerAccount.hit(email),
    scope.limiters.signInPerAddress.hit(scope.clientAddress),
  );
  if (wait > 0) throw new DomainError('rate-limited', 'too many sign-in attempts', [], wait);

  const person = await scope.models.Person.findOne({ email }).lean<PersonDoc>();
  const hash = person?.passwordHash ?? (await dummyHash(scope));
  const ok = await verifyPassword(hash, password);
  if (!person || !person.passwordHash || person.status !== 'active' || !ok) {
    throw new DomainError('invalid-credentials');
  }
  scope.limiters.signInPerAccount.reset(email);
  scope.limiters.signInPerAddress.refund(scope.clientAddress);
  if (person.oidc && !(await signInSettings(scope)).passwordForCityAccounts) {
    throw new DomainError('password-sign-in-disabled');
  }
  if (person.secondFactorEnabled) return { challenge: signSignInChallenge(scope, person._id) };
  return startPasswordSession(scope, person);
}

/**
 * The second step of a password sign-in with a second factor: the challenge from
 * {@link signIn} and a TOTP or recovery code (rate-limited per person, a code used once).
 */
export async function completeSignIn(scope: RequestScope, input: unknown): Promise<SignedIn> {
  const args = parseInput(
    z.object({ challenge: z.string().min(10).max(500), code: z.string().max(40) }),
    input,
  );
  const personId = openSignInChallenge(scope, args.challenge);
  await verifySecondFactorCode(scope, personId, args.code.replace(/\s/g, ''));
  const person = await scope.models.Person.findOne({ _id: personId }).lean<PersonDoc>();
  if (!person || person.status !== 'active') throw new DomainError('sign-in-expired');
  return startPasswordSession(scope, person);
}

async function startPasswordSession(scope: RequestScope, person: PersonDoc): Promise<SignedIn> {
  const session = await scope.sessions.create(person._id, {
    method: 'password',
    userAgent: scope.userAgent,
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    viewer: {
      person,
      sessionId: session.sessionId,
      method: 'password',
      actor: toActor(person, {
        method: 'password',
        secondFactorRoles: scope.config.secondFactorRoles,
      }),
    },
  };
}

/** The workspace's sign-in settings (defaults when never changed). */
export async function signInSettings(scope: RequestScope): Promise<SignInSettingsDoc> {
  const row = await scope.models.SignInSettings.findOne({
    _id: 'sign-in',
  }).lean<SignInSettingsDoc>();
  return row ?? { _id: 'sign-in', passwordForCityAccounts: true, updatedAt: new Date(0) };
}

/**
 * Switches password sign-in for accounts linked to the city's identity provider on or off
 * (admins). Switching it off ends those people's password sessions. Audited.
 */
export async function setPasswordSignInForCityAccounts(
  scope: RequestScope,
  enabled: unknown,
): Promise<SignInSettingsDoc> {
  const viewer = requireViewer(scope);
  const value = parseInput(z.boolean(), enabled);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'manageSignIn', process, { type: 'people' })) throw forbidden();
  await scope.writeLock.run('sign-in-settings', () =>
    scope.models.SignInSettings.updateOne(
      { _id: 'sign-in' },
      { $set: { passwordForCityAccounts: value, updatedAt: new Date() } },
      { upsert: true },
    ),
  );
  if (!value) {
    const linked = await scope.models.Person.find(
      { 'oidc.subject': op({ $exists: true, $ne: null }) },
      { _id: 1 },
    ).lean<{ _id: Types.ObjectId }[]>();
    const ids = linked.map((p) => p._id);
    if (ids.length > 0) {
      const live = await scope.models.Session.find({
        personId: op({ $in: ids }),
        revokedAt: null,
        method: op({ $ne: 'oidc' as const }),
      }).lean<SessionDoc[]>();
      for (const session of live) {
        if (session._id === viewer.sessionId) continue;
        await scope.sessions.revoke(session._id, String(session.personId), 'session-revoked');
      }
    }
  }
  await recordAudit(scope, {
    action: 'sign-in.password-for-city-accounts-changed',
    subject: null,
    detail: value ? 'on' : 'off',
  });
  return signInSettings(scope);
}

// A fixed hash to verify against for unknown accounts, computed lazily per app.
const dummyHashes = new WeakMap<object, Promise<string>>();
function dummyHash(scope: RequestScope): Promise<string> {
  let hash = dummyHashes.get(scope.limiters);
  if (!hash) {
    hash = hashPassword(DUMMY_HASH_PASSWORD);
    dummyHashes.set(scope.limiters, hash);
  }
  return hash;
}

/** Ends the viewer's current session (and, through the revocation log, its editor connections). */
export async function signOut(scope: RequestScope): Promise<boolean> {
  if (!scope.viewer) return false;
  await scope.sessions.revoke(scope.viewer.sessionId, scope.viewer.actor.personId, 'sign-out');
  return true;
}

/**
 * Ends the viewer's session here and, when it was started through the city's identity provider,
 * returns the provider's logout address (RP-initiated logout with the ID token as hint), so the
 * browser ends the session there too.
 */
export async function endSession(
  scope: RequestScope,
  postLogoutRedirectUri: string,
): Promise<{ signedOut: boolean; providerLogoutUrl: string | null }> {
  if (!scope.viewer) return { signedOut: false, providerLogoutUrl: null };
  const record = await scope.models.Session.findOne({
    _id: scope.viewer.sessionId,
  }).lean<SessionDoc>();
  await scope.sessions.revoke(scope.viewer.sessionId, scope.viewer.actor.personId, 'sign-out');
  let providerLogoutUrl: string | null = null;
  if (record?.oidc && scope.oidc) {
    try {
      providerLogoutUrl = await scope.oidc.logoutUrl(record.oidc.idToken, postLogoutRedirectUri);
    } catch (error) {
      // Signed out here all the same; the provider's session ends when it expires.
      scope.logger.warn({ err: error }, 'identity provider logout address unavailable');
    }
  }
  return { signedOut: true, providerLogoutUrl };
}

/** Ends every session of the viewer. */
export async function signOutEverywhere(scope: RequestScope): Promise<number> {
  const viewer = requireViewer(scope);
  return scope.sessions.revokeAll(viewer.person._id, 'sign-out-everywhere');
}

/** Changes the viewer's interface language. */
export async function setLocale(scope: RequestScope, locale: unknown): Promise<ViewerState> {
  const viewer = requireViewer(scope);
  const value = parseInput(z.enum(LOCALES), locale);
  await scope.writeLock.run(`person:${String(viewer.person._id)}`, () =>
    scope.models.Person.updateOne({ _id: viewer.person._id }, { $set: { locale: value } }),
  );
  const person = { ...viewer.person, locale: value };
  scope.viewer = { ...viewer, person };
  scope.locale = value;
  return scope.viewer;
}

const createInvitationSchema = z.object({
  email: emailSchema,
  name: textSchema(120, 2),
  locale: z.enum(LOCALES).default('de'),
  organisationId: objectIdSchema.nullish(),
  systemRole: z.enum(SYSTEM_ROLES).default('member'),
  groups: z
    .array(
      z.object({
        groupId: objectIdSchema,
        role: z.enum(GROUP_ROLES),
        sector: z.enum(SECTORS),
      }),
    )
    .max(10)
    .nullish(),
  bodyIds: z.array(objectIdSchema).max(20).nullish(),
});

/** The stored form of an invitation token (only its hash is kept). */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
const hashToken = hashInvitationToken;

/**
 * Creates an invitation (coordinators and admins; only admins may invite admins or coordinators)
 * and an inactive account for the email. Returns the one-time token for the copyable link.
 */
export async function createInvitation(
  scope: RequestScope,
  input: unknown,
): Promise<{ invitation: InvitationDoc; token: string }> {
  const viewer = requireViewer(scope);
  const args = parseInput(createInvitationSchema, input);
  const process = await loadProcess(scope);
  if (!canInviteAs(viewer.actor, process, args.systemRole)) throw forbidden();
  for (const g of args.groups ?? []) {
    const group = process.groups.find((x) => String(x._id) === g.groupId);
    if (!group) throw new DomainError('not-found', 'group');
    if (
      !canAct(viewer.actor, 'manageGroup', process, {
        type: 'actionField',
        key: group.actionFieldKey,
      })
    ) {
      throw forbidden();
    }
  }
  for (const bodyId of args.bodyIds ?? []) {
    if (!process.bodies.some((b) => String(b._id) === bodyId))
      throw new DomainError('not-found', 'body');
    if (!canAct(viewer.actor, 'manageBodies', process, { type: 'bodies' })) throw forbidden();
  }
  if (args.organisationId && !(await scope.loaders.organisation.load(args.organisationId))) {
    throw new DomainError('not-found', 'organisation');
  }

  const existing = await scope.models.Person.findOne({ email: args.email }).lean<PersonDoc>();
  // A deactivated account is not re-opened by an invitation: reactivation is its own action.
  if (existing && existing.status !== 'invited') {
    throw new DomainError('already-exists', 'email', [
      { path: 'email', rule: 'taken', message: 'an account with this address exists' },
    ]);
  }
  // Re-inviting a pending person needs the right to invite into the role stored for them too.
  if (existing && !canInviteAs(viewer.actor, process, existing.systemRole)) throw forbidden();
  const person =
    existing ??
    (
      await scope.models.Person.create({
        name: args.name,
        email: args.email,
        locale: args.locale,
        organisationId: args.organisationId ?? null,
        systemRole: args.systemRole,
        status: 'invited',
      })
    ).toObject<PersonDoc>();

  const token = randomBytes(24).toString('base64url');
  const invitation = await scope.models.Invitation.create({
    tokenHash: hashToken(token),
    email: args.email,
    name: args.name,
    locale: args.locale,
    organisationId: args.organisationId ?? null,
    systemRole: args.systemRole,
    processId: process._id,
    groups: (args.groups ?? []).map((g) => ({ ...g, groupId: new Types.ObjectId(g.groupId) })),
    bodyIds: (args.bodyIds ?? []).map((id) => new Types.ObjectId(id)),
    personId: person._id,
    invitedById: viewer.person._id,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  const saved = invitation.toObject<InvitationDoc>();
  await recordAudit(scope, {
    action: 'person.invited',
    subject: { _id: person._id, name: args.name },
    detail: args.systemRole,
  });
  await scope.search.noteChange('person', String(person._id));
  // Mailed as well; the inviter keeps the copyable link (for when mail does not arrive).
  await enqueueInvitationMail(scope, {
    invitationId: String(saved._id),
    person: { _id: person._id, name: args.name, email: args.email, locale: args.locale },
    inviterName: viewer.person.name,
    link: `/invitation/${token}`,
    expiresAt: saved.expiresAt,
  });
  return { invitation: saved, token };
}

/** A pending invitation by token, or null when unknown, accepted, revoked or expired. */
export async function findPendingInvitation(
  scope: RequestScope,
  token: unknown,
): Promise<InvitationDoc | null> {
  const parsed = z.string().min(10).max(100).safeParse(token);
  if (!parsed.success) return null;
  const invitation = await scope.models.Invitation.findOne({
    tokenHash: hashToken(parsed.data),
  }).lean<InvitationDoc>();
  if (
    !invitation ||
    invitation.acceptedAt ||
    invitation.revokedAt ||
    invitation.expiresAt.getTime() <= Date.now()
  ) {
    return null;
  }
  return invitation;
}

/** Invitations of the workspace, newest first (coordinators and admins). */
export async function listInvitations(scope: RequestScope): Promise<InvitationDoc[]> {
  const viewer = requireViewer(scope);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'invite', process, { type: 'people' })) throw forbidden();
  return scope.models.Invitation.find({})
    .sort({ createdAt: -1 })
    .limit(200)
    .lean<InvitationDoc[]>();
}

const acceptSchema = z.object({ token: z.string().min(10).max(100), password: passwordSchema });

/**
 * Accepts an invitation: sets the password, activates the account with exactly the role, name,
 * organisation and language of this invitation (never a role stored for the pending person),
 * adds the memberships chosen by the inviter and starts a session. Refused when the person is
 * already active; every other invitation of the person is revoked, so an older link cannot reset
 * the password later. One acceptance per person at a time, across API processes.
 */
export async function acceptInvitation(scope: RequestScope, input: unknown): Promise<SignedIn> {
  const args = parseInput(acceptSchema, input);
  const found = await findPendingInvitation(scope, args.token);
  if (!found) throw new DomainError('invitation-invalid');
  const passwordHash = await hashPassword(args.password);
  const person = await activateInvitation(scope, found, { passwordHash, oidc: null });
  return startPasswordSession(scope, person);
}

/**
 * Activates the pending person of an invitation (the invitation's name, language, organisation,
 * role, groups and bodies apply), with a password or a link to the city's identity provider.
 * Throws `invitation-invalid` when it was accepted, revoked or expired meanwhile.
 */
export async function activateInvitation(
  scope: RequestScope,
  found: InvitationDoc,
  credentials: { passwordHash: string | null; oidc: PersonOidcLink | null },
): Promise<PersonDoc> {
  const personId = found.personId;
  const { invitation, person } = await scope.writeLock.run(
    `person:${String(personId)}`,
    async () => {
      const pending = await scope.models.Invitation.findOne({
        _id: found._id,
      }).lean<InvitationDoc>();
      const current = await scope.models.Person.findOne({ _id: personId }).lean<PersonDoc>();
      if (
        !pending ||
        pending.acceptedAt ||
        pending.revokedAt ||
        pending.expiresAt.getTime() <= Date.now() ||
        !current ||
        current.status !== 'invited'
      ) {
        throw new DomainError('invitation-invalid');
      }
      const now = new Date();
      await scope.models.Invitation.updateOne({ _id: pending._id }, { $set: { acceptedAt: now } });
      await scope.models.Invitation.updateMany(
        { personId, _id: op({ $ne: pending._id }), acceptedAt: null, revokedAt: null },
        { $set: { revokedAt: now } },
      );
      await scope.models.Person.updateOne(
        { _id: personId },
        {
          $set: {
            passwordHash: credentials.passwordHash,
            ...(credentials.oidc ? { oidc: credentials.oidc } : {}),
            status: 'active',
            name: pending.name,
            locale: pending.locale,
            organisationId: pending.organisationId,
            systemRole: pending.systemRole,
            coordinatorScope: { all: false, actionFieldKeys: [] },
          },
        },
      );
      const activated = await scope.models.Person.findOne({ _id: personId }).lean<PersonDoc>();
      if (!activated) throw new DomainError('invitation-invalid');
      return { invitation: pending, person: activated };
    },
  );

  if (invitation.processId && (invitation.groups.length > 0 || invitation.bodyIds.length > 0)) {
    const organisation = person.organisationId
      ? await scope.loaders.organisation.load(String(person.organisationId))
      : null;
    await changeProcessStructure(scope, String(invitation.processId), ['groups', 'bodies'], (p) => {
      for (const g of invitation.groups) {
        const group = p.groups.find((x) => String(x._id) === String(g.groupId));
        if (!group || group.members.some((m) => String(m.personId) === String(person._id)))
          continue;
        group.members.push({
          personId: person._id,
          name: person.name,
          organisationId: person.organisationId,
          organisationName: organisation?.name ?? null,
          role: g.role,
          sector: g.sector,
        });
      }
      for (const bodyId of invitation.bodyIds) {
        const body = p.bodies.find((b) => String(b._id) === String(bodyId));
        if (body && !body.memberIds.some((id) => String(id) === String(person._id))) {
          body.memberIds.push(person._id);
        }
      }
    });
  }
  const process = invitation.processId
    ? await scope.loaders.process.load(String(invitation.processId))
    : null;
  if (process) {
    // The activity names its actor: the person who just joined.
    const previous = scope.viewer;
    scope.viewer = { person, sessionId: '', actor: toActor(person) };
    await recordActivity(scope, {
      processId: process._id,
      actionFieldKey: null,
      verb: 'invitation.accepted',
      subjectTitle: process.title,
    });
    scope.viewer = previous;
  }
  await scope.search.noteChange('person', String(person._id));
  return person;
}

/** The locale to answer in: the viewer's, else the one given by the client. */
export function localeOf(viewer: ViewerState | null, fallback: Locale): Locale {
  return viewer?.person.locale ?? fallback;
}
