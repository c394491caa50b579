import { createHmac, timingSafeEqual } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What a relay message carries between collab processes that hold the same document. */
export const RelayKind = {
  /** A Yjs update accepted by the sender (from one of its clients). */
  Update: 0,
  /** An awareness update of the sender's clients. */
  Awareness: 1,
  /**
   * "Send me what I miss": the sender's state vector. Broadcast when a process starts holding a
   * document and after every reconnect to Redis; targeted when answering one.
   */
  SyncRequest: 2,
  /** The answer to a sync request: a Yjs update with what the target misses. */
  SyncReply: 3,
  /**
   * "Clients arrive here": sent when a client starts editing the document on the sender. Redis
   * delivers a channel's messages to every subscriber in one order, so every holder agrees on
   * the latest claimant; the others hand the document over (see `createDocumentRelay`).
   */
  Claim: 4,
} as const;
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind];

/** One decoded relay message. `target` is empty for messages meant for every holder. */
export interface RelayMessage {
  kind: RelayKind;
  sender: string;
  target: string;
  documentId: string;
  payload: Uint8Array;
}

const VERSION = 1;
const MAC_BYTES = 16;

/** Channel of one document on the relay (one Redis pub/sub channel per loaded document). */
export function relayChannel(prefix: string, documentId: string): string {
  return `${prefix}doc:${documentId}`;
}

function mac(secret: string, body: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}

/**
 * Encodes a message: `[version, kind, sender, target, documentId, payload]` followed by a
 * truncated HMAC-SHA256 with the collab secret. The MAC tells messages of this deployment's
 * processes apart from anything else on the Redis (another deployment sharing it, a stray
 * client): those are "unknown instances" and are ignored.
 */
export function encodeRelayMessage(secret: string, message: RelayMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, VERSION);
  encoding.writeVarUint(encoder, message.kind);
  encoding.writeVarString(encoder, message.sender);
  encoding.writeVarString(encoder, message.target);
  encoding.writeVarString(encoder, message.documentId);
  encoding.writeVarUint8Array(encoder, message.payload);
  const body = encoding.toUint8Array(encoder);
  const out = new Uint8Array(body.byteLength + MAC_BYTES);
  out.set(body, 0);
  out.set(mac(secret, body), body.byteLength);
  return out;
}

/** Why a relay message was not used; a label of `collab_relay_ignored_total`. */
export type RelayIgnoreReason = 'malformed' | 'unknown-instance' | 'unloaded-document';

/** Decodes and authenticates a message; never throws. */
export function decodeRelayMessage(
  secret: string,
  data: Uint8Array,
): { ok: true; message: RelayMessage } | { ok: false; reason: RelayIgnoreReason } {
  if (data.byteLength <= MAC_BYTES) return { ok: false, reason: 'malformed' };
  const body = data.subarray(0, data.byteLength - MAC_BYTES);
  const expected = mac(secret, body);
  const given = data.subarray(data.byteLength - MAC_BYTES);
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'unknown-instance' };
  try {
    const decoder = decoding.createDecoder(body);
    if (decoding.readVarUint(decoder) !== VERSION) return { ok: false, reason: 'malformed' };
    const kind = decoding.readVarUint(decoder);
    if (kind > RelayKind.Claim) return { ok: false, reason: 'malformed' };
    const sender = decoding.readVarString(decoder);
    const target = decoding.readVarString(decoder);
    const documentId = decoding.readVarString(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sender === '') return { ok: false, reason: 'unknown-instance' };
    return { ok: true, message: { kind: kind as RelayKind, sender, target, documentId, payload } };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
