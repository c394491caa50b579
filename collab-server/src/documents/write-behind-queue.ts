import type { CollabTimings } from '../config';
import type { CollabLogger, CollabScheduler, TimerHandle } from '../logger';
import type { CollabMetrics } from '../metrics';
import { randomBytes } from 'node:crypto';
import type { ChainPosition, CollabStore } from '../persistence/collab-store';

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
  store: Pick<CollabStore, 'appendRound' | 'compact'>;
  /** Number of the next record to store (records are numbered 1, 2, 3, … per document). */
  nextRecord: number;
  /** The newest head generation the load saw (see `ChainPosition`). */
  gen: number;
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
 * The write-behind queue of one document: every accepted update is appended to the store within
 * `storeBatchMs`, all updates of one round as one record (one insert however fast people type).
 * While the store refuses, updates stay in memory and the round is retried with exponential
 * backoff up to `storeRetryMaxMs`, as the same round with the same writer token, so a lost
 * acknowledgement is recognised. Other processes may write the same document at the same time
 * (the store claims record numbers by unique inserts). After enough records or bytes it asks the
 * store to compact what is stored into a snapshot.
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
  let lastSeq = 0;
  const chain: ChainPosition = { gen: options.gen };
  /** This queue's writer id; a round's token is `<writer>.<round>`. */
  const writer = randomBytes(9).toString('base64url');
  let rounds = 0;
  let inFlightToken = '';
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
      if (!inFlight) {
        inFlight = takeBatch();
        rounds += 1;
        inFlightToken = `${writer}.${rounds}`;
      }
      const batch = inFlight;
      let stored: number;
      try {
        stored = await store.appendRound(
          documentId,
          { record: nextRecord, writer: inFlightToken, updates: batch.map((u) => u.update) },
          chain,
        );
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
      nextRecord = stored + 1;
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
   * Asks the store to merge what is stored into a snapshot (it reads the database, not this
   * process's memory, so what another process stored is kept too). A failure is logged and
   * tried again later.
   */
  async function compact(): Promise<boolean> {
    const countedRecords = recordsSinceSnapshot;
    const countedBytes = bytesSinceSnapshot;
    try {
      await store.compact(documentId, chain);
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
    /** Accepts one update: stored within `storeBatchMs`. */
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
