import { COLLAB_FRAGMENT } from '@lip/common';
import type { Schema } from '@tiptap/pm/model';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabTimings } from '../config';
import type { CollabClock, CollabLogger } from '../logger';
import type { CollabMetrics } from '../metrics';
import type { CollabStore, StoredUpdate } from '../persistence/collab-store';
import { encodeAwarenessMessage, encodeUpdateMessage } from '../protocol/messages';
import { projectContent, type ContentProjection } from '../persistence/projection';

/** A live websocket peer of a document, as the document sees it. */
export interface DocumentPeer {
  canWrite: boolean;
  /** Awareness client ids this peer controls (removed when it leaves). */
  awarenessClients: Set<number>;
  send(message: Uint8Array): void;
}

/** Where the projection goes: the `documents` collection, matched by the document's `_id`. */
export type WriteProjection = (documentId: string, projection: ContentProjection) => Promise<void>;

/** Store health as seen by documents: a failed write marks it degraded until a write succeeds. */
export interface StoreHealth {
  markOk(): void;
  markDegraded(error: unknown): void;
}

interface PendingUpdate extends StoredUpdate {
  acceptedAt: number;
}

/** Bytes of updates stored in one record, far below MongoDB's 16 MB per document. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** Origin of changes applied while loading; they are not stored again. */
const LOAD_ORIGIN = Symbol('load');

/**
 * One document in memory: the Y.Doc and awareness, its peers, and the write-behind queue that
 * appends every accepted update to the database within `storeBatchMs`, retries with backoff
 * while the database is down, compacts, and refreshes the text/HTML projection (debounced).
 */
export function createCollabDocument(options: {
  documentId: string;
  /** The stored snapshot and later updates, applied in order (see `loadParts`). */
  parts: readonly Uint8Array[];
  lastSeq: number;
  updatesSinceSnapshot: number;
  bytesSinceSnapshot: number;
  store: CollabStore;
  writeProjection: WriteProjection;
  schema: Schema;
  timings: CollabTimings;
  metrics: CollabMetrics;
  health: StoreHealth;
  logger: CollabLogger;
  clock: CollabClock;
  /** Called when the document has no peers and everything is stored: the owner evicts it. */
  onIdle: () => void;
}) {
  const { documentId, store, timings, metrics, health, logger, clock } = options;
  const ydoc = new Y.Doc({ gc: true });
  Y.transact(
    ydoc,
    () => {
      for (const part of options.parts) Y.applyUpdate(ydoc, part, LOAD_ORIGIN);
    },
    LOAD_ORIGIN,
  );
  const awareness = new awarenessProtocol.Awareness(ydoc);
  // The server has no local awareness state of its own.
  awareness.setLocalState(null);

  const peers = new Set<DocumentPeer>();
  let holds = 0;
  let pending: PendingUpdate[] = [];
  let lastSeq = options.lastSeq;
  let updatesSinceSnapshot = options.updatesSinceSnapshot;
  let bytesSinceSnapshot = options.bytesSinceSnapshot;
  let flushTimer: NodeJS.Timeout | undefined;
  let retryDelayMs = timings.storeRetryMs;
  let writing: Promise<void> | undefined;
  let projectionTimer: NodeJS.Timeout | undefined;
  let projectionDirty = false;
  let idleTimer: NodeJS.Timeout | undefined;
  let destroyed = false;

  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN) return;
    const message = encodeUpdateMessage(update);
    for (const peer of peers) {
      if (peer !== origin) peer.send(message);
    }
    lastSeq += 1;
    pending.push({ seq: lastSeq, update, acceptedAt: clock.now() });
    scheduleFlush(timings.storeBatchMs);
    scheduleProjection();
  });

  awareness.on(
    'update',
    (
      { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      const changed = added.concat(updated, removed);
      const owner = peers.has(origin as DocumentPeer) ? (origin as DocumentPeer) : undefined;
      if (owner) {
        for (const id of added) owner.awarenessClients.add(id);
        for (const id of removed) owner.awarenessClients.delete(id);
      }
      const message = encodeAwarenessMessage(awareness, changed);
      for (const peer of peers) peer.send(message);
    },
  );

  function scheduleFlush(delayMs: number): void {
    if (flushTimer || destroyed) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      flush().catch(() => undefined);
    }, delayMs);
  }

  /** The oldest pending updates, up to `MAX_BATCH_BYTES` (always at least one). */
  function takeBatch(): PendingUpdate[] {
    let bytes = 0;
    let count = 0;
    for (const u of pending) {
      if (count > 0 && bytes + u.update.byteLength > MAX_BATCH_BYTES) break;
      bytes += u.update.byteLength;
      count += 1;
    }
    return pending.slice(0, count);
  }

  async function writeLoop(): Promise<void> {
    while (pending.length > 0) {
      const batch = takeBatch();
      const last = batch[batch.length - 1] as PendingUpdate;
      // One record per write round instead of one per keystroke (see appendRound).
      try {
        await store.appendRound(documentId, {
          seq: last.seq,
          updates: batch.map((u) => u.update),
        });
      } catch (error) {
        metrics.storeFailed();
        health.markDegraded(error);
        logger.warn('storing updates failed; retrying', {
          documentId,
          pending: pending.length,
          retryInMs: retryDelayMs,
          error: String(error),
        });
        const delay = retryDelayMs;
        retryDelayMs = Math.min(retryDelayMs * 2, timings.storeRetryMaxMs);
        scheduleFlush(delay);
        throw error;
      }
      retryDelayMs = timings.storeRetryMs;
      health.markOk();
      pending = pending.slice(batch.length);
      const now = clock.now();
      for (const u of batch) {
        metrics.observePersistence(now - u.acceptedAt);
        bytesSinceSnapshot += u.update.byteLength;
      }
      // Compaction bounds what a load must read: stored records, not keystrokes.
      updatesSinceSnapshot += 1;
    }
    if (
      updatesSinceSnapshot >= timings.compactAfterUpdates ||
      bytesSinceSnapshot >= timings.compactAfterBytes
    ) {
      await compact();
    }
  }

  /**
   * Stores every pending update (one writer at a time). Resolves once the queue was empty at
   * some point; rejects when the database refused (a retry is already scheduled).
   */
  function flush(): Promise<void> {
    if (!writing) {
      writing = writeLoop().finally(() => {
        writing = undefined;
        // Updates accepted during the last write or the compaction found this flush busy and
        // were not picked up by it: start another round for them.
        if (pending.length > 0) scheduleFlush(0);
      });
    }
    return writing;
  }

  /**
   * Writes the current state as a snapshot covering every update up to the last assigned
   * sequence, then drops those updates. Updates accepted meanwhile get higher sequences and are
   * untouched, so nothing that arrives during compaction is lost.
   */
  async function compact(): Promise<void> {
    const seq = lastSeq;
    const state = Y.encodeStateAsUpdate(ydoc);
    const countedUpdates = updatesSinceSnapshot;
    const countedBytes = bytesSinceSnapshot;
    try {
      await store.writeSnapshot(documentId, seq, state);
      updatesSinceSnapshot -= countedUpdates;
      bytesSinceSnapshot -= countedBytes;
    } catch (error) {
      logger.warn('compaction failed; will try again after the next write', {
        documentId,
        error: String(error),
      });
    }
  }

  function scheduleProjection(): void {
    projectionDirty = true;
    if (projectionTimer || destroyed) return;
    projectionTimer = setTimeout(() => {
      projectionTimer = undefined;
      writeProjectionNow().catch(() => undefined);
    }, timings.projectionDebounceMs);
  }

  async function writeProjectionNow(): Promise<void> {
    if (!projectionDirty) return;
    projectionDirty = false;
    try {
      await options.writeProjection(documentId, projectContent(ydoc, options.schema));
    } catch (error) {
      projectionDirty = true;
      logger.warn('writing the projection failed; retrying', { documentId, error: String(error) });
      scheduleProjection();
      throw error;
    }
  }

  function checkIdle(): void {
    if (destroyed || peers.size > 0 || holds > 0) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      void evictWhenStored();
    }, timings.evictAfterMs);
  }

  async function evictWhenStored(): Promise<void> {
    try {
      await flushAll();
      await writeProjectionNow();
    } catch {
      // The database is down: keep the document in memory and try again later.
      checkIdle();
      return;
    }
    if (peers.size === 0 && holds === 0 && !destroyed) options.onIdle();
  }

  /** Stores every pending update; rejects if the database refuses. */
  async function flushAll(): Promise<void> {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    while (pending.length > 0 || writing) await flush();
  }

  return {
    documentId,
    ydoc,
    awareness,
    peers,
    get isDestroyed(): boolean {
      return destroyed;
    },
    get pendingUpdates(): number {
      return pending.length;
    },
    fragment(): Y.XmlFragment {
      return ydoc.getXmlFragment(COLLAB_FRAGMENT);
    },
    addPeer(peer: DocumentPeer): void {
      clearTimeout(idleTimer);
      idleTimer = undefined;
      peers.add(peer);
    },
    removePeer(peer: DocumentPeer): void {
      if (!peers.delete(peer)) return;
      awarenessProtocol.removeAwarenessStates(awareness, [...peer.awarenessClients], null);
      checkIdle();
    },
    /** Keeps the document in memory while an internal operation (versions) uses it. */
    hold(): () => void {
      holds += 1;
      clearTimeout(idleTimer);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        checkIdle();
      };
    },
    flushAll,
    writeProjectionNow,
    /** Stores everything and frees the document; used on eviction and shutdown. */
    async close(): Promise<void> {
      clearTimeout(idleTimer);
      await flushAll();
      clearTimeout(projectionTimer);
      projectionTimer = undefined;
      await writeProjectionNow().catch(() => undefined);
      destroy();
    },
    destroy,
  };

  function destroy(): void {
    destroyed = true;
    clearTimeout(flushTimer);
    clearTimeout(projectionTimer);
    clearTimeout(idleTimer);
    awareness.destroy();
    ydoc.destroy();
  }
}

/** A document loaded in memory. */
export type CollabDocument = ReturnType<typeof createCollabDocument>;
