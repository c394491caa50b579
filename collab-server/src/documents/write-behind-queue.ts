import type { CollabTimings } from '../config';
import type { CollabLogger, CollabScheduler, TimerHandle } from '../logger';
import type { CollabMetrics } from '../metrics';
import type { CollabStore } from '../persistence/collab-store';

/** Store health as seen by documents: a failed write marks it degraded until a write succeeds. */
export interface StoreHealth {
  markOk(): void;
  markDegraded(error: unknown): void;
}

interface PendingUpdate {
  seq: number;
  update: Uint8Array;
  acceptedAt: number;
}

/** Bytes of updates stored in one record, far below MongoDB's 16 MB per document. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;

/** What the queue needs to know about a document and where to store it. */
export interface WriteBehindQueueOptions {
  documentId: string;
  store: Pick<CollabStore, 'appendRound' | 'writeSnapshot'>;
  /** The document's full state for a snapshot (compaction), encoded when one is written. */
  encodeState: () => Uint8Array;
  /** Highest stored sequence; the next accepted update gets `lastSeq + 1`. */
  lastSeq: number;
  /** Number of the next record to store (records are numbered 1, 2, 3, … per document). */
  nextRecord: number;
  /** Records and bytes stored since the latest snapshot (drive compaction). */
  recordsSinceSnapshot: number;
  bytesSinceSnapshot: number;
  timings: Pick<
    CollabTimings,
    | 'storeBatchMs'
    | 'storeRetryMs'
    | 'storeRetryMaxMs'
    | 'compactAfterUpdates'
    | 'compactAfterBytes'
  >;
  metrics: Pick<CollabMetrics, 'storeFailed' | 'observePersistence'>;
  health: StoreHealth;
  logger: CollabLogger;
  clock: CollabScheduler;
  maxBatchBytes?: number;
}

/**
 * The write-behind queue of one document: every accepted update gets the next sequence number
 * and is appended to the store within `storeBatchMs`, all updates of one round as one record
 * (one insert however fast people type). While the store refuses, updates stay in memory and
 * the round is retried with exponential backoff up to `storeRetryMaxMs`; a retried record is a
 * harmless duplicate (unique `doc`+`seq`). After enough records or bytes it compacts: a
 * snapshot covering everything up to the last assigned sequence replaces them.
 *
 * This is the seam a cross-process relay would share with: it only sees sequenced updates.
 */
export function createWriteBehindQueue(options: WriteBehindQueueOptions) {
  const { documentId, store, timings, metrics, health, logger, clock } = options;
  const maxBatchBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  let pending: PendingUpdate[] = [];
  /**
   * The round being stored, kept as it is until it succeeds: a retry must repeat exactly the
   * same record, or a lost acknowledgement would hide the updates added to it.
   */
  let inFlight: PendingUpdate[] | undefined;
  let nextRecord = options.nextRecord;
  let lastSeq = options.lastSeq;
  let recordsSinceSnapshot = options.recordsSinceSnapshot;
  let bytesSinceSnapshot = options.bytesSinceSnapshot;
  let flushTimer: TimerHandle | undefined;
  let retryDelayMs = timings.storeRetryMs;
  let writing: Promise<void> | undefined;
  let stopped = false;

  function scheduleFlush(delayMs: number): void {
    if (flushTimer !== undefined || stopped) return;
    flushTimer = clock.setTimeout(() => {
      flushTimer = undefined;
      flush().catch(() => undefined);
    }, delayMs);
  }

  /** The oldest pending updates, up to `maxBatchBytes` (always at least one). */
  function takeBatch(): PendingUpdate[] {
    let bytes = 0;
    let count = 0;
    for (const u of pending) {
      if (count > 0 && bytes + u.update.byteLength > maxBatchBytes) break;
      bytes += u.update.byteLength;
      count += 1;
    }
    return pending.slice(0, count);
  }

  async function writeLoop(): Promise<void> {
    while (pending.length > 0) {
      const batch = (inFlight ??= takeBatch());
      const last = batch[batch.length - 1] as PendingUpdate;
      try {
        await store.appendRound(documentId, {
          record: nextRecord,
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
      inFlight = undefined;
      nextRecord += 1;
      pending = pending.slice(batch.length);
      const now = clock.now();
      for (const u of batch) {
        metrics.observePersistence(now - u.acceptedAt);
        bytesSinceSnapshot += u.update.byteLength;
      }
      // Compaction bounds what a load must read: stored records, not keystrokes.
      recordsSinceSnapshot += 1;
    }
    if (
      recordsSinceSnapshot >= timings.compactAfterUpdates ||
      bytesSinceSnapshot >= timings.compactAfterBytes
    ) {
      await compact();
    }
  }

  /**
   * Stores every pending update (one writer at a time). Resolves once the queue was empty at
   * some point; rejects when the store refused (a retry is already scheduled).
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
   * sequence. Updates accepted meanwhile get higher sequences and are untouched, so nothing that
   * arrives during compaction is lost. A failure is logged and tried again later.
   */
  async function compact(): Promise<boolean> {
    // Every record before `nextRecord` is stored and holds sequences up to `lastSeq` (no round
    // is in flight here); later records get later sequences.
    const cover = { seq: lastSeq, nextRecord };
    const state = options.encodeState();
    const countedRecords = recordsSinceSnapshot;
    const countedBytes = bytesSinceSnapshot;
    try {
      await store.writeSnapshot(documentId, cover, state);
      recordsSinceSnapshot -= countedRecords;
      bytesSinceSnapshot -= countedBytes;
      return true;
    } catch (error) {
      logger.warn('compaction failed; will try again after the next write', {
        documentId,
        error: String(error),
      });
      return false;
    }
  }

  /** Stores every pending update now; rejects if the store refuses. */
  async function flushAll(): Promise<void> {
    clock.clearTimeout(flushTimer);
    flushTimer = undefined;
    while (pending.length > 0 || writing) await flush();
  }

  return {
    /** Accepts one update: sequenced now, stored within `storeBatchMs`. */
    push(update: Uint8Array): void {
      lastSeq += 1;
      pending.push({ seq: lastSeq, update, acceptedAt: clock.now() });
      scheduleFlush(timings.storeBatchMs);
    },
    flushAll,
    /**
     * Stores everything and, when records piled up since the last snapshot, writes one, so the
     * next load reads a single snapshot (used when a document leaves memory). Rejects only when
     * storing the updates failed; a failed snapshot leaves the records, which still load.
     */
    async flushAndCompact(): Promise<void> {
      await flushAll();
      if (recordsSinceSnapshot > 0) await compact();
    },
    /** Accepted updates not yet stored. */
    get pending(): number {
      return pending.length;
    },
    get lastSeq(): number {
      return lastSeq;
    },
    /** Records stored after the latest snapshot. */
    get recordsSinceSnapshot(): number {
      return recordsSinceSnapshot;
    },
    /** Cancels the scheduled write; pending updates stay (call `flushAll` first to keep them). */
    stop(): void {
      stopped = true;
      clock.clearTimeout(flushTimer);
      flushTimer = undefined;
    },
  };
}

/** The write-behind queue of one document. */
export type WriteBehindQueue = ReturnType<typeof createWriteBehindQueue>;
