import {
  COLLAB_REVOCATIONS_COLLECTION,
  isRevocationFor,
  type CollabRevocationReason,
  type RevocableConnection,
} from '@lip/common';
import type { mongo } from 'mongoose';
import type { CollabClock, CollabLogger } from '../logger';

/** A revocation as stored (written by the API through `writeCollabRevocations`). */
export interface StoredRevocation {
  _id: mongo.ObjectId;
  personId?: string | null;
  documentId?: string | null;
  sessionId?: string | null;
  reason: CollabRevocationReason | string;
  createdAt: Date;
}

/** A revocation as the fast path delivers it: the record's id as a hex string. */
export type RevocationFromNotice = Omit<StoredRevocation, '_id'> & { _id: string };

/**
 * How far back each poll looks, in ms. `createdAt` is the writer's clock and `_id` order is not
 * a time order across several writer processes, so every poll re-reads this window and skips
 * rows it has seen; a row written by a writer whose clock is up to this much behind (or whose
 * insert became visible this much later) is still seen.
 */
export const REVOCATION_OVERLAP_MS = 10_000;

/**
 * How long revocations are kept, in ms: longer than a ticket lives (120 s) plus the overlap, so
 * every record that can still refuse a ticket or reach a poll is there. Older ones are deleted,
 * which keeps every poll small (the embedded FerretDB reads a whole collection per query).
 */
export const REVOCATION_RETENTION_MS = 10 * 60_000;
const CLEANUP_EVERY_MS = 60_000;

/** Creates the index the poller reads by; idempotent. */
export async function ensureRevocationIndexes(db: mongo.Db): Promise<void> {
  await db.collection(COLLAB_REVOCATIONS_COLLECTION).createIndex({ createdAt: 1 });
}

/**
 * Polls `collab_revocations` every `pollMs` and hands each row it has not seen before to
 * `onRevocation`. It reads by `createdAt` from the start of the previous successful poll minus
 * the overlap window and remembers the ids of rows in that window, so it is correct with several
 * writer processes (whose `_id`s do not increase together) and clock skew below the window. On
 * start it marks the rows already in the window as seen (they concern connections that no
 * longer exist). A failed poll keeps its position and tries again on the next tick. Once a
 * minute it deletes records older than {@link REVOCATION_RETENTION_MS}.
 */
export function startRevocationPoller(options: {
  db: mongo.Db;
  pollMs: number;
  overlapMs?: number;
  clock: CollabClock;
  logger: CollabLogger;
  onRevocation: (revocation: StoredRevocation | RevocationFromNotice) => void;
}): {
  stop(): Promise<void>;
  ready: Promise<void>;
  offer(revocation: StoredRevocation | RevocationFromNotice): void;
} {
  const collection = options.db.collection<StoredRevocation>(COLLAB_REVOCATIONS_COLLECTION);
  const overlapMs = options.overlapMs ?? REVOCATION_OVERLAP_MS;
  /** Ids seen, with their `createdAt`, forgotten once they fall out of the window. */
  const seen = new Map<string, number>();
  let sinceMs: number | undefined;
  let cleanedAt = options.clock.now();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function read(fromMs: number, deliver: boolean): Promise<void> {
    const startedAt = options.clock.now();
    const cursor = collection
      .find({ createdAt: { $gte: new Date(fromMs) } })
      .sort({ createdAt: 1 });
    for await (const row of cursor) {
      const id = row._id.toHexString();
      if (seen.has(id)) continue;
      seen.set(id, row.createdAt.getTime());
      if (deliver) options.onRevocation(row);
    }
    sinceMs = startedAt - overlapMs;
    for (const [id, createdAt] of seen) if (createdAt < sinceMs) seen.delete(id);
  }

  async function poll(): Promise<void> {
    if (sinceMs === undefined) await read(options.clock.now() - overlapMs, false);
    else await read(sinceMs, true);
    const now = options.clock.now();
    if (now - cleanedAt >= CLEANUP_EVERY_MS) {
      cleanedAt = now;
      await collection.deleteMany({ createdAt: { $lt: new Date(now - REVOCATION_RETENTION_MS) } });
    }
  }

  function tick(): void {
    if (stopped) return;
    running = poll()
      .catch((error: unknown) => {
        options.logger.warn('polling revocations failed', { error: String(error) });
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  }

  const ready = read(options.clock.now() - overlapMs, false).catch((error: unknown) => {
    options.logger.warn('reading revocations failed; will retry', { error: String(error) });
  });
  void ready.then(() => {
    if (!stopped) timer = setTimeout(tick, options.pollMs);
  });

  return {
    ready,
    /**
     * A revocation from the fast path (a Redis notice): delivered now unless already seen; the
     * poll that reads its record later skips it by id.
     */
    offer(revocation): void {
      const id = typeof revocation._id === 'string' ? revocation._id : revocation._id.toHexString();
      if (stopped || seen.has(id)) return;
      // A notice older than the window is a replay (or from a badly skewed clock): the poll
      // already delivered what it covers.
      if (revocation.createdAt.getTime() < options.clock.now() - overlapMs) return;
      seen.set(id, revocation.createdAt.getTime());
      options.onRevocation(revocation);
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Whether a revocation written since the ticket was issued applies to it: one of its person, or
 * a document-wide one of its document. Tickets live 120 s, so without this check a revoked
 * person could reconnect with the ticket they already hold. Rejects when the database cannot
 * answer; the caller then refuses the connection (fail closed).
 */
export async function isTicketRevoked(
  db: mongo.Db,
  connection: RevocableConnection & { issuedAtMs: number },
): Promise<boolean> {
  const rows = await db
    .collection<StoredRevocation>(COLLAB_REVOCATIONS_COLLECTION)
    .find({
      createdAt: { $gte: new Date(connection.issuedAtMs) },
      $or: [{ personId: connection.personId }, { documentId: connection.documentId }],
    })
    .limit(1000)
    .toArray();
  return rows.some((row) => isRevocationFor(row, connection));
}
