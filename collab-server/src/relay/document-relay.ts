import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabDocument } from '../documents/collab-document';
import type { CollabLogger } from '../logger';
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
}

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
 */
export function createDocumentRelay(options: {
  bus: RelayBus;
  secret: string;
  instanceId: string;
  /** Channel prefix, e.g. `lip:collab:` (several deployments may share one Redis). */
  prefix: string;
  metrics: Pick<CollabMetrics, 'relayIgnored' | 'relayMessage'>;
  logger: CollabLogger;
}) {
  const { bus, secret, instanceId, prefix, metrics, logger } = options;
  const attached = new Map<string, Attached>();
  let publishFailures = 0;

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

  function receive(channel: string, data: Uint8Array): void {
    const decoded = decodeRelayMessage(secret, data);
    if (!decoded.ok) {
      metrics.relayIgnored(decoded.reason);
      return;
    }
    const message = decoded.message;
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
    for (const entry of attached.values()) {
      requestSync(entry);
      publishAwareness(entry);
    }
  });

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
      };
      attached.set(documentId, entry);
      bus.subscribe(entry.channel).then(
        () => {
          if (attached.get(documentId) === entry) requestSync(entry);
        },
        (error: unknown) =>
          logger.warn('relay: subscribing failed', { documentId, error: String(error) }),
      );
    },

    detach(documentId: string): void {
      const entry = attached.get(documentId);
      if (!entry) return;
      attached.delete(documentId);
      entry.off();
      bus.unsubscribe(entry.channel).catch(() => undefined);
    },

    /** `ok` while the bus is connected; `degraded` while this process edits alone. */
    status(): 'ok' | 'degraded' {
      return bus.isUp() ? 'ok' : 'degraded';
    },

    /** Documents this process relays (those in memory). */
    get size(): number {
      return attached.size;
    },

    async close(): Promise<void> {
      for (const id of [...attached.keys()]) this.detach(id);
      await bus.close();
    },
  };
}

/** The relay of one collab server. */
export type DocumentRelay = ReturnType<typeof createDocumentRelay>;
