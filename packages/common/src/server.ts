import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COLLAB_REVOCATION_REASONS, type RevocationNotice } from './revocation';
import { collabTicketPayloadSchema, type CollabTicketPayload } from './ticket';

/** Node-only helpers (they need `node:crypto`); the browser never signs or verifies tickets. */

/** Why a ticket was refused; the collab server maps each to a close code. */
export type TicketError = 'missing' | 'malformed' | 'bad-signature' | 'expired';

/** Signs a ticket payload with the shared secret. */
export function signCollabTicket(payload: CollabTicketPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${hmac(body, secret)}`;
}

/**
 * Verifies signature and expiry of a ticket. Returns the payload, or the reason it was refused.
 * `nowSeconds` is injectable for tests.
 */
export function verifyCollabTicket(
  ticket: string | null | undefined,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): { ok: true; payload: CollabTicketPayload } | { ok: false; error: TicketError } {
  if (!ticket) return { ok: false, error: 'missing' };
  const parts = ticket.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, error: 'malformed' };
  const [body, signature] = parts as [string, string];
  const expected = Buffer.from(hmac(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, error: 'bad-signature' };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, error: 'malformed' };
  }
  const parsed = collabTicketPayloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'malformed' };
  if (parsed.data.exp <= nowSeconds) return { ok: false, error: 'expired' };
  return { ok: true, payload: parsed.data };
}

function hmac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** How long an internal bearer token is accepted after it was made, in seconds. */
export const COLLAB_INTERNAL_TOKEN_LIFETIME_SECONDS = 60;
/** How far in the future a token's timestamp may lie (clock skew between processes), seconds. */
const INTERNAL_TOKEN_SKEW_SECONDS = 10;
const INTERNAL_TOKEN_CONTEXT = 'lip-collab-internal-v2';

/**
 * A bearer token for the collab server's internal HTTP endpoints: `<unix seconds>.<HMAC>` over
 * the timestamp with the shared secret, so the secret itself never travels and a token that
 * leaks (a proxy log) is worthless after {@link COLLAB_INTERNAL_TOKEN_LIFETIME_SECONDS}. Make
 * one per request; check with {@link isCollabInternalToken}.
 */
export function collabInternalToken(secret: string, nowMs: number = Date.now()): string {
  const issuedAt = String(Math.floor(nowMs / 1000));
  return `${issuedAt}.${hmac(`${INTERNAL_TOKEN_CONTEXT}.${issuedAt}`, secret)}`;
}

/**
 * Checks an `Authorization: Bearer <token>` value for the internal endpoints: the HMAC compared
 * in constant time, and the timestamp no older than the lifetime (nor more than a few seconds
 * ahead, for clock skew).
 */
export function isCollabInternalToken(
  header: string | undefined,
  secret: string,
  nowMs: number = Date.now(),
): boolean {
  const match = /^Bearer (\d{1,12})\.([A-Za-z0-9_-]{1,64})$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return false;
  const issuedAt = Number(match[1]);
  const now = Math.floor(nowMs / 1000);
  if (issuedAt < now - COLLAB_INTERNAL_TOKEN_LIFETIME_SECONDS) return false;
  if (issuedAt > now + INTERNAL_TOKEN_SKEW_SECONDS) return false;
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(hmac(`${INTERNAL_TOKEN_CONTEXT}.${match[1]}`, secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Secrets shared by the API and the collab server when none is configured. */
export interface SharedSecrets {
  collabSecret: string;
  sessionSecret: string;
}

/**
 * Reads `<dataDir>/secrets.json`, creating it on first use. Whichever process starts first
 * writes it with the `wx` flag; the other one loses the race and re-reads the winner's file.
 */
export function readOrCreateSharedSecrets(dataDir: string): SharedSecrets {
  const file = join(dataDir, 'secrets.json');
  mkdirSync(dataDir, { recursive: true });
  const fresh: SharedSecrets = {
    collabSecret: randomBytes(32).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  try {
    writeFileSync(file, JSON.stringify(fresh, null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<SharedSecrets>;
  const valid = (secret: unknown): secret is string =>
    typeof secret === 'string' && secret.length >= 32;
  if (!valid(parsed.collabSecret) || !valid(parsed.sessionSecret)) {
    throw new Error(
      `${file} must contain collabSecret and sessionSecret of at least 32 characters`,
    );
  }
  return { collabSecret: parsed.collabSecret, sessionSecret: parsed.sessionSecret };
}

/**
 * Signs a revocation notice for the Redis fast path: `base64url(JSON).base64url(HMAC-SHA256)`
 * with the collab secret, so only this deployment's API processes can close connections.
 */
export function signRevocationNotice(notice: RevocationNotice, secret: string): string {
  const body = Buffer.from(JSON.stringify({ v: 1, ...notice })).toString('base64url');
  const mac = createHmac('sha256', secret).update(`revocation.${body}`).digest('base64url');
  return `${body}.${mac}`;
}

/** Verifies and parses a notice; null for anything malformed or not signed with `secret`. */
export function verifyRevocationNotice(text: string, secret: string): RevocationNotice | null {
  const [body, mac, extra] = text.split('.');
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', secret).update(`revocation.${body}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const optional = (key: string) =>
      typeof value[key] === 'string' ? { [key]: value[key] as string } : {};
    if (
      value.v !== 1 ||
      typeof value.id !== 'string' ||
      typeof value.createdAtMs !== 'number' ||
      !(COLLAB_REVOCATION_REASONS as readonly unknown[]).includes(value.reason)
    ) {
      return null;
    }
    return {
      id: value.id,
      reason: value.reason as RevocationNotice['reason'],
      createdAtMs: value.createdAtMs,
      ...optional('personId'),
      ...optional('documentId'),
      ...optional('sessionId'),
    };
  } catch {
    return null;
  }
}

export * from './index';
export * from './process-guard';
