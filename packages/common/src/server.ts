import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * The bearer token for the collab server's internal HTTP endpoints (versions), derived from the
 * shared secret so the secret itself never travels. Compare with {@link isCollabInternalToken}.
 */
export function collabInternalToken(secret: string): string {
  return hmac('lip-collab-internal-v1', secret);
}

/** Constant-time check of an `Authorization: Bearer <token>` value for the internal endpoints. */
export function isCollabInternalToken(header: string | undefined, secret: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(collabInternalToken(secret));
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

export * from './index';
export * from './process-guard';
