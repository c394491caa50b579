import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RelayIgnoreReason } from './relay/relay-message';

/** Why a message or connection was refused; a label of `collab_rejected_messages_total`. */
export type RejectReason =
  | 'read-only'
  | 'malformed'
  | 'too-big'
  | 'rate-limited'
  | 'unauthenticated'
  | 'forbidden'
  | 'expired'
  | 'too-many-connections'
  | 'revoked'
  /** The revocation check at connect could not reach the database (refused, fail closed). */
  | 'unavailable'
  /** An upgrade whose handling failed unexpectedly (refused with 400). */
  | 'upgrade-failed'
  /** More frames before the document was ready than the queue bound allows. */
  | 'queue-full'
  | 'awareness-too-big'
  /** Awareness entries for client ids the connection does not own (dropped). */
  | 'awareness-foreign';

/**
 * The Prometheus metrics of one collab server, in their own registry (no global default
 * registry, so two servers in one process keep separate numbers).
 */
export function createCollabMetrics(sources: {
  connections: () => number;
  documents: () => number;
  pendingUpdates: () => number;
}) {
  const registry = new Registry();
  new Gauge({
    name: 'collab_connections',
    help: 'Open websocket connections.',
    registers: [registry],
    collect() {
      this.set(sources.connections());
    },
  });
  new Gauge({
    name: 'collab_documents_in_memory',
    help: 'Documents loaded in memory.',
    registers: [registry],
    collect() {
      this.set(sources.documents());
    },
  });
  new Gauge({
    name: 'collab_pending_updates',
    help: 'Accepted updates not yet stored in the database.',
    registers: [registry],
    collect() {
      this.set(sources.pendingUpdates());
    },
  });
  const persistenceLatency = new Histogram({
    name: 'collab_persistence_latency_seconds',
    help: 'Time from accepting an update until it is stored in the database.',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const rejected = new Counter({
    name: 'collab_rejected_messages_total',
    help: 'Messages and connections refused, by reason.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const storeFailures = new Counter({
    name: 'collab_store_failures_total',
    help: 'Failed database writes (retried with backoff).',
    registers: [registry],
  });
  const relayIgnored = new Counter({
    name: 'collab_relay_ignored_total',
    help: 'Relay messages ignored: malformed, from an unknown instance, or for a document not in memory.',
    labelNames: ['reason'] as const,
    registers: [registry],
  });
  const relayMessages = new Counter({
    name: 'collab_relay_messages_total',
    help: 'Relay messages sent and received, by direction and kind (0 update, 1 awareness, 2 sync request, 3 sync reply, 4 claim).',
    labelNames: ['direction', 'kind'] as const,
    registers: [registry],
  });
  return {
    registry,
    relayIgnored(reason: RelayIgnoreReason): void {
      relayIgnored.inc({ reason });
    },
    relayMessage(direction: 'in' | 'out', kind: number): void {
      relayMessages.inc({ direction, kind: String(kind) });
    },
    observePersistence(latencyMs: number): void {
      persistenceLatency.observe(latencyMs / 1000);
    },
    reject(reason: RejectReason): void {
      rejected.inc({ reason });
    },
    storeFailed(): void {
      storeFailures.inc();
    },
  };
}

/** The metrics handle passed to documents and hooks. */
export type CollabMetrics = ReturnType<typeof createCollabMetrics>;
