import type { CollabLimits } from '../config';

/** A token bucket's state; kept on the connection itself, so it costs two numbers each. */
export interface TokenBucket {
  tokens: number;
  refilledAt: number;
}

/**
 * Takes one message from a connection's token bucket: it holds up to `burst` messages and
 * refills at `ratePerSecond`, so a client may send a burst (a paste, catching up after a
 * reconnect, many awareness moves) as long as its sustained rate stays below the limit. Returns
 * false when the bucket is empty; the caller then closes the connection.
 */
export function takeToken(
  bucket: TokenBucket,
  limits: { ratePerSecond: number; burst: number },
  now: number,
): boolean {
  bucket.tokens = Math.min(
    limits.burst,
    bucket.tokens + (Math.max(0, now - bucket.refilledAt) / 1000) * limits.ratePerSecond,
  );
  bucket.refilledAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

/**
 * Counts open connections per document and per person so an upgrade over either limit is
 * refused. `admit` reserves a slot (false when full); `release` gives it back, once per admit.
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
    admit(documentId: string, personId: string): boolean {
      if ((perDocument.get(documentId) ?? 0) >= limits.maxConnectionsPerDocument) return false;
      if ((perPerson.get(personId) ?? 0) >= limits.maxConnectionsPerPerson) return false;
      bump(perDocument, documentId, 1);
      bump(perPerson, personId, 1);
      return true;
    },
    release(documentId: string, personId: string): void {
      bump(perDocument, documentId, -1);
      bump(perPerson, personId, -1);
    },
  };
}

/** Open connections per document and per person, from {@link createConnectionCounter}. */
export type ConnectionCounter = ReturnType<typeof createConnectionCounter>;
