import { createHmac, timingSafeEqual } from 'node:crypto';
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

export * from './index';
