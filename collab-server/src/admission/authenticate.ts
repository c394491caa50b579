import {
  CollabCloseCode,
  canWriteContent,
  parseCollabDocumentName,
  type CollabTicketPayload,
} from '@lip/common';
import { verifyCollabTicket } from '@lip/common/server';
import type { RejectReason } from '../metrics';

/** The outcome of authenticating a websocket upgrade. */
export type Authentication =
  | { ok: true; documentId: string; ticket: CollabTicketPayload; canWrite: boolean }
  | { ok: false; code: CollabCloseCode; reason: RejectReason; message: string };

/**
 * The room and ticket of an upgrade target, or undefined when the target is not a parseable
 * origin-form URL. The room is taken as sent, not percent-decoded: a valid room name
 * (`doc.<24 hex>`) never needs escaping, so an escaped one is simply not ours, and no decode can
 * throw here. `URLSearchParams` leaves malformed escapes in place instead of throwing.
 */
function parseTarget(requestUrl: string): { room: string; ticket: string | null } | undefined {
  if (!requestUrl.startsWith('/') || requestUrl.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(requestUrl, 'http://collab.invalid');
  } catch {
    return undefined;
  }
  return { room: url.pathname.split('/').at(-1) ?? '', ticket: url.searchParams.get('ticket') };
}

/**
 * Authenticates an upgrade request `/<room>?ticket=…`: the room must be `doc.<id>`, the ticket
 * signed with the shared secret, unexpired, and issued for that document. Maps each refusal to
 * its `CollabCloseCode`. Never throws, whatever the target holds.
 */
export function authenticateUpgrade(
  requestUrl: string,
  secret: string,
  nowMs: number,
): Authentication {
  const target = parseTarget(requestUrl);
  if (!target) {
    return {
      ok: false,
      code: CollabCloseCode.Unauthenticated,
      reason: 'unauthenticated',
      message: 'malformed request target',
    };
  }
  const documentId = parseCollabDocumentName(target.room);
  const verified = verifyCollabTicket(target.ticket, secret, Math.floor(nowMs / 1000));
  if (!verified.ok) {
    if (verified.error === 'expired') {
      return {
        ok: false,
        code: CollabCloseCode.TicketExpired,
        reason: 'expired',
        message: 'ticket expired',
      };
    }
    return {
      ok: false,
      code: CollabCloseCode.Unauthenticated,
      reason: 'unauthenticated',
      message: `ticket ${verified.error}`,
    };
  }
  if (!documentId || verified.payload.doc !== documentId) {
    return {
      ok: false,
      code: CollabCloseCode.Forbidden,
      reason: 'forbidden',
      message: 'ticket is for another document',
    };
  }
  return {
    ok: true,
    documentId,
    ticket: verified.payload,
    canWrite: canWriteContent(verified.payload.mode),
  };
}
