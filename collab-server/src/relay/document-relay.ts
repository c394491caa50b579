import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabDocument } from '../documents/collab-document';
import type { CollabLogger, CollabScheduler, TimerHandle } from '../logger';
import type { CollabMetrics } from '../metrics';
import type { RelayBus } from './relay-bus';
import {
  RelayKind,
  decodeRelayMessage,
  encodeRelayMessage,
  relayChannel,
  type RelayMessage,
} from './relay-message';

/** Origin of changes that came over the relay: applied and shown locally, never sent back. */
export const RELAY_ORIGIN = Symbol('relay');

/** What the document registry calls when a document enters and leaves memory. */
export interface DocumentRelayHooks {
  attach(doc: CollabDocument): void;
  detach(documentId: string): void;
}

interface Attached {
  doc: CollabDocument;
  channel: string;
  off: () => void;
  /** Whether the channel subscription is active (claims wait for it, to see later ones). */
  subscribed: boolean;
  /** A client arrived before the subscription was active: claim once it is. */
  claimPending: boolean;
  /** The instance of the latest claim on the channel, as Redis ordered it. */
  claimant: string;
  /** Runs out `handoverMs` after another instance's claim, unless a client arrives here. */
  handover: TimerHandle | undefined;
}

/** How the relay health looks: `down` while Redis is unreachable, `slow` while it lags. */
export type RelayStatus = 'ok' | 'slow' | 'down';

/**
 * Carries updates and awareness between collab processes that hold the same document, over one
 * pub/sub channel per loaded document (the idea of y-redis, written for our registry; y-redis
 * itself is AGPL). Routing normally keeps a document on one process, so in steady state this
 * carries nothing; it makes a document open on two processes (a rebalance, a flap, a process
 * that just took over) converge anyway. When a process starts holding a document, and after
 * every reconnect to the bus, it broadcasts a sync request with its state vector; every holder
 * answers with what the requester misses and asks back for what it misses itself.
 *
 * Relayed changes are stored by every process that applies them (the write-behind queue sees
 * them as any other change; a duplicate record is harmless), so a process that dies before
 * storing its own updates loses nothing another holder has. Messages from our own instance are
 * skipped; messages that are malformed, not signed with the collab secret (an unknown instance)
 * or for a document not in memory are ignored and counted.
 *
 * One owner per document: routing (consistent hashing on the path) is what decides, and the
 * relay only follows it. Each time a client starts editing a document, its process sends a
 * claim; Redis orders a channel's messages the same way for every subscriber, so all holders
 * agree on the latest claimant. A holder that is not it closes its connections `handoverMs`
 * after that claim (unless a client arrived there meanwhile) with 1001, so the clients
 * reconnect through the load balancer and land where new clients land; then it evicts the
 * document. Should the balancer send them back here after all, their arrival is the newest
 * claim and the other holder hands over instead, so the holders settle on the process the
 * balancer chooses whatever its hash function.
 *
 * Redis health: every `probeIntervalMs` the relay publishes a probe to itself and times the
 * round trip; above `slowAfterMs` the relay is `slow` (a warning in `/healthz`: changes from
 * other processes arrive late, local editing is untouched). When it is fast again, or back
 * after an outage, every document resyncs, in case a publish timed out meanwhile.
 */
export function createDocumentRelay(options: {
  bus: RelayBus;
  secret: string;
  instanceId: string;
  /** Channel prefix, e.g. `lip:collab:` (several deployments may share one Redis). */
  prefix: string;
  metrics: Pick<CollabMetrics, 'relayIgnored' | 'relayMessage'>;
  logger: CollabLogger;
  clock: CollabScheduler;
  /** How long a holder that is not the latest claimant keeps its clients, in ms. */
  handoverMs: number;
  /** Interval of the Redis round-trip probe, in ms. */
  probeIntervalMs: number;
  /** A probe round trip above this marks Redis slow, in ms. */
  slowAfterMs: number;
}) {
  const { bus, secret, instanceId, prefix, metrics, logger, clock } = options;
  const attached = new Map<string, Attached>();
  let publishFailures = 0;
  let handOver: (documentId: string) => void = () => undefined;
  const probeChannel = `${prefix}probe:${instanceId}`;
  const probe = {
    seq: 0,
    /** The unanswered probe: its sequence number and when it was sent. */
    pending: undefined as { seq: number; sentAt: number } | undefined,
    roundTripMs: null as number | null,
    slow: false,
    timer: undefined as TimerHandle | undefined,
    closed: false,
  };

  function publish(documentId: string, kind: RelayKind, payload: Uint8Array, target = ''): void {
    const message = encodeRelayMessage(secret, {
      kind,
      sender: instanceId,
      target,
      documentId,
      payload,
    });
    metrics.relayMessage('out', kind);
    bus.publish(relayChannel(prefix, documentId), message).catch((error: unknown) => {
      // Redis down or slow: this process goes on alone (single-process behaviour); the resync
      // after the reconnect brings the other holders up to date.
      publishFailures += 1;
      if (publishFailures === 1 || publishFailures % 1000 === 0) {
        logger.warn('relay: publishing failed', {
          documentId,
          failures: publishFailures,
          error: String(error),
        });
      }
    });
  }

  function requestSync(entry: Attached, target = ''): void {
    publish(
      entry.doc.documentId,
      RelayKind.SyncRequest,
      Y.encodeStateVector(entry.doc.ydoc),
      target,
    );
  }

  function publishAwareness(entry: Attached, target = ''): void {
    const clients = [...entry.doc.awareness.getStates().keys()];
    if (clients.length === 0) return;
    publish(
      entry.doc.documentId,
      RelayKind.Awareness,
      awarenessProtocol.encodeAwarenessUpdate(entry.doc.awareness, clients),
      target,
    );
  }

  function claim(entry: Attached): void {
    if (!entry.subscribed) {
      entry.claimPending = true;
      return;
    }
    entry.claimPending = false;
    publish(entry.doc.documentId, RelayKind.Claim, new Uint8Array(0));
  }

  function onClaim(entry: Attached, claimant: string): void {
    entry.claimant = claimant;
    if (entry.handover !== undefined) clock.clearTimeout(entry.handover);
    entry.handover = undefined;
    if (claimant === instanceId) return;
    entry.handover = clock.setTimeout(() => {
      entry.handover = undefined;
      if (attached.get(entry.doc.documentId) !== entry || entry.claimant === instanceId) return;
      logger.info('relay: handing the document over to the process clients arrive at', {
        documentId: entry.doc.documentId,
        claimant: entry.claimant,
      });
      handOver(entry.doc.documentId);
    }, options.handoverMs);
  }

  function resyncAll(): void {
    for (const entry of attached.values()) {
      requestSync(entry);
      publishAwareness(entry);
    }
  }

  function sendProbe(): void {
    probe.timer = undefined;
    if (probe.closed) return;
    const now = clock.now();
    if (!bus.isUp()) {
      probe.pending = undefined;
      probe.roundTripMs = null;
    } else if (probe.pending) {
      // Still unanswered: Redis (or the way to it) is at least this slow.
      if (now - probe.pending.sentAt > options.slowAfterMs) markSlow(now - probe.pending.sentAt);
    } else {
      probe.seq += 1;
      probe.pending = { seq: probe.seq, sentAt: now };
      const payload = new Uint8Array(4);
      new DataView(payload.buffer).setUint32(0, probe.seq);
      bus.publish(probeChannel, payload).catch(() => {
        if (probe.pending?.seq === probe.seq) probe.pending = undefined;
      });
    }
    probe.timer = clock.setTimeout(sendProbe, options.probeIntervalMs);
  }

  function markSlow(roundTripMs: number): void {
    probe.roundTripMs = roundTripMs;
    if (probe.slow) return;
    probe.slow = true;
    logger.warn('relay: Redis is slow', { roundTripMs, slowAfterMs: options.slowAfterMs });
  }

  function onProbe(data: Uint8Array): void {
    if (data.byteLength !== 4 || !probe.pending) return;
    const seq = new DataView(data.buffer, data.byteOffset, 4).getUint32(0);
    if (seq !== probe.pending.seq) return;
    const roundTripMs = clock.now() - probe.pending.sentAt;
    probe.pending = undefined;
    if (roundTripMs > options.slowAfterMs) {
      markSlow(roundTripMs);
      return;
    }
    probe.roundTripMs = roundTripMs;
    if (probe.slow) {
      probe.slow = false;
      logger.info('relay: Redis is fast again, resyncing', { roundTripMs });
      resyncAll();
    }
  }

  function receive(channel: string, data: Uint8Array): void {
    const decoded = decodeRelayMessage(secret, data);
    if (!decoded.ok) {
      metrics.relayIgnored(decoded.reason);
      return;
    }
    const message = decoded.message;
    if (message.kind === RelayKind.Claim) {
      // Our own claims count too: their place in the channel's order decides.
      const entry = attached.get(message.documentId);
      if (entry && entry.channel === channel && !entry.doc.isDestroyed) {
        if (message.sender !== instanceId) metrics.relayMessage('in', message.kind);
        onClaim(entry, message.sender);
      } else if (message.sender !== instanceId) metrics.relayIgnored('unloaded-document');
      return;
    }
    // Our own messages come back on every channel we publish to.
    if (message.sender === instanceId) return;
    if (message.target !== '' && message.target !== instanceId) return;
    const entry = attached.get(message.documentId);
    if (!entry || entry.channel !== channel || entry.doc.isDestroyed) {
      metrics.relayIgnored('unloaded-document');
      return;
    }
    metrics.relayMessage('in', message.kind);
    try {
      apply(entry, message);
    } catch (error) {
      metrics.relayIgnored('malformed');
      logger.warn('relay: a message could not be applied', {
        documentId: message.documentId,
        sender: message.sender,
        error: String(error),
      });
    }
  }

  function apply(entry: Attached, message: RelayMessage): void {
    const { doc } = entry;
    switch (message.kind) {
      case RelayKind.Update:
      case RelayKind.SyncReply:
        Y.applyUpdate(doc.ydoc, message.payload, RELAY_ORIGIN);
        return;
      case RelayKind.Awareness:
        awarenessProtocol.applyAwarenessUpdate(doc.awareness, message.payload, RELAY_ORIGIN);
        return;
      case RelayKind.Claim:
        return;
      case RelayKind.SyncRequest: {
        const diff = Y.encodeStateAsUpdate(doc.ydoc, message.payload);
        publish(doc.documentId, RelayKind.SyncReply, diff, message.sender);
        if (message.target === '') {
          // A newcomer (or a holder after a reconnect): it may hold changes we lack, deletions
          // included (a state vector does not show those), so ask it back, and show it our
          // clients' carets.
          requestSync(entry, message.sender);
          publishAwareness(entry, message.sender);
        }
        return;
      }
    }
  }

  bus.onMessage(receive);
  bus.onReconnected(() => {
    probe.pending = undefined;
    resyncAll();
  });
  bus
    .listen(probeChannel, onProbe)
    .catch((error: unknown) => logger.warn('relay: probing failed', { error: String(error) }));
  probe.timer = clock.setTimeout(sendProbe, options.probeIntervalMs);

  return {
    attach(doc: CollabDocument): void {
      const documentId = doc.documentId;
      if (attached.has(documentId)) return;
      const onUpdate = (update: Uint8Array, origin: unknown) => {
        if (origin !== RELAY_ORIGIN) publish(documentId, RelayKind.Update, update);
      };
      const onAwareness = (
        changes: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        if (origin === RELAY_ORIGIN) return;
        const clients = changes.added.concat(changes.updated, changes.removed);
        publish(
          documentId,
          RelayKind.Awareness,
          awarenessProtocol.encodeAwarenessUpdate(doc.awareness, clients),
        );
      };
      doc.ydoc.on('update', onUpdate);
      doc.awareness.on('update', onAwareness);
      const entry: Attached = {
        doc,
        channel: relayChannel(prefix, documentId),
        off: () => {
          doc.ydoc.off('update', onUpdate);
          doc.awareness.off('update', onAwareness);
        },
        subscribed: false,
        claimPending: false,
        claimant: '',
        handover: undefined,
      };
      attached.set(documentId, entry);
      bus.subscribe(entry.channel).then(
        () => {
          if (attached.get(documentId) !== entry) return;
          entry.subscribed = true;
          requestSync(entry);
          if (entry.claimPending) claim(entry);
        },
        (error: unknown) =>
          logger.warn('relay: subscribing failed', { documentId, error: String(error) }),
      );
    },

    detach(documentId: string): void {
      const entry = attached.get(documentId);
      if (!entry) return;
      attached.delete(documentId);
      if (entry.handover !== undefined) clock.clearTimeout(entry.handover);
      entry.off();
      bus.unsubscribe(entry.channel).catch(() => undefined);
    },

    /**
     * A client started editing `documentId` here: claim the document, so holders elsewhere
     * hand it over (see above).
     */
    noteArrival(documentId: string): void {
      const entry = attached.get(documentId);
      if (entry) claim(entry);
    },

    /** Called with a document this process should stop serving (close its connections). */
    onHandOver(handler: (documentId: string) => void): void {
      handOver = handler;
    },

    /** `down` while this process edits alone, `slow` while relayed changes arrive late. */
    status(): RelayStatus {
      if (!bus.isUp()) return 'down';
      return probe.slow ? 'slow' : 'ok';
    },

    /** The last probe round trip through Redis in ms (null while down or not yet measured). */
    roundTripMs(): number | null {
      return bus.isUp() ? probe.roundTripMs : null;
    },

    /** Documents this process relays (those in memory). */
    get size(): number {
      return attached.size;
    },

    async close(): Promise<void> {
      probe.closed = true;
      if (probe.timer !== undefined) clock.clearTimeout(probe.timer);
      for (const id of [...attached.keys()]) this.detach(id);
      await bus.close();
    },
  };
}

/** The relay of one collab server. */
export type DocumentRelay = ReturnType<typeof createDocumentRelay>;
