import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { LONE_SURROGATES, anyJson, nastyString, nestedJsonText, repeatTo } from '../arbitraries';
import { FUZZ_DOCUMENT_SLOTS, TICKET_IDENTITIES, type TicketIdentity } from '../context';
import type { Surface } from '../runner';
import { converse } from './websocket-client';

/** An edit to a Yjs document, to build real updates (content the projection must survive). */
type Edit =
  | { k: 'element'; name: string; attributes: [string, string][]; text: string; depth: number }
  | { k: 'formatted-text'; text: string; format: Record<string, unknown> }
  | { k: 'map'; key: string; value: unknown }
  | { k: 'other-text'; text: string }
  | { k: 'delete'; index: number; length: number };

/** One frame a client sends after the handshake. */
type Frame =
  | { k: 'random'; bytes: number[] }
  | { k: 'truncated-varint'; bytes: number[] }
  | { k: 'oversized-length'; type: number; length: number; tail: number[] }
  | { k: 'framed-garbage'; type: number; sub: number; payload: number[] }
  | { k: 'update'; clientId: number; edits: Edit[]; mutation: Mutation; step2: boolean }
  | { k: 'state-vector'; entries: [number, number][]; garbage: number[] | null }
  | { k: 'awareness'; entries: { clientId: number; clock: number; state: string }[] }
  | { k: 'small'; bytes: number[] }
  | { k: 'huge'; bytes: number };

/** How a real update is damaged before it is framed. */
type Mutation =
  | { k: 'none' }
  | { k: 'flip'; at: number; value: number }
  | { k: 'truncate'; at: number }
  | { k: 'duplicate' }
  | { k: 'insert'; at: number; bytes: number[] };

/** A y-websocket conversation on the fuzz document with a ticket the API issued. */
export interface YWebsocketCase {
  identity: TicketIdentity;
  /** Which fuzz document (see `FUZZ_DOCUMENT_SLOTS`). */
  slot: number;
  /** Send the frames before the document is loaded (they wait in the connection's queue). */
  early: boolean;
  /** Send the frames as text frames instead of binary ones. */
  asText: boolean;
  frames: Frame[];
}

const NODE_NAMES = [
  'paragraph',
  'heading',
  'bulletList',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'codeBlock',
  'hardBreak',
  'script',
  'img',
  '',
  'weird name',
  '__proto__',
  'p'.repeat(300),
];
const byte = fc.integer({ min: 0, max: 255 });
const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((array) => [...array]);
const clientId = fc.oneof(
  fc.integer({ min: 1, max: 2 ** 31 }),
  fc.constantFrom(0, 1, 2 ** 32, 2 ** 53 - 1),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant<'element'>('element'),
      name: fc.constantFrom(...NODE_NAMES),
      attributes: fc.array(
        fc.tuple(
          fc.constantFrom('level', 'href', 'src', 'colspan', 'onclick', 'style', 'class'),
          fc.oneof(
            fc.constantFrom('1', '0', '-1', '99999', 'javascript:alert(1)', 'x" onload="y'),
            nastyString.map((s) => s.slice(0, 500)),
          ),
        ),
        { maxLength: 2 },
      ),
      text: nastyString.map((text) => text.slice(0, 2_000)),
      depth: fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(1, 1, 2, 5, 40, 400) },
        { weight: 1, arbitrary: fc.constant(3_000) },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant<'formatted-text'>('formatted-text'),
      text: nastyString.map((text) => text.slice(0, 1_000)),
      format: fc.oneof(
        fc.constantFrom<Record<string, unknown>>(
          { bold: true },
          { link: { href: 'javascript:alert(1)' } },
          { link: { href: repeatTo('h', 5_000) } },
          { italic: {} },
          { unknownMark: 1 },
          { code: null },
        ),
        anyJson.map((value) => ({ bold: value })),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant<'map'>('map'),
      key: nastyString.map((s) => s.slice(0, 200)),
      value: anyJson.filter((v) => (JSON.stringify(v)?.length ?? 0) < 5_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant<'other-text'>('other-text'),
      text: nastyString.map((s) => s.slice(0, 2_000)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant<'delete'>('delete'),
      index: fc.nat({ max: 5 }),
      length: fc.integer({ min: 1, max: 3 }),
    }),
  },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Mutation>({ k: 'none' }) },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant<'flip'>('flip'), at: fc.nat({ max: 400 }), value: byte }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant<'truncate'>('truncate'), at: fc.nat({ max: 400 }) }),
  },
  { weight: 1, arbitrary: fc.constant<Mutation>({ k: 'duplicate' }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant<'insert'>('insert'),
      at: fc.nat({ max: 400 }),
      bytes: bytes(16),
    }),
  },
);

/** An awareness state as the wire carries it: a JSON string, or not JSON at all. */
const awarenessState = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        user: fc.record({
          name: nastyString.map((s) => s.slice(0, 2_000)),
          color: fc.oneof(
            fc.constant('#123456'),
            nastyString.map((s) => s.slice(0, 100)),
          ),
        }),
        cursor: anyJson,
      })
      .map((state) => JSON.stringify(state)),
  },
  { weight: 2, arbitrary: anyJson.map((value) => JSON.stringify(value) ?? 'null') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('null', '', '{', '{"__proto__":{"x":1}}', ...LONE_SURROGATES),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(1_000, 20_000).map((depth) => nestedJsonText(depth, 'array')),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(100_000, 1_500_000)
      .map((length) => JSON.stringify({ user: { name: repeatTo('N', length) } })),
  },
);

const frame: fc.Arbitrary<Frame> = fc.oneof(
  { weight: 2, arbitrary: bytes(300).map((b): Frame => ({ k: 'random', bytes: b })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom<number[]>([], [0], [0, 2], [1], [0, 0]),
        fc.integer({ min: 1, max: 12 }),
      )
      .map(([prefix, count]): Frame => ({
        k: 'truncated-varint',
        bytes: [...prefix, ...Array.from({ length: count }, () => 0x80)],
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        type: fc.constantFrom(0, 1),
        length: fc.constantFrom(2 ** 20, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1),
        tail: bytes(8),
      })
      .map((value): Frame => ({ k: 'oversized-length', ...value })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        type: fc.constantFrom(0, 0, 1, 3),
        sub: fc.constantFrom(0, 1, 2, 3, 200),
        payload: bytes(200),
      })
      .map((value): Frame => ({ k: 'framed-garbage', ...value })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        clientId: fc.integer({ min: 1, max: 2 ** 30 }),
        edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
        mutation,
        step2: fc.boolean(),
      })
      .map((value): Frame => ({ k: 'update', ...value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        entries: fc.array(
          fc.tuple(clientId, fc.oneof(fc.nat({ max: 100 }), fc.constantFrom(2 ** 32, 2 ** 53 - 1))),
          { maxLength: 4 },
        ),
        garbage: fc.option(bytes(40), { freq: 3 }),
      })
      .map((value): Frame => ({ k: 'state-vector', ...value })),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.record({
          clientId,
          clock: fc.oneof(fc.nat({ max: 10 }), fc.constantFrom(2 ** 32, 2 ** 53 - 1)),
          state: awarenessState,
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((entries): Frame => ({ k: 'awareness', entries })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<number[]>(
        [],
        [3],
        [2],
        [2, 0],
        [4],
        [255, 255, 255, 255, 15],
        [0, 3],
        [1, 0],
        [1, 1, 0],
      )
      .map((b): Frame => ({ k: 'small', bytes: b })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(2 * 1024 * 1024 - 10, 2 * 1024 * 1024 + 10, 4 * 1024 * 1024 + 10)
      .map((b): Frame => ({ k: 'huge', bytes: b })),
  },
);

function applyEdits(doc: Y.Doc, edits: Edit[]): void {
  const fragment = doc.getXmlFragment('default');
  for (const change of edits) {
    switch (change.k) {
      case 'element': {
        // Integrated level by level (each insert into a live element), so deep nesting costs no
        // recursion here; what the server does with it is the point.
        const outer = new Y.XmlElement(change.name || 'paragraph');
        fragment.insert(fragment.length, [outer]);
        for (const [key, value] of change.attributes) outer.setAttribute(key, value);
        let inner = outer;
        for (let level = 1; level < change.depth; level += 1) {
          const child = new Y.XmlElement(change.name || 'paragraph');
          inner.insert(0, [child]);
          inner = child;
        }
        inner.insert(0, [new Y.XmlText(change.text)]);
        break;
      }
      case 'formatted-text': {
        const paragraph = new Y.XmlElement('paragraph');
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        fragment.insert(fragment.length, [paragraph]);
        text.insert(0, change.text, change.format);
        break;
      }
      case 'map':
        // Wrapped, through JSON: Yjs dispatches on `value.constructor`, which an own key may shadow.
        doc.getMap('meta').set(change.key, {
          value: JSON.parse(JSON.stringify(change.value) ?? 'null') as unknown,
        });
        break;
      case 'other-text':
        doc.getText('other').insert(0, change.text);
        break;
      case 'delete':
        if (fragment.length > change.index)
          fragment.delete(change.index, Math.min(change.length, fragment.length - change.index));
        break;
    }
  }
}

function mutate(update: Uint8Array, change: Mutation): Uint8Array {
  const bytes = [...update];
  switch (change.k) {
    case 'none':
      return update;
    case 'flip':
      if (bytes.length > 0) bytes[change.at % bytes.length] = change.value;
      return Uint8Array.from(bytes);
    case 'truncate':
      return Uint8Array.from(bytes.slice(0, change.at % Math.max(1, bytes.length)));
    case 'duplicate':
      return Uint8Array.from([...bytes, ...bytes]);
    case 'insert': {
      const at = change.at % Math.max(1, bytes.length);
      return Uint8Array.from([...bytes.slice(0, at), ...change.bytes, ...bytes.slice(at)]);
    }
  }
}

/** The frame's bytes. Real updates are built here, from the edits, with a fixed client id. */
export function encodeFrame(value: Frame): Uint8Array {
  const encoder = encoding.createEncoder();
  switch (value.k) {
    case 'random':
    case 'truncated-varint':
    case 'small':
      return Uint8Array.from(value.bytes);
    case 'oversized-length':
      encoding.writeVarUint(encoder, value.type);
      if (value.type === 0) encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint(encoder, value.length);
      encoding.writeUint8Array(encoder, Uint8Array.from(value.tail));
      return encoding.toUint8Array(encoder);
    case 'framed-garbage':
      encoding.writeVarUint(encoder, value.type);
      if (value.type === 0) encoding.writeVarUint(encoder, value.sub);
      encoding.writeVarUint8Array(encoder, Uint8Array.from(value.payload));
      return encoding.toUint8Array(encoder);
    case 'update': {
      const doc = new Y.Doc();
      doc.clientID = value.clientId;
      // One transaction for all edits: thousands of nested inserts stay cheap.
      doc.transact(() => applyEdits(doc, value.edits));
      const update = mutate(Y.encodeStateAsUpdate(doc), value.mutation);
      doc.destroy();
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, value.step2 ? 1 : 2);
      encoding.writeVarUint8Array(encoder, update);
      return encoding.toUint8Array(encoder);
    }
    case 'state-vector': {
      const vector = encoding.createEncoder();
      if (value.garbage) encoding.writeUint8Array(vector, Uint8Array.from(value.garbage));
      else {
        encoding.writeVarUint(vector, value.entries.length);
        for (const [client, clock] of value.entries) {
          encoding.writeVarUint(vector, client);
          encoding.writeVarUint(vector, clock);
        }
      }
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(vector));
      return encoding.toUint8Array(encoder);
    }
    case 'awareness': {
      const update = encoding.createEncoder();
      encoding.writeVarUint(update, value.entries.length);
      for (const entry of value.entries) {
        encoding.writeVarUint(update, entry.clientId);
        encoding.writeVarUint(update, entry.clock);
        encoding.writeVarString(update, entry.state);
      }
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
      return encoding.toUint8Array(encoder);
    }
    case 'huge':
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, new Uint8Array(value.bytes));
      return encoding.toUint8Array(encoder);
  }
}

function describeFrame(value: Frame): string {
  switch (value.k) {
    case 'update':
      return `update(client ${value.clientId}, ${value.step2 ? 'step2' : 'update'}, mutation ${JSON.stringify(value.mutation)}, edits ${JSON.stringify(value.edits).slice(0, 300)})`;
    case 'awareness':
      return `awareness(${value.entries.map((entry) => `${entry.clientId}@${entry.clock}=${JSON.stringify(entry.state.slice(0, 80))}${entry.state.length > 80 ? `…(${entry.state.length})` : ''}`).join(', ')})`;
    case 'huge':
      return `huge(${value.bytes})`;
    default:
      return `${value.k}(${Buffer.from(encodeFrame(value)).toString('hex').slice(0, 120)})`;
  }
}

/** y-websocket frames on a connection the API issued a ticket for. */
export const yWebsocketSurface: Surface<YWebsocketCase> = {
  name: 'y-websocket',
  covers:
    'y-websocket frames on connections with tickets the API issued (group speaker and admin editing, observer reading): random bytes, truncated varints, oversized lengths, valid framing around garbage, real Yjs updates with unknown nodes, nasty attributes and marks, nesting up to 3,000 levels, damaged by flipped, cut, doubled and inserted bytes, garbage state vectors, awareness junk (non-JSON, deep, 1.5 MB states, huge clocks and client ids), frames over the size limit, text frames, frames queued before the document loaded',
  arbitrary: () =>
    fc.record({
      identity: fc.constantFrom(...TICKET_IDENTITIES),
      slot: fc.nat({ max: FUZZ_DOCUMENT_SLOTS - 1 }),
      early: fc.boolean(),
      asText: fc.oneof(
        { weight: 12, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
      frames: fc.array(frame, { minLength: 1, maxLength: 6 }),
    }),
  async execute(testCase, context) {
    await context.startConversation();
    const url = await context.ticketUrl(testCase.identity, testCase.slot);
    const encoded = testCase.frames.map(encodeFrame);
    const send = (socket: WebSocket) => {
      for (const data of encoded) {
        if (socket.readyState !== socket.OPEN) return;
        socket.send(testCase.asText ? Buffer.from(data).toString('latin1') : data, {
          binary: !testCase.asText,
        });
      }
    };
    // Frames sent after the server's sync step 1 are handled as they arrive; frames sent before
    // it wait in the queue and are handled right after it. Either way, once the close handshake
    // completes, the server has handled every frame (or closed on one).
    const result = await converse(
      url,
      {},
      {
        waitForFirstMessage: true,
        early: (socket) => {
          if (testCase.early) send(socket);
        },
        late: (socket) => {
          if (!testCase.early) send(socket);
        },
      },
      15_000,
    );
    return {
      statuses: [result.upgradeStatus],
      internalErrors: 0,
      timedOut: result.timedOut && result.closeCode === null,
      outcome: `upgrade ${result.upgradeStatus}, ${result.messages} messages, close ${result.closeCode ?? '-'}${result.error ? `, ${result.error}` : ''}`,
    };
  },
  describe: (testCase) =>
    `as ${testCase.identity}${testCase.early ? ', before load' : ''}${testCase.asText ? ', as text' : ''}: ${testCase.frames.map(describeFrame).join(' ; ')}`,
  label: (testCase) => testCase.frames[0]?.k ?? 'none',
};
