/**
 * How a raw bench client speaks to each server: y-websocket framing (our server, the reference
 * and the relay) or Hocuspocus framing (every message prefixed with the document name, and an
 * authentication message first). Raw clients keep no Y.Doc, so a thousand fit in one process.
 */
import { toCollabDocumentName } from '@lip/common';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { TEST_SECRET, issueTicket } from '../../../collab-server/src/testing/collab-test-kit';
import type { ServerKind } from './server-process';

export interface Dialect {
  url(port: number, documentId: string, person: string): string;
  /** Frames to send once the socket is open. */
  hello(documentId: string): Uint8Array[];
  frameUpdate(documentId: string, update: Uint8Array): Uint8Array;
  /** The Yjs update a frame carries when it is a sync update or step 2, else undefined. */
  readUpdate(frame: Uint8Array): Uint8Array | undefined;
  /** Whether a frame is a broadcast sync update (not step 1/2 or awareness). */
  isUpdate(frame: Uint8Array): boolean;
}

const emptyStateVector = Y.encodeStateVector(new Y.Doc());

function syncFrame(
  prefix: (encoder: encoding.Encoder) => void,
  write: (e: encoding.Encoder) => void,
) {
  const encoder = encoding.createEncoder();
  prefix(encoder);
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function readSync(decoder: decoding.Decoder): { type: number; update?: Uint8Array } | undefined {
  if (decoding.readVarUint(decoder) !== 0) return undefined;
  const type = decoding.readVarUint(decoder);
  if (type === syncProtocol.messageYjsSyncStep1) return { type };
  return { type, update: decoding.readVarUint8Array(decoder) };
}

const yWebsocket = (ticketed: boolean): Dialect => {
  const none = () => undefined;
  return {
    url: (port, documentId, person) =>
      `ws://127.0.0.1:${port}/${toCollabDocumentName(documentId)}` +
      (ticketed ? `?ticket=${issueTicket(TEST_SECRET, { doc: documentId, sub: person })}` : ''),
    hello: () => [
      syncFrame(none, (e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
        encoding.writeVarUint8Array(e, emptyStateVector);
      }),
    ],
    frameUpdate: (_documentId, update) =>
      syncFrame(none, (e) => syncProtocol.writeUpdate(e, update)),
    readUpdate: (frame) => readSync(decoding.createDecoder(frame))?.update,
    isUpdate: (frame) => frame[0] === 0 && frame[1] === syncProtocol.messageYjsUpdate,
  };
};

const hocuspocus: Dialect = {
  url: (port) => `ws://127.0.0.1:${port}/`,
  hello: (documentId) => {
    const name = toCollabDocumentName(documentId);
    const auth = encoding.createEncoder();
    encoding.writeVarString(auth, name);
    encoding.writeVarUint(auth, 2); // MessageType.Auth
    encoding.writeVarUint(auth, 0); // AuthMessageType.Token
    encoding.writeVarString(auth, '');
    return [
      encoding.toUint8Array(auth),
      syncFrame(
        (e) => encoding.writeVarString(e, name),
        (e) => {
          encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
          encoding.writeVarUint8Array(e, emptyStateVector);
        },
      ),
    ];
  },
  frameUpdate: (documentId, update) =>
    syncFrame(
      (e) => encoding.writeVarString(e, toCollabDocumentName(documentId)),
      (e) => syncProtocol.writeUpdate(e, update),
    ),
  readUpdate: (frame) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return readSync(decoder)?.update;
  },
  isUpdate: (frame) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return (
      decoding.readVarUint(decoder) === 0 &&
      decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate
    );
  },
};

export function dialectFor(kind: ServerKind): Dialect {
  return kind === 'hocuspocus' ? hocuspocus : yWebsocket(kind === 'lip');
}
