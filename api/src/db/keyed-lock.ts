import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors';
import { op } from './connection';
import type { WriteLeaseModel } from './write-lease.model';

/** The lease a task runs under; a task checks it right before it writes. */
export interface Lease {
  /** Milliseconds until the lease expires (and another writer may take over). */
  remainingMs(): number;
  /**
   * Throws `conflict` when less than the safety margin is left, so a writer that was stalled
   * for most of the lease does not write after someone else took over.
   */
  assertHeld(): void;
}

/**
 * Runs tasks one at a time per key. Read-modify-write sequences use it because FerretDB 1.24
 * does not apply a filter and its update atomically (two guarded updates can both succeed and
 * an update rewrites the whole document), and it has no transactions.
 */
export interface KeyedLock {
  run<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T>;
}

const UNBOUNDED: Lease = { remainingMs: () => Infinity, assertHeld: () => undefined };

/**
 * Serialises tasks per key inside this process, in arrival order. Enough for a single API
 * process; {@link createLeaseLock} adds the guarantee across processes and uses this in front.
 */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const start = () => task(UNBOUNDED);
      const result = previous.then(start, start);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

/** Timing of {@link createLeaseLock}; the defaults suit operations of milliseconds. */
export interface LeaseTiming {
  /** Lifetime of a lease: long compared with an operation, short enough to outlive a crash. */
  leaseMs: number;
  /** How long a writer waits for a busy key before it reports `conflict`; > leaseMs. */
  acquireTimeoutMs: number;
  /** A holder with less than this left refuses to write ({@link Lease.assertHeld}). */
  safetyMarginMs: number;
  /**
   * Released records younger than this are kept. A writer inserts `<key>:<n+1>` after reading
   * `n`; had that record already existed and been pruned, the insert would succeed a second
   * time. Keeping records this long, and never inserting on a read older than the safety
   * margin, rules that out.
   */
  pruneAfterMs: number;
}

const DEFAULT_TIMING: LeaseTiming = {
  leaseMs: 15_000,
  acquireTimeoutMs: 20_000,
  safetyMarginMs: 3_000,
  pruneAfterMs: 75_000,
};

/**
 * A write lock that holds across API processes on MongoDB and FerretDB, built on the one
 * operation both apply atomically: inserting a unique `_id`. The leases of a key are records
 * `<key>:<n>`. To acquire, read the highest `n`; when that lease is released or expired, insert
 * `<key>:<n+1>`: of concurrent writers exactly one insert succeeds, the others get a duplicate
 * key error and try again (a busy key is polled with a growing, jittered pause). To release,
 * mark the own record released by its exact `_id` and delete the key's lower records once they
 * are older than `pruneAfterMs` (never the highest, which the next writer reads). An expired lease
 * is taken over by inserting the next `n`, never by deleting (a delete's filter is not atomic on FerretDB either). Expiry covers a
 * crashed holder; a slow holder checks its remaining time before it writes. Within a process the
 * tasks of a key queue in memory first, so only one of them polls the database.
 * Assumes the API processes' clocks agree to well under `safetyMarginMs` (NTP).
 */
export function createLeaseLock(options: {
  model: WriteLeaseModel;
  timing?: Partial<LeaseTiming>;
  now?: () => number;
}): KeyedLock {
  const timing = { ...DEFAULT_TIMING, ...options.timing };
  const now = options.now ?? Date.now;
  const owner = randomBytes(6).toString('hex');
  const local = createKeyedLock();
  const { model } = options;

  const acquire = async (key: string): Promise<{ id: string; n: number; expiresAt: number }> => {
    const giveUpAt = now() + timing.acquireTimeoutMs;
    let pauseMs = 5;
    for (;;) {
      const readAt = now();
      const latest = await model
        .findOne({ key }, { n: 1, expiresAt: 1, releasedAt: 1 })
        .sort({ n: -1 })
        .lean();
      const free = !latest || latest.releasedAt || latest.expiresAt.getTime() <= now();
      // A read from before a long stall may be stale: read again rather than insert on it.
      if (free && now() - readAt < timing.safetyMarginMs) {
        const n = (latest?.n ?? 0) + 1;
        const id = `${key}:${n}`;
        const expiresAt = now() + timing.leaseMs;
        try {
          await model.create({ _id: id, key, n, owner, expiresAt: new Date(expiresAt) });
          return { id, n, expiresAt };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      if (now() >= giveUpAt) throw new DomainError('conflict', `write lock ${key} is busy`);
      await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
      pauseMs = Math.min(pauseMs * 2, 100);
    }
  };

  const release = async (key: string, held: { id: string; n: number }): Promise<void> => {
    await model.updateOne({ _id: held.id }, { $set: { releasedAt: new Date() } });
    // Acquiring looks at the highest record only; older ones go once no stale read can reach them.
    await model.deleteMany({
      key,
      n: op({ $lt: held.n }),
      createdAt: op({ $lt: new Date(now() - timing.pruneAfterMs) }),
    });
  };

  return {
    run<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T> {
      return local.run(key, async () => {
        const held = await acquire(key);
        const lease: Lease = {
          remainingMs: () => held.expiresAt - now(),
          assertHeld: () => {
            if (held.expiresAt - now() < timing.safetyMarginMs) {
              throw new DomainError('conflict', `write lock ${key} expired before the write`);
            }
          },
        };
        try {
          return await task(lease);
        } finally {
          // A lease that could not be released expires; the next writer waits until then.
          await release(key, held).catch(() => undefined);
        }
      });
    },
  };
}

function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
