import type { CollabMode } from '@lip/common';
import { WebSocket } from 'ws';
import type { TokenBucket } from '../admission/limits';
import type { CollabDocument, DocumentPeer } from '../documents/collab-document';
import type { TimerHandle } from '../logger';
import type { AwarenessIdentity } from '../protocol/awareness-guard';

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
  /** Name and caret colour from the ticket; every awareness state carries these. */
  identity: AwarenessIdentity = { name: '', color: '#000000' };
  /** Whether this connection holds a slot in the connection counter (released on close). */
  counted = false;
  /** Awareness client ids this connection owns (removed when it leaves). */
  readonly awarenessClients = new Set<number>();
  /** Whether its first awareness update, which claims its client ids, has been seen. */
  awarenessClaimed = false;
  /** The document, once loaded and the ticket checked against revocations. */
  doc: CollabDocument | undefined = undefined;
  /**
   * While the document is being built: its stored state (one update), to answer a new client's
   * sync step 1 at once, and which load it came from.
   */
  storedState: Uint8Array | undefined = undefined;
  storedStateFrom: Promise<Uint8Array> | undefined = undefined;
  /** Frames that arrived before the document was ready, in order, and their bytes. */
  queued: Uint8Array[] | undefined = undefined;
  queuedBytes = 0;
  /** Cleared by each ping sweep, set by the pong; a connection still cleared is dropped. */
  alive = true;
  tokens = 0;
  refilledAt = 0;
  /** The awareness token bucket, made on the first awareness update. */
  awarenessBucket: TokenBucket | undefined = undefined;
  /** The newest awareness update waiting for a token, and the timer that applies it. */
  deferredAwareness: Uint8Array | undefined = undefined;
  awarenessTimer: TimerHandle | undefined = undefined;
}
