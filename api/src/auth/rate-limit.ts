/**
 * A fixed-window counter per key (account email, client address). It lives in memory inside the
 * limiter built by the app factory: fine for one API process; several processes would need a
 * shared store (e.g. Redis) behind the same interface.
 */
export interface RateLimiter {
  /**
   * Records a hit; returns the seconds to wait when the key is over its limit, else 0. Called
   * before the work it limits (a reservation), so concurrent attempts cannot all pass a check
   * that counts them only afterwards.
   */
  hit(key: string): number;
  /** Gives back one hit of the current window (the reserved attempt succeeded). */
  refund(key: string): void;
  /** Seconds to wait before the key may try again (0 = now), without recording a hit. */
  retryAfter(key: string): number;
  /** Forgets a key (after a successful sign-in). */
  reset(key: string): void;
}

/** Creates a limiter allowing `limit` hits per `windowMs` for each key. */
export function createRateLimiter(options: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      const t = now();
      let entry = windows.get(key);
      if (!entry || t - entry.start >= options.windowMs) {
        entry = { start: t, count: 0 };
        windows.set(key, entry);
        if (windows.size > 50_000) pruneOld(windows, t, options.windowMs);
      }
      entry.count += 1;
      if (entry.count <= options.limit) return 0;
      return Math.ceil((entry.start + options.windowMs - t) / 1000);
    },
    refund(key) {
      const entry = windows.get(key);
      if (entry && entry.count > 0) entry.count -= 1;
    },
    retryAfter(key) {
      const t = now();
      const entry = windows.get(key);
      if (!entry || t - entry.start >= options.windowMs || entry.count < options.limit) return 0;
      return Math.ceil((entry.start + options.windowMs - t) / 1000);
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

function pruneOld(
  windows: Map<string, { start: number; count: number }>,
  t: number,
  windowMs: number,
): void {
  for (const [key, entry] of windows) if (t - entry.start >= windowMs) windows.delete(key);
}
