import type { Schema } from '@tiptap/pm/model';
import type { CollabTimings } from '../config';
import type { CollabLogger, CollabScheduler } from '../logger';
import type { CollabMetrics } from '../metrics';
import * as Y from 'yjs';
import type { CollabStore, StoredParts } from '../persistence/collab-store';
import { toSeedUpdate } from '../persistence/seed';
import type { DocumentRelayHooks } from '../relay/document-relay';
import { createCollabDocument, type CollabDocument, type WriteProjection } from './collab-document';
import type { StoreHealth } from './write-behind-queue';

/** What the registry needs to load, seed, store and project documents. */
export interface DocumentRegistryOptions {
  store: CollabStore;
  /** The `seedContent` of a document (ProseMirror JSON), read when nothing is stored yet. */
  readSeedContent: (documentId: string) => Promise<unknown>;
  writeProjection: WriteProjection;
  schema: Schema;
  timings: CollabTimings;
  metrics: Pick<CollabMetrics, 'storeFailed' | 'observePersistence'>;
  health: StoreHealth;
  logger: CollabLogger;
  clock: CollabScheduler;
  /** How long shutdown keeps retrying unstored updates before giving up on them, in ms. */
  shutdownFlushMs?: number;
  /** The cross-process relay (with `REDIS_URL`): told when a document enters and leaves memory. */
  relay?: DocumentRelayHooks;
}

const SHUTDOWN_FLUSH_MS = 10_000;

/**
 * The documents held in memory: opens a document once however many connections ask at the same
 * time (loading it, or seeding a new one), evicts it when it has been idle and everything is
 * stored, and on shutdown stores every document. A failed load is not remembered, so the next
 * open tries again. The cross-process relay, when there is one, attaches here: one
 * subscription per document in memory, from load to eviction.
 */
export function createDocumentRegistry(options: DocumentRegistryOptions) {
  const { store, logger, clock, timings } = options;
  const opening = new Map<string, Promise<CollabDocument>>();
  const loaded = new Map<string, CollabDocument>();
  /** Documents being read and not yet built into a Y.Doc (see `storedState`). */
  const stored = new Map<string, { parts: Promise<StoredParts>; state?: Promise<Uint8Array> }>();

  async function readParts(documentId: string): Promise<StoredParts> {
    const parts = await store.loadParts(documentId);
    if (parts.exists) return parts;
    // Seed on the server, once: the seed becomes update 1, and a concurrent seeder's insert
    // of the same sequence is ignored; reloading gives everyone the same state.
    const seed = toSeedUpdate(await options.readSeedContent(documentId), options.schema);
    if (!seed) return parts;
    await store.appendUpdates(documentId, [{ seq: 1, update: seed }]);
    logger.info('seeded document', { documentId });
    return store.loadParts(documentId);
  }

  async function load(documentId: string): Promise<CollabDocument> {
    const reading = { parts: readParts(documentId) };
    stored.set(documentId, reading);
    let parts: StoredParts;
    try {
      parts = await reading.parts;
      // Let the first answers from the stored state go out before the Y.Doc is built (the
      // costly part of a cold open: tens of ms for a long document).
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      if (stored.get(documentId) === reading) stored.delete(documentId);
    }
    const doc: CollabDocument = createCollabDocument({
      documentId,
      parts: parts.parts,
      nextRecord: parts.nextRecord,
      gen: parts.gen,
      updatesSinceSnapshot: parts.updatesSinceSnapshot,
      bytesSinceSnapshot: parts.bytesSinceSnapshot,
      store,
      writeProjection: options.writeProjection,
      schema: options.schema,
      timings,
      metrics: options.metrics,
      health: options.health,
      logger,
      clock,
      onIdle: () => {
        if (loaded.get(documentId) === doc) loaded.delete(documentId);
        opening.delete(documentId);
        options.relay?.detach(documentId);
        doc.destroy();
        logger.info('evicted document', { documentId });
      },
    });
    loaded.set(documentId, doc);
    options.relay?.attach(doc);
    return doc;
  }

  /** The live document, loading it (and seeding a new one) when it is not in memory. */
  async function open(documentId: string): Promise<CollabDocument> {
    for (;;) {
      let promise = opening.get(documentId);
      if (!promise) {
        promise = load(documentId);
        opening.set(documentId, promise);
        promise.catch(() => {
          if (opening.get(documentId) === promise) opening.delete(documentId);
        });
      }
      const doc = await promise;
      if (!doc.isDestroyed) return doc;
      if (opening.get(documentId) === promise) opening.delete(documentId);
    }
  }

  /** Stores one document, retrying until the deadline; then gives its updates up (logged). */
  async function closeDocument(doc: CollabDocument, deadline: number): Promise<void> {
    options.relay?.detach(doc.documentId);
    for (;;) {
      try {
        await doc.close();
        return;
      } catch (error) {
        if (clock.now() > deadline) {
          logger.error('shutting down with unstored updates', {
            documentId: doc.documentId,
            pending: doc.pendingUpdates,
            error: String(error),
          });
          doc.destroy();
          return;
        }
        await new Promise<void>((resolve) => clock.setTimeout(resolve, timings.storeRetryMs));
      }
    }
  }

  return {
    open,
    /**
     * While a document is being opened and not yet built: its stored state as one Yjs update.
     * A new client (empty state vector) can be answered with it at once; nobody has changed the
     * document yet, since changes need the built Y.Doc. Undefined once it is built.
     */
    storedState(documentId: string): Promise<Uint8Array> | undefined {
      const reading = stored.get(documentId);
      if (!reading) return undefined;
      // One update of everything stored, without decoding it into a Y.Doc: a merge only when
      // records follow the snapshot (eviction compacts, so a cold open usually has one part).
      reading.state ??= reading.parts.then(({ parts }) =>
        parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts),
      );
      return reading.state;
    },
    /** Whether `state` is still the stored state of a document not yet built. */
    isStoredStateCurrent(documentId: string, state: Promise<Uint8Array>): boolean {
      return stored.get(documentId)?.state === state;
    },
    /** The document if it is in memory and loaded, without loading it. */
    get(documentId: string): CollabDocument | undefined {
      return loaded.get(documentId);
    },
    /** Ids of the documents in memory or being loaded. */
    ids(): string[] {
      return [...opening.keys()];
    },
    get size(): number {
      return opening.size;
    },
    /** Accepted updates of all documents not yet stored. */
    pendingUpdates(): number {
      let total = 0;
      for (const doc of loaded.values()) total += doc.pendingUpdates;
      return total;
    },
    /** Stores every pending update of every document now (tests). */
    async flushAll(): Promise<void> {
      for (const doc of loaded.values()) await doc.flushAll();
    },
    /**
     * Stores every document (retrying for up to `shutdownFlushMs`) and frees them all; used
     * once on shutdown.
     */
    async closeAll(): Promise<void> {
      const deadline = clock.now() + (options.shutdownFlushMs ?? SHUTDOWN_FLUSH_MS);
      for (const promise of [...opening.values()]) {
        const doc = await promise.catch(() => undefined);
        if (doc && !doc.isDestroyed) await closeDocument(doc, deadline);
      }
      opening.clear();
      loaded.clear();
    },
  };
}

/** The document registry of one collab server. */
export type DocumentRegistry = ReturnType<typeof createDocumentRegistry>;
