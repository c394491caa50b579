import { op } from '../db/connection';
import type { Models } from '../db/models';
import type { CollabRevocationDoc } from './auth.model';

/** A revocation as the API's live connections need it. */
export type Revocation = Pick<
  CollabRevocationDoc,
  'personId' | 'sessionId' | 'documentId' | 'reason'
>;

/** Watches the revocation records of every API process (see docs/ARCHITECTURE.md, "Revocation"). */
export interface RevocationWatch {
  /** Calls `listener` for each record written from now on, by this or another process. */
  subscribe(listener: (revocation: Revocation) => void): () => void;
  /** Reads new records once (the timer does this every `intervalMs`); for tests and shutdown. */
  poll(): Promise<void>;
  stop(): void;
}

/**
 * Polls `collab_revocations` by creation time (not by `_id`: ids from several writer processes do
 * not arrive in order), looking back `lookbackMs` so a record written with a slightly late clock
 * or committed late is still seen, and remembering the ids it delivered inside that window. Polls
 * only while someone listens.
 */
export function createRevocationWatch(options: {
  models: Models;
  intervalMs?: number;
  lookbackMs?: number;
  now?: () => number;
  log?: (error: unknown) => void;
}): RevocationWatch {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 250;
  const lookbackMs = options.lookbackMs ?? 10_000;
  const listeners = new Set<(revocation: Revocation) => void>();
  /** Delivered record ids with their creation time, forgotten after the lookback window. */
  const seen = new Map<string, number>();
  let since = now();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const pollOnce = async (): Promise<void> => {
    if (listeners.size === 0) {
      since = now();
      return;
    }
    const from = since - lookbackMs;
    const rows = await options.models.CollabRevocation.find({
      createdAt: op({ $gte: new Date(from) }),
    })
      .sort({ createdAt: 1 })
      .limit(5_000)
      .lean<CollabRevocationDoc[]>();
    for (const row of rows) {
      const id = String(row._id);
      const at = row.createdAt.getTime();
      if (seen.has(id)) continue;
      seen.set(id, at);
      if (at > since) since = at;
      for (const listener of listeners) listener(row);
    }
    for (const [id, at] of seen) if (at < from) seen.delete(id);
  };

  const poll = (): Promise<void> => {
    running ??= pollOnce()
      .catch((error: unknown) => options.log?.(error))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const ensureTimer = () => {
    if (timer || listeners.size === 0) return;
    since = now();
    timer = setInterval(() => void poll(), intervalMs);
    timer.unref();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      ensureTimer();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    poll,
    stop() {
      listeners.clear();
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
