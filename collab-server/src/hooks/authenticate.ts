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
 * Authenticates an upgrade request `/<room>?ticket=…`: the room must be `doc.<id>`, the ticket
 * signed with the shared secret, unexpired, and issued for that document. Maps each refusal to
 * its `CollabCloseCode`.
 */
export function authenticateUpgrade(
  requestUrl: string,
  secret: string,
  nowMs: number,
): Authentication {
  const url = new URL(requestUrl, 'http://collab.invalid');
  const room = decodeURIComponent(url.pathname.split('/').at(-1) ?? '');
  const documentId = parseCollabDocumentName(room);
  const verified = verifyCollabTicket(
    url.searchParams.get('ticket'),
    secret,
    Math.floor(nowMs / 1000),
  );
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
