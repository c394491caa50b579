/**
 * The collab document-name format, decided once: the y-websocket room of a workspace document is
 * `doc.<documentId>` (the document's database id, 24 hex characters).
 */
const PREFIX = 'doc.';
const ID_PATTERN = /^[0-9a-f]{24}$/;

/** The y-websocket room name of a workspace document. */
export function toCollabDocumentName(documentId: string): string {
  return `${PREFIX}${documentId}`;
}

/** The document id of a room name, or undefined when the name is not ours. */
export function parseCollabDocumentName(name: string): string | undefined {
  if (!name.startsWith(PREFIX)) return undefined;
  const id = name.slice(PREFIX.length);
  return ID_PATTERN.test(id) ? id : undefined;
}

/** The Y.XmlFragment that holds the rich text (Tiptap's Collaboration default `field`). */
export const COLLAB_FRAGMENT = 'default';

/** What a collab connection may do with the document. */
export const COLLAB_MODES = ['edit', 'comment', 'read'] as const;
export type CollabMode = (typeof COLLAB_MODES)[number];

/** Whether a mode may change the document content (only `edit`). */
export function canWriteContent(mode: CollabMode): boolean {
  return mode === 'edit';
}

/**
 * Websocket close codes of the collab server (4000-4999 is the application range). The web app
 * reads them to decide between "sign in again", "no access", "reconnect" and "too big".
 */
export const CollabCloseCode = {
  /** No ticket, a malformed or forged one: the client must fetch a new ticket. */
  Unauthenticated: 4401,
  /** The ticket is valid but for another document. */
  Forbidden: 4403,
  /** The ticket expired before the connection was made: fetch a fresh one and reconnect. */
  TicketExpired: 4408,
  /** Access was withdrawn while connected (membership, role, session or sharing changed). */
  AccessRevoked: 4410,
  /** Too many connections for this document or this person. */
  TooManyConnections: 4429,
  /**
   * The client sent messages faster than the sustained rate once its burst allowance was used up,
   * or more frames (count or bytes) than the server queues while its document is still loading.
   * The official y-websocket client treats 4400-4499 as final and stops reconnecting; the web app
   * reconnects with a fresh ticket after a backoff.
   */
  RateLimited: 4430,
  /** A frame could not be decoded as the y-websocket protocol. */
  MalformedMessage: 4400,
  /** A frame exceeded the maximum message size, or an awareness update its own (smaller) limit. */
  MessageTooBig: 4413,
  /** The server is shutting down; reconnect later (websocket "going away"). */
  GoingAway: 1001,
  /**
   * The document could not be loaded (database unavailable): reconnect later. The standard
   * websocket "try again later" code, so generic clients (y-websocket included) retry it.
   */
  DocumentUnavailable: 1013,
} as const;
export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

/** Close codes after which reconnecting with a fresh ticket may succeed. */
export function isRetryableClose(code: number): boolean {
  return (
    code === CollabCloseCode.TicketExpired ||
    code === CollabCloseCode.GoingAway ||
    code === CollabCloseCode.DocumentUnavailable ||
    code === CollabCloseCode.RateLimited ||
    code === CollabCloseCode.Unauthenticated ||
    code < 4000
  );
}
