import type { CollabLimits } from '../config';

/**
 * A token bucket per connection: it holds up to `burst` messages and refills at
 * `ratePerSecond`, so a client may send a burst (a paste, catching up after a reconnect, many
 * awareness moves) as long as its sustained rate stays below the limit. `take` returns false
 * when the bucket is empty; the caller then closes the connection.
 */
export function createMessageRateLimiter(
  limits: { ratePerSecond: number; burst: number },
  nowMs: () => number,
) {
  const { ratePerSecond, burst } = limits;
  let tokens = burst;
  let last = nowMs();
  return function take(): boolean {
    const now = nowMs();
    tokens = Math.min(burst, tokens + (Math.max(0, now - last) / 1000) * ratePerSecond);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * Counts open connections per document and per person so an upgrade over either limit is
 * refused. `admit` reserves a slot and returns its release function, or undefined when full.
 */
export function createConnectionCounter(limits: CollabLimits) {
  const perDocument = new Map<string, number>();
  const perPerson = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, delta: number) => {
    const next = (map.get(key) ?? 0) + delta;
    if (next <= 0) map.delete(key);
    else map.set(key, next);
  };
  return {
    admit(documentId: string, personId: string): (() => void) | undefined {
      if ((perDocument.get(documentId) ?? 0) >= limits.maxConnectionsPerDocument) return undefined;
      if ((perPerson.get(personId) ?? 0) >= limits.maxConnectionsPerPerson) return undefined;
      bump(perDocument, documentId, 1);
      bump(perPerson, personId, 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        bump(perDocument, documentId, -1);
        bump(perPerson, personId, -1);
      };
    },
  };
}
