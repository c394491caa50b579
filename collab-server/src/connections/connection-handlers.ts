import { CollabCloseCode } from '@lip/common';
import { WebSocket, type RawData } from 'ws';
import { takeToken, type ConnectionCounter } from '../admission/limits';
import type { CollabLimits } from '../config';
import type { CollabDocument } from '../documents/collab-document';
import type { DocumentRegistry } from '../documents/document-registry';
import type { StoreHealth } from '../documents/write-behind-queue';
import type { CollabLogger, CollabScheduler } from '../logger';
import type { CollabMetrics } from '../metrics';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  handleMessage,
  isFreshSyncStep1,
} from '../protocol/messages';
import type { CollabSocket } from './collab-socket';

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function messageSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.byteLength, 0);
  return data.byteLength;
}

/** Closes a socket that is still open or opening; a no-op otherwise. */
export function closeSocket(socket: WebSocket, code: number, message: string): void {
  if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
    socket.close(code, message);
  }
}

/**
 * The live connections of a server and what happens on them after admission: frames are
 * size- and rate-limited, queued (bounded) until the document is ready, then run through the
 * y-websocket message switch; awareness is screened per connection and coalesced when it comes
 * faster than its rate; one interval pings every connection. The socket event handlers are
 * shared by all connections (`this` is the connection).
 */
export function createConnectionHandlers(deps: {
  limits: CollabLimits;
  registry: Pick<DocumentRegistry, 'open' | 'storedState' | 'isStoredStateCurrent'>;
  counter: ConnectionCounter;
  health: StoreHealth;
  metrics: CollabMetrics;
  logger: CollabLogger;
  clock: CollabScheduler;
  /** Called when a connection starts being served its document (the relay claims it). */
  onServe?: ((documentId: string) => void) | undefined;
}) {
  const { limits, metrics, logger, clock } = deps;
  const connections = new Set<CollabSocket>();
  const rate = { ratePerSecond: limits.maxMessagesPerSecond, burst: limits.maxMessageBurst };
  const awarenessRate = {
    ratePerSecond: limits.maxAwarenessPerSecond,
    burst: limits.maxAwarenessBurst,
  };

  function applyAwareness(socket: CollabSocket, update: Uint8Array, doc: CollabDocument): void {
    const verdict = doc.applyAwareness(socket, update);
    if (verdict.kind === 'malformed') {
      rejectMalformed(socket, verdict.reason);
      return;
    }
    if (verdict.dropped > 0) {
      metrics.reject('awareness-foreign');
      logger.info('dropped awareness entries the connection does not own', {
        documentId: socket.documentId,
        personId: socket.personId,
        dropped: verdict.dropped,
      });
    }
  }

  /** Applies the newest waiting awareness update once a token is there again. */
  function applyDeferredAwareness(socket: CollabSocket): void {
    socket.awarenessTimer = undefined;
    const update = socket.deferredAwareness;
    const doc = socket.doc;
    if (!update || !doc || socket.readyState !== WebSocket.OPEN || !socket.awarenessBucket) return;
    if (!takeToken(socket.awarenessBucket, awarenessRate, clock.now())) {
      scheduleDeferredAwareness(socket);
      return;
    }
    socket.deferredAwareness = undefined;
    applyAwareness(socket, update, doc);
  }

  function scheduleDeferredAwareness(socket: CollabSocket): void {
    if (socket.awarenessTimer !== undefined) return;
    socket.awarenessTimer = clock.setTimeout(
      () => applyDeferredAwareness(socket),
      Math.ceil(1000 / awarenessRate.ratePerSecond),
    );
  }

  function receiveAwareness(socket: CollabSocket, update: Uint8Array, doc: CollabDocument): void {
    if (update.byteLength > limits.maxAwarenessBytes) {
      metrics.reject('awareness-too-big');
      logger.warn('closing a connection after an oversized awareness update', {
        documentId: socket.documentId,
        personId: socket.personId,
        bytes: update.byteLength,
      });
      closeSocket(socket, CollabCloseCode.MessageTooBig, 'awareness update too big');
      return;
    }
    socket.awarenessBucket ??= { tokens: awarenessRate.burst, refilledAt: clock.now() };
    if (
      socket.deferredAwareness ||
      !takeToken(socket.awarenessBucket, awarenessRate, clock.now())
    ) {
      // Faster than its rate: keep only the newest state and apply it when a token is there.
      socket.deferredAwareness = update;
      scheduleDeferredAwareness(socket);
      return;
    }
    applyAwareness(socket, update, doc);
  }

  function rejectMalformed(socket: CollabSocket, reason: string): void {
    metrics.reject('malformed');
    logger.warn('closing a connection after a malformed frame', {
      documentId: socket.documentId,
      personId: socket.personId,
      reason,
    });
    closeSocket(socket, CollabCloseCode.MalformedMessage, 'malformed message');
  }

  /** Applies one frame from a connection whose document is ready. */
  function processFrame(socket: CollabSocket, data: Uint8Array, doc: CollabDocument): void {
    const outcome = handleMessage(data, doc.ydoc, doc.awareness, {
      canWrite: socket.canWrite,
      origin: socket,
    });
    switch (outcome.kind) {
      case 'handled':
        if (outcome.reply && outcome.reply.byteLength > 1) socket.send(outcome.reply);
        return;
      case 'awareness':
        receiveAwareness(socket, outcome.update, doc);
        return;
      case 'ignored-read-only':
        metrics.reject('read-only');
        logger.info('ignored a document update from a read-only connection', {
          documentId: socket.documentId,
          personId: socket.personId,
          mode: socket.mode,
        });
        return;
      case 'malformed':
        rejectMalformed(socket, outcome.reason);
        return;
    }
  }

  function onSocketMessage(this: WebSocket, data: RawData): void {
    const socket = this as CollabSocket;
    const size = messageSize(data);
    if (size > limits.maxMessageBytes) {
      metrics.reject('too-big');
      closeSocket(socket, CollabCloseCode.MessageTooBig, 'message too big');
      return;
    }
    if (!takeToken(socket, rate, clock.now())) {
      metrics.reject('rate-limited');
      closeSocket(socket, CollabCloseCode.RateLimited, 'too many messages');
      return;
    }
    const bytes = toUint8Array(data);
    if (socket.doc) {
      processFrame(socket, bytes, socket.doc);
      return;
    }
    if (answerFromStoredState(socket, bytes)) return;
    const queued = (socket.queued ??= []);
    if (
      queued.length >= limits.maxQueuedFrames ||
      socket.queuedBytes + size > limits.maxQueuedBytes
    ) {
      metrics.reject('queue-full');
      logger.warn('closing a connection that sent too much before its document was ready', {
        documentId: socket.documentId,
        personId: socket.personId,
        frames: queued.length,
        bytes: socket.queuedBytes,
      });
      socket.queued = undefined;
      socket.queuedBytes = 0;
      closeSocket(socket, CollabCloseCode.RateLimited, 'too much before the document was ready');
      return;
    }
    queued.push(bytes);
    socket.queuedBytes += size;
  }

  function onSocketPong(this: WebSocket): void {
    (this as CollabSocket).alive = true;
  }

  function onSocketClose(this: WebSocket): void {
    const socket = this as CollabSocket;
    connections.delete(socket);
    if (socket.counted) {
      socket.counted = false;
      deps.counter.release(socket.documentId, socket.personId);
    }
    socket.doc?.removePeer(socket);
    socket.queued = undefined;
    socket.queuedBytes = 0;
    socket.deferredAwareness = undefined;
    clock.clearTimeout(socket.awarenessTimer);
    socket.awarenessTimer = undefined;
  }

  function onSocketError(this: WebSocket, error: Error): void {
    logger.warn('websocket error', {
      documentId: (this as CollabSocket).documentId,
      error: String(error),
    });
  }

  /**
   * Answers a new client's sync step 1 (empty state vector) from the stored state while its
   * document is still being built: a cold open then waits only for the database read, not for
   * decoding the document. Only for admitted connections, and only while nobody can have
   * changed the document (it is not built yet), so the answer is the whole current state.
   */
  function answerFromStoredState(socket: CollabSocket, frame: Uint8Array): boolean {
    const { storedState, storedStateFrom } = socket;
    if (!storedState || !storedStateFrom || !isFreshSyncStep1(frame)) return false;
    if (!deps.registry.isStoredStateCurrent(socket.documentId, storedStateFrom)) return false;
    socket.send(encodeSyncStep2(storedState));
    return true;
  }

  /** Once admitted: answers the new-client sync step 1 frames already queued, if any. */
  function useStoredState(socket: CollabSocket, from: Promise<Uint8Array>, state: Uint8Array) {
    if (socket.doc || socket.readyState !== WebSocket.OPEN) return;
    if (!deps.registry.isStoredStateCurrent(socket.documentId, from)) return;
    socket.storedState = state;
    socket.storedStateFrom = from;
    const queued = socket.queued;
    if (!queued) return;
    const rest = queued.filter((frame) => !answerFromStoredState(socket, frame));
    socket.queuedBytes -= queued.reduce((sum, f) => sum + f.byteLength, 0);
    socket.queuedBytes += rest.reduce((sum, f) => sum + f.byteLength, 0);
    socket.queued = rest;
  }

  /** Sends the document to an admitted connection and replays what it sent meanwhile. */
  function serve(socket: CollabSocket, doc: CollabDocument): void {
    socket.storedState = undefined;
    socket.storedStateFrom = undefined;
    socket.doc = doc;
    doc.addPeer(socket);
    socket.send(encodeSyncStep1(doc.ydoc));
    const states = Array.from(doc.awareness.getStates().keys());
    if (states.length > 0) socket.send(encodeAwarenessMessage(doc.awareness, states));
    const queued = socket.queued ?? [];
    socket.queued = undefined;
    socket.queuedBytes = 0;
    for (const data of queued) {
      if (socket.readyState !== WebSocket.OPEN) break;
      processFrame(socket, data, doc);
    }
  }

  return {
    connections,

    /**
     * Starts serving an authenticated, counted connection: frames are queued until the document
     * is loaded and `admitted` (the revocation check at connect) said yes.
     */
    start(socket: CollabSocket, admitted: Promise<boolean>): void {
      connections.add(socket);
      socket.tokens = rate.burst;
      socket.refilledAt = clock.now();
      socket.on('message', onSocketMessage);
      socket.on('pong', onSocketPong);
      socket.on('close', onSocketClose);
      socket.on('error', onSocketError);

      const opened = deps.registry.open(socket.documentId);
      const storedState = deps.registry.storedState(socket.documentId);
      if (storedState) {
        Promise.all([admitted, storedState]).then(
          ([allowed, state]) => {
            if (allowed) useStoredState(socket, storedState, state);
          },
          // A failed read is reported through `opened` below.
          () => undefined,
        );
      }
      Promise.all([admitted, opened]).then(
        ([allowed, doc]) => {
          if (!allowed || socket.readyState !== WebSocket.OPEN) return;
          serve(socket, doc);
          deps.onServe?.(socket.documentId);
        },
        (error: unknown) => {
          deps.health.markDegraded(error);
          logger.error('loading a document failed', {
            documentId: socket.documentId,
            error: String(error),
          });
          closeSocket(
            socket,
            CollabCloseCode.DocumentUnavailable,
            'document unavailable, try again',
          );
        },
      );
    },

    /** Closes every connection a predicate selects with AccessRevoked (4410). */
    revokeWhere(matches: (socket: CollabSocket) => boolean): void {
      for (const socket of connections) {
        if (!matches(socket)) continue;
        metrics.reject('revoked');
        closeSocket(socket, CollabCloseCode.AccessRevoked, 'access revoked');
      }
    },

    /** One sweep for all connections: drop those that did not answer the last ping. */
    pingSweep(): void {
      for (const socket of connections) {
        if (!socket.alive) {
          socket.terminate();
          continue;
        }
        socket.alive = false;
        socket.ping();
      }
    },

    /** Closes every connection with `code` (shutdown). */
    closeAll(code: number, message: string): void {
      for (const socket of connections) closeSocket(socket, code, message);
    },

    /** Closes the connections a predicate selects with `code` (a document handed over). */
    closeWhere(matches: (socket: CollabSocket) => boolean, code: number, message: string): void {
      for (const socket of connections) if (matches(socket)) closeSocket(socket, code, message);
    },
  };
}

/** The connection handlers of one collab server. */
export type ConnectionHandlers = ReturnType<typeof createConnectionHandlers>;
