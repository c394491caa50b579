import { createHmac, timingSafeEqual } from 'node:crypto';
import { Types } from 'mongoose';
import { toDataURL } from 'qrcode';
import { z } from 'zod';
import { canAct } from '../../auth/policy';
import { DomainError, forbidden, notFound } from '../../errors';
import { requireViewer, toActor, type RequestScope, type ViewerState } from '../../scope';
import { objectIdSchema, parseInput } from '../../validation';
import { recordAudit } from '../audit';
import type { PersonDoc } from '../person/person.model';
import { loadProcess } from '../process/process.service';
import type { SecondFactorDoc } from './second-factor.model';
import {
  hashRecoveryCode,
  isRecoveryCodeShape,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  totpUri,
} from './totp';

/** Name shown in authenticator apps above the account. */
const TOTP_ISSUER = 'LIP-Werkstatt';
/** A started password sign-in waits this long for its second factor. */
export const SIGN_IN_CHALLENGE_TTL_MS = 5 * 60_000;

const codeSchema = z.object({
  code: z
    .string()
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().min(6, 'must be the 6-digit code or a recovery code').max(20)),
});

/** What a person sees about their own second factor. */
export interface SecondFactorStatus {
  enabled: boolean;
  /** Their role needs one for password sign-in (SECOND_FACTOR_ROLES). */
  requiredForRole: boolean;
  /** This session may not act before it is set up. */
  setupRequired: boolean;
  recoveryCodesLeft: number;
}

/** The viewer's second-factor status. */
export async function secondFactorStatus(
  scope: RequestScope,
  viewer: ViewerState,
): Promise<SecondFactorStatus> {
  const record = await scope.models.SecondFactor.findOne({
    _id: String(viewer.person._id),
  }).lean<SecondFactorDoc>();
  return {
    enabled: viewer.person.secondFactorEnabled === true,
    requiredForRole: scope.config.secondFactorRoles.includes(viewer.person.systemRole),
    setupRequired: viewer.actor.mustSetUpSecondFactor === true,
    recoveryCodesLeft: record?.secret ? record.recoveryCodeHashes.length : 0,
  };
}

/**
 * Starts setting up TOTP: a new secret, kept sealed as pending until a code from the app confirms
 * it. Returns the secret (for typing it in), the `otpauth://` URI and a QR code as an SVG data
 * URL; the secret is never shown again after the setup.
 */
export async function startSecondFactorSetup(
  scope: RequestScope,
): Promise<{ secret: string; uri: string; qrCode: string }> {
  const viewer = requireViewer(scope);
  if (viewer.person.secondFactorEnabled) throw new DomainError('already-exists', 'second factor');
  const secret = newTotpSecret();
  const id = String(viewer.person._id);
  await scope.writeLock.run(`person:${id}`, () =>
    scope.models.SecondFactor.updateOne(
      { _id: id },
      {
        $set: {
          pendingSecret: scope.secondFactorBox.seal(secret),
          pendingSince: new Date(),
          updatedAt: new Date(),
        },
        $setOnInsert: { secret: null, enabledAt: null, recoveryCodeHashes: [], lastUsedStep: 0 },
      },
      { upsert: true },
    ),
  );
  const uri = totpUri(secret, viewer.person.email, TOTP_ISSUER);
  const qrCode = await toDataURL(uri, { type: 'image/png', margin: 2, width: 240 });
  return { secret, uri, qrCode };
}

/**
 * Confirms the pending secret with a current code from the app: the second factor is on, and ten
 * recovery codes are returned once (stored only as hashes). Rate-limited like the password.
 */
export async function confirmSecondFactorSetup(
  scope: RequestScope,
  input: unknown,
): Promise<{ recoveryCodes: string[]; viewer: ViewerState }> {
  const viewer = requireViewer(scope);
  const { code } = parseInput(codeSchema, input);
  const id = String(viewer.person._id);
  reserveAttempt(scope, id);
  const recoveryCodes = newRecoveryCodes();
  await scope.writeLock.run(`person:${id}`, async () => {
    const record = await scope.models.SecondFactor.findOne({ _id: id }).lean<SecondFactorDoc>();
    const pending = record?.pendingSecret ? scope.secondFactorBox.open(record.pendingSecret) : null;
    if (!record || !pending) throw new DomainError('second-factor-invalid', 'no setup started');
    const step = matchTotpStep(pending, code);
    if (step === null) throw invalidCode();
    await scope.models.SecondFactor.updateOne(
      { _id: id },
      {
        $set: {
          secret: record.pendingSecret,
          enabledAt: new Date(),
          pendingSecret: null,
          pendingSince: null,
          recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
          lastUsedStep: step,
          updatedAt: new Date(),
        },
      },
    );
    await scope.models.Person.updateOne(
      { _id: viewer.person._id },
      { $set: { secondFactorEnabled: true } },
    );
  });
  scope.limiters.secondFactorPerAccount.reset(id);
  const person = { ...viewer.person, secondFactorEnabled: true };
  scope.viewer = {
    ...viewer,
    person,
    actor: toActor(person, {
      method: viewer.method ?? 'password',
      secondFactorRoles: scope.config.secondFactorRoles,
    }),
  };
  return { recoveryCodes, viewer: scope.viewer };
}

/**
 * Turns the second factor off after checking a current code; refused when the person's role needs
 * one (SECOND_FACTOR_ROLES).
 */
export async function disableSecondFactor(
  scope: RequestScope,
  input: unknown,
): Promise<ViewerState> {
  const viewer = requireViewer(scope);
  const { code } = parseInput(codeSchema, input);
  if (scope.config.secondFactorRoles.includes(viewer.person.systemRole)) {
    throw new DomainError('second-factor-needed-for-role');
  }
  const id = String(viewer.person._id);
  await verifyCode(scope, viewer.person._id, code);
  await scope.writeLock.run(`person:${id}`, async () => {
    await scope.models.SecondFactor.deleteOne({ _id: id });
    await scope.models.Person.updateOne(
      { _id: viewer.person._id },
      { $set: { secondFactorEnabled: false } },
    );
  });
  const person = { ...viewer.person, secondFactorEnabled: false };
  scope.viewer = { ...viewer, person, actor: toActor(person) };
  return scope.viewer;
}

/** New recovery codes (the old ones stop working) after checking a current code. */
export async function regenerateRecoveryCodes(
  scope: RequestScope,
  input: unknown,
): Promise<string[]> {
  const viewer = requireViewer(scope);
  const { code } = parseInput(codeSchema, input);
  await verifyCode(scope, viewer.person._id, code);
  const recoveryCodes = newRecoveryCodes();
  const id = String(viewer.person._id);
  await scope.writeLock.run(`person:${id}`, () =>
    scope.models.SecondFactor.updateOne(
      { _id: id },
      { $set: { recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode), updatedAt: new Date() } },
    ),
  );
  return recoveryCodes;
}

/**
 * Removes someone's second factor (an admin, for a lost phone): the person sets up a new one at
 * their next password sign-in. Their sessions end. Audited.
 */
export async function resetSecondFactor(scope: RequestScope, input: unknown): Promise<PersonDoc> {
  const viewer = requireViewer(scope);
  const { personId } = parseInput(z.object({ personId: objectIdSchema }), input);
  const process = await loadProcess(scope);
  if (!canAct(viewer.actor, 'manageSignIn', process, { type: 'people' })) throw forbidden();
  const person = await scope.models.Person.findOne(
    { _id: personId },
    { passwordHash: 0 },
  ).lean<PersonDoc>();
  if (!person || person.status === 'deleted') throw notFound('person');
  await scope.writeLock.run(`person:${personId}`, async () => {
    await scope.models.SecondFactor.deleteOne({ _id: personId });
    await scope.models.Person.updateOne(
      { _id: person._id },
      { $set: { secondFactorEnabled: false } },
    );
  });
  await scope.sessions.revokeAll(person._id, 'session-revoked');
  await recordAudit(scope, { action: 'person.second-factor-reset', subject: person });
  scope.loaders.person.clear(personId);
  return { ...person, secondFactorEnabled: false };
}

/**
 * Checks a second-factor code of a person: a TOTP code of a step not used before, or an unused
 * recovery code (which is then used up). Rate-limited per person (5 failures in 15 minutes, the
 * attempt reserved before checking); throws `second-factor-invalid` when wrong or expired.
 */
export async function verifyCode(
  scope: RequestScope,
  personId: Types.ObjectId,
  code: string,
): Promise<void> {
  const id = String(personId);
  reserveAttempt(scope, id);
  await scope.writeLock.run(`person:${id}`, async () => {
    const record = await scope.models.SecondFactor.findOne({ _id: id }).lean<SecondFactorDoc>();
    const secret = record?.secret ? scope.secondFactorBox.open(record.secret) : null;
    if (!record || !secret) throw invalidCode();
    if (isRecoveryCodeShape(code)) {
      const hash = hashRecoveryCode(code);
      if (!record.recoveryCodeHashes.includes(hash)) throw invalidCode();
      await scope.models.SecondFactor.updateOne(
        { _id: id },
        { $set: { recoveryCodeHashes: record.recoveryCodeHashes.filter((h) => h !== hash) } },
      );
      return;
    }
    const step = matchTotpStep(secret, code);
    if (step === null || step <= record.lastUsedStep) throw invalidCode();
    await scope.models.SecondFactor.updateOne({ _id: id }, { $set: { lastUsedStep: step } });
  });
  scope.limiters.secondFactorPerAccount.reset(id);
}

function reserveAttempt(scope: RequestScope, personId: string): void {
  const wait = Math.max(
    scope.limiters.secondFactorPerAccount.hit(personId),
    scope.limiters.signInPerAddress.retryAfter(scope.clientAddress),
  );
  if (wait > 0) throw new DomainError('rate-limited', 'too many second-factor attempts', [], wait);
}

function invalidCode(): DomainError {
  return new DomainError('second-factor-invalid', 'wrong or expired code', [
    { path: 'code', rule: 'invalid', message: 'wrong or expired code' },
  ]);
}

/**
 * A signed, short-lived token saying "this person's password was right" (HMAC with the session
 * secret), handed to the browser between the password and the second-factor step. It proves
 * nothing alone: the code is checked against the person's secret.
 */
export function signSignInChallenge(scope: RequestScope, personId: Types.ObjectId): string {
  const body = Buffer.from(
    JSON.stringify({ p: String(personId), exp: Date.now() + SIGN_IN_CHALLENGE_TTL_MS }),
  ).toString('base64url');
  return `${body}.${challengeMac(scope, body)}`;
}

/** The person id of a valid, unexpired challenge; throws `sign-in-expired` otherwise. */
export function openSignInChallenge(scope: RequestScope, challenge: string): Types.ObjectId {
  const [body, mac] = challenge.split('.');
  const expected = body ? Buffer.from(challengeMac(scope, body)) : null;
  const given = Buffer.from(mac ?? '');
  if (!body || !expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new DomainError('sign-in-expired');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('sign-in-expired');
  }
  const parsed = z.object({ p: objectIdSchema, exp: z.number() }).safeParse(payload);
  if (!parsed.success || parsed.data.exp <= Date.now()) throw new DomainError('sign-in-expired');
  return new Types.ObjectId(parsed.data.p);
}

function challengeMac(scope: RequestScope, body: string): string {
  return createHmac('sha256', scope.secrets.sessionSecret)
    .update(`sign-in-challenge:${body}`)
    .digest('base64url');
}
