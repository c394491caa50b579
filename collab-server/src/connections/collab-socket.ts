import type { CollabMode } from '@lip/common';
import { WebSocket } from 'ws';
import type { CollabDocument, DocumentPeer } from '../documents/collab-document';
import type { TokenBucket } from '../hooks/limits';

/**
 * One client connection. ws constructs it for us (the `WebSocket` option of
 * `WebSocketServer`), so everything the server tracks per connection lives on the socket
 * itself as plain fields, and the event handlers are shared functions instead of closures per
 * connection. That keeps an idle connection within a few KB (docs/benchmarks.md, memory per
 * idle connection).
 */
export class CollabSocket extends WebSocket implements DocumentPeer, TokenBucket {
  documentId = '';
  personId = '';
  sessionId = '';
  mode: CollabMode = 'read';
  canWrite = false;
  /** Whether this connection holds a slot in the connection counter (released on close). */
  counted = false;
  /** Awareness client ids this connection controls (removed when it leaves). */
  readonly awarenessClients = new Set<number>();
  /** The document, once loaded and the ticket checked against revocations. */
  doc: CollabDocument | undefined = undefined;
  /** Frames that arrived before the document was ready, in order. */
  queued: Uint8Array[] | undefined = undefined;
  /** Cleared by each ping sweep, set by the pong; a connection still cleared is dropped. */
  alive = true;
  tokens = 0;
  refilledAt = 0;
}
