import { COLLAB_FRAGMENT } from '@lip/common';
import type { Schema } from '@tiptap/pm/model';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabTimings } from '../config';
import type { CollabLogger, CollabScheduler, TimerHandle } from '../logger';
import type { CollabMetrics } from '../metrics';
import type { CollabStore, StoredParts } from '../persistence/collab-store';
import { projectContent, type ContentProjection } from '../persistence/projection';
import {
  screenAwarenessUpdate,
  type AwarenessSender,
  type AwarenessVerdict,
} from '../protocol/awareness-guard';
import { encodeAwarenessMessage, encodeUpdateMessage } from '../protocol/messages';
import { createWriteBehindQueue, type StoreHealth } from './write-behind-queue';

/** A live websocket peer of a document, as the document sees it. */
export interface DocumentPeer extends AwarenessSender {
  send(message: Uint8Array): void;
}

/** Where the projection goes: the `documents` collection, matched by the document's `_id`. */
export type WriteProjection = (documentId: string, projection: ContentProjection) => Promise<void>;

/** Origin of changes applied while loading; they are not stored again. */
const LOAD_ORIGIN = Symbol('load');

/** What a live document is made of; the registry passes these in. */
export interface CollabDocumentOptions extends Omit<StoredParts, 'exists'> {
  documentId: string;
  store: Pick<CollabStore, 'appendRound' | 'compact'>;
  writeProjection: WriteProjection;
  schema: Schema;
  timings: CollabTimings;
  metrics: Pick<CollabMetrics, 'storeFailed' | 'observePersistence'>;
  health: StoreHealth;
  logger: CollabLogger;
  clock: CollabScheduler;
  /** Called when the document has no peers and everything is stored: the owner evicts it. */
  onIdle: () => void;
}

/**
 * One document in memory: the Y.Doc and awareness, its peers and who owns which awareness
 * client, the write-behind queue (`write-behind-queue.ts`), the text/HTML projection
 * (debounced) and eviction once nobody uses it.
 */
export function createCollabDocument(options: CollabDocumentOptions) {
  const { documentId, timings, logger, clock } = options;
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

  const queue = createWriteBehindQueue({
    documentId,
    store: options.store,
    nextRecord: options.nextRecord,
    gen: options.gen,
    recordsSinceSnapshot: options.updatesSinceSnapshot,
    bytesSinceSnapshot: options.bytesSinceSnapshot,
    timings,
    metrics: options.metrics,
    health: options.health,
    logger,
    clock,
  });
  const peers = new Set<DocumentPeer>();
  /** Which connection owns each awareness client id (claimed by its first awareness update). */
  const awarenessOwners = new Map<number, DocumentPeer>();
  let holds = 0;
  let projectionTimer: TimerHandle | undefined;
  let projectionDirty = false;
  let idleTimer: TimerHandle | undefined;
  let destroyed = false;

  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === LOAD_ORIGIN) return;
    const message = encodeUpdateMessage(update);
    for (const peer of peers) {
      if (peer !== origin) peer.send(message);
    }
    queue.push(update);
    scheduleProjection();
  });

  awareness.on(
    'update',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const message = encodeAwarenessMessage(awareness, added.concat(updated, removed));
      for (const peer of peers) peer.send(message);
    },
  );

  function scheduleProjection(): void {
    projectionDirty = true;
    if (projectionTimer !== undefined || destroyed) return;
    projectionTimer = clock.setTimeout(() => {
      projectionTimer = undefined;
      writeProjectionNow().catch(() => undefined);
    }, timings.projectionDebounceMs);
  }

  async function writeProjectionNow(): Promise<void> {
    if (!projectionDirty) return;
    projectionDirty = false;
    let projection: ContentProjection;
    try {
      projection = projectContent(ydoc, options.schema);
    } catch (error) {
      // Content that cannot be read fails the same way on every retry: keep the last stored
      // projection until the next change instead of retrying forever and pinning the document.
      logger.error('projecting the document failed; the last projection stays', {
        documentId,
        error: String(error),
      });
      return;
    }
    try {
      await options.writeProjection(documentId, projection);
    } catch (error) {
      projectionDirty = true;
      logger.warn('writing the projection failed; retrying', { documentId, error: String(error) });
      scheduleProjection();
      throw error;
    }
  }

  function checkIdle(): void {
    if (destroyed || peers.size > 0 || holds > 0) return;
    clock.clearTimeout(idleTimer);
    idleTimer = clock.setTimeout(() => {
      idleTimer = undefined;
      void evictWhenStored();
    }, timings.evictAfterMs);
  }

  async function evictWhenStored(): Promise<void> {
    try {
      // A snapshot on the way out: the next cold open reads one record instead of many.
      await queue.flushAndCompact();
      await writeProjectionNow();
    } catch {
      // The database is down: keep the document in memory and try again later.
      checkIdle();
      return;
    }
    if (peers.size === 0 && holds === 0 && !destroyed) options.onIdle();
  }

  function destroy(): void {
    destroyed = true;
    queue.stop();
    clock.clearTimeout(projectionTimer);
    clock.clearTimeout(idleTimer);
    awareness.destroy();
    ydoc.destroy();
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
      return queue.pending;
    },
    fragment(): Y.XmlFragment {
      return ydoc.getXmlFragment(COLLAB_FRAGMENT);
    },
    addPeer(peer: DocumentPeer): void {
      clock.clearTimeout(idleTimer);
      idleTimer = undefined;
      peers.add(peer);
    },
    removePeer(peer: DocumentPeer): void {
      if (!peers.delete(peer)) return;
      const owned = [...peer.awarenessClients].filter((id) => awarenessOwners.get(id) === peer);
      for (const id of owned) awarenessOwners.delete(id);
      peer.awarenessClients.clear();
      awarenessProtocol.removeAwarenessStates(awareness, owned, null);
      checkIdle();
    },
    /**
     * Screens and applies an awareness update from a peer (see `screenAwarenessUpdate`): claims
     * its ids on the first update, drops entries for other connections' ids, and sets each
     * state's `user` from the peer's ticket.
     */
    applyAwareness(peer: DocumentPeer, update: Uint8Array): AwarenessVerdict {
      const verdict = screenAwarenessUpdate(update, peer, (id) => awarenessOwners.get(id));
      if (verdict.kind === 'malformed') return verdict;
      if (!peer.awarenessClaimed) {
        peer.awarenessClaimed = true;
        for (const id of verdict.claims) {
          const previous = awarenessOwners.get(id);
          if (previous && previous !== peer) previous.awarenessClients.delete(id);
          awarenessOwners.set(id, peer);
          peer.awarenessClients.add(id);
        }
      }
      if (verdict.kind === 'accept') {
        awarenessProtocol.applyAwarenessUpdate(awareness, verdict.update, peer);
      }
      return verdict;
    },
    /** Keeps the document in memory while an internal operation (versions) uses it. */
    hold(): () => void {
      holds += 1;
      clock.clearTimeout(idleTimer);
      idleTimer = undefined;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds -= 1;
        checkIdle();
      };
    },
    /** Stores every pending update; rejects if the database refuses. */
    flushAll: () => queue.flushAll(),
    writeProjectionNow,
    /** Stores everything (with a snapshot) and frees the document; used on shutdown. */
    async close(): Promise<void> {
      clock.clearTimeout(idleTimer);
      await queue.flushAndCompact();
      clock.clearTimeout(projectionTimer);
      projectionTimer = undefined;
      await writeProjectionNow().catch(() => undefined);
      destroy();
    },
    destroy,
  };
}

/** A document loaded in memory. */
export type CollabDocument = ReturnType<typeof createCollabDocument>;
