import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** y-websocket message types (the first varuint of every frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** What the server did with one incoming frame. */
export type MessageOutcome =
  | { kind: 'handled'; reply?: Uint8Array }
  | { kind: 'ignored-read-only' }
  /**
   * An awareness update, decoded from its frame but not applied: the caller screens it with the
   * connection's identity, claims and limits (`awareness-guard.ts`) before applying it.
   */
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'malformed'; reason: string };

/** The peer a frame came from: whether it may write, and the origin used for its changes. */
export interface MessagePeer {
  canWrite: boolean;
  origin: unknown;
}

/** Encodes a sync "update" message carrying one Yjs update (broadcast to other clients). */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Encodes the server's sync step 1 (its state vector), sent when a client connects. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Encodes a sync step 2 carrying a whole state (one Yjs update). */
export function encodeSyncStep2(state: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, state);
  return encoding.toUint8Array(encoder);
}

/**
 * Whether a frame is the sync step 1 of a client that has nothing yet (an empty state vector:
 * `[Sync, step 1, length 1, 0 entries]`), which any complete state answers.
 */
export function isFreshSyncStep1(frame: Uint8Array): boolean {
  return (
    frame.byteLength === 4 &&
    frame[0] === MessageType.Sync &&
    frame[1] === syncProtocol.messageYjsSyncStep1 &&
    frame[2] === 1 &&
    frame[3] === 0
  );
}

/** Encodes an awareness message for the given client ids. */
export function encodeAwarenessMessage(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

function handleSync(decoder: decoding.Decoder, doc: Y.Doc, peer: MessagePeer): MessageOutcome {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      // The client sends its state vector; answer with everything it misses (step 2).
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.readSyncStep1(decoder, encoder, doc);
      return { kind: 'handled', reply: encoding.toUint8Array(encoder) };
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      // Read-only modes never change the document: the update is dropped, not applied or relayed.
      if (!peer.canWrite) {
        // An empty update (a reader answering our sync step 1 with nothing) is not a rejection.
        return update.byteLength <= 2 ? { kind: 'handled' } : { kind: 'ignored-read-only' };
      }
      // Applied directly (not via syncProtocol.readUpdate, which swallows errors) so a corrupt
      // update surfaces as malformed and closes its connection.
      Y.applyUpdate(doc, update, peer.origin);
      return { kind: 'handled' };
    }
    default:
      return { kind: 'malformed', reason: `unknown sync message ${syncType}` };
  }
}

/**
 * The y-websocket message switch, kept visible: sync step 1 / step 2 / update, awareness and
 * query-awareness. Throws nothing: a frame that cannot be decoded or applied is reported as
 * malformed so the caller closes only that connection. Awareness is handed back undecoded
 * (`awareness`), since only the connection knows whose carets it may touch.
 */
export function handleMessage(
  data: Uint8Array,
  doc: Y.Doc,
  awareness: awarenessProtocol.Awareness,
  peer: MessagePeer,
): MessageOutcome {
  try {
    const decoder = decoding.createDecoder(data);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MessageType.Sync:
        return handleSync(decoder, doc, peer);
      case MessageType.Awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.QueryAwareness:
        return {
          kind: 'handled',
          reply: encodeAwarenessMessage(awareness, Array.from(awareness.getStates().keys())),
        };
      case MessageType.Auth:
        // Authentication happens at the upgrade with the ticket; auth messages carry nothing.
        return { kind: 'handled' };
      default:
        return { kind: 'malformed', reason: `unknown message type ${messageType}` };
    }
  } catch (error) {
    return { kind: 'malformed', reason: error instanceof Error ? error.message : 'decode error' };
  }
}
