import fc from 'fast-check';
import type WebSocket from 'ws';
import { anyJson, nastyString, repeatTo } from '../arbitraries';
import { IDENTITIES, type FuzzContext, type Identity } from '../context';
import type { Surface } from '../runner';
import type { GeneratedOperation } from '../schema-operations';
import { countInternalErrors } from './answers';
import { describeOperation, operationsFor } from './graphql';
import { converse } from './websocket-client';

/** One message a client sends on the graphql-ws socket. */
type Message =
  | { k: 'init'; payload: unknown }
  | { k: 'subscribe'; id: string; operation: GeneratedOperation }
  | { k: 'complete'; id: string }
  | { k: 'ping' }
  | { k: 'pong' }
  | { k: 'json'; value: unknown }
  | { k: 'typed'; type: unknown; rest: unknown }
  | { k: 'text'; text: string }
  | { k: 'binary'; bytes: number[] }
  | { k: 'huge'; bytes: number };

/** A websocket conversation with the API's `/graphql` endpoint. */
export interface GraphQLWsCase {
  identity: Identity;
  /** How the session cookie is sent: as is, broken, or not at all. */
  cookie: 'session' | 'none' | 'broken';
  protocols: string[];
  origin: string | null;
  messages: Message[];
}

const ids = fc.oneof(
  fc.constantFrom('1', '2', '1', ''),
  nastyString.map((text) => text.slice(0, 300)),
);

function messages(operations: fc.Arbitrary<GeneratedOperation>): fc.Arbitrary<Message> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .oneof(fc.constant<unknown>(undefined), anyJson)
        .map((payload): Message => ({ k: 'init', payload })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(ids, operations)
        .map(([id, operation]): Message => ({ k: 'subscribe', id, operation })),
    },
    { weight: 1, arbitrary: ids.map((id): Message => ({ k: 'complete', id })) },
    { weight: 1, arbitrary: fc.constantFrom<Message>({ k: 'ping' }, { k: 'pong' }) },
    { weight: 2, arbitrary: anyJson.map((value): Message => ({ k: 'json', value })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.oneof(
            fc.constantFrom(
              'connection_init',
              'subscribe',
              'next',
              'error',
              'complete',
              'ping',
              'pong',
              'connection_ack',
              'start',
              'stop',
              'connection_terminate',
            ),
            anyJson,
          ),
          anyJson,
        )
        .map(([type, rest]): Message => ({ k: 'typed', type, rest })),
    },
    { weight: 1, arbitrary: nastyString.map((text): Message => ({ k: 'text', text })) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 100 })
        .map((bytes): Message => ({ k: 'binary', bytes: [...bytes] })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(63_000, 64_001, 1_000_000)
        .map((bytes): Message => ({ k: 'huge', bytes })),
    },
  );
}

function encode(message: Message, context: FuzzContext): string | Buffer {
  switch (message.k) {
    case 'init':
      return JSON.stringify({
        type: 'connection_init',
        ...(message.payload === undefined ? {} : { payload: message.payload }),
      });
    case 'subscribe':
      return context.resolveRefs(
        JSON.stringify({
          id: message.id,
          type: 'subscribe',
          payload: {
            query: message.operation.query,
            variables: message.operation.variables,
            operationName: message.operation.operationName,
          },
        }),
      );
    case 'complete':
      return JSON.stringify({ id: message.id, type: 'complete' });
    case 'ping':
    case 'pong':
      return JSON.stringify({ type: message.k });
    case 'json':
      return context.resolveRefs(JSON.stringify(message.value) ?? 'null');
    case 'typed':
      return JSON.stringify({
        ...(typeof message.rest === 'object' && message.rest !== null
          ? message.rest
          : { payload: message.rest }),
        type: message.type,
      });
    case 'text':
      return message.text;
    case 'binary':
      return Buffer.from(message.bytes);
    case 'huge':
      return JSON.stringify({
        type: 'connection_init',
        payload: { x: repeatTo('x', message.bytes) },
      });
  }
}

function describeMessage(message: Message): string {
  switch (message.k) {
    case 'subscribe':
      return `subscribe ${JSON.stringify(message.id.slice(0, 20))} ${describeOperation(message.operation)}`;
    case 'init':
      return `init ${JSON.stringify(message.payload) ?? ''}`;
    case 'binary':
      return `binary ${Buffer.from(message.bytes).toString('hex')}`;
    case 'huge':
      return `huge ${message.bytes}`;
    case 'text':
      return `text ${JSON.stringify(message.text.slice(0, 80))}`;
    default:
      return JSON.stringify(message);
  }
}

/** Conversations on the API's graphql-ws socket. */
export const graphqlWsSurface: Surface<GraphQLWsCase> = {
  name: 'graphql-ws',
  covers:
    'websocket upgrades to the API at /graphql (graphql-transport-ws, the legacy and unknown subprotocols, foreign origins, broken session cookies) and conversations of garbage: non-JSON, binary, wrong message types, subscribe before init, duplicate ids, huge payloads, and schema-generated operations (queries, mutations, subscriptions)',
  arbitrary(context) {
    const signedIn = messages(operationsFor(context, 'admin', true));
    const signedOut = messages(operationsFor(context, 'anonymous', true));
    return fc.constantFrom(...IDENTITIES).chain((identity) =>
      fc.record({
        identity: fc.constant(identity),
        cookie: fc.constantFrom<GraphQLWsCase['cookie']>(
          'session',
          'session',
          'session',
          'none',
          'broken',
        ),
        protocols: fc.oneof(
          { weight: 8, arbitrary: fc.constant<string[]>(['graphql-transport-ws']) },
          {
            weight: 1,
            arbitrary: fc.constantFrom<string[]>(
              ['graphql-ws'],
              [],
              ['graphql-transport-ws', 'graphql-ws'],
              ['x', 'y'],
              ['graphql-transport-ws', 'graphql-transport-ws'],
            ),
          },
        ),
        origin: fc.constantFrom(null, null, 'http://evil.example', 'null', '%ZZ'),
        messages: fc.array(identity === 'anonymous' ? signedOut : signedIn, {
          minLength: 1,
          maxLength: 6,
        }),
      }),
    );
  },
  async execute(testCase, context) {
    const session = context.cookie(testCase.identity);
    const cookie =
      testCase.cookie === 'session'
        ? session
        : testCase.cookie === 'broken'
          ? 'lip_session=%E0%A4%A'
          : undefined;
    const headers: Record<string, string> = {
      ...(cookie ? { cookie } : {}),
      ...(testCase.origin === null ? {} : { origin: testCase.origin }),
    };
    const url = `${context.product.apiUrl.replace(/^http/, 'ws')}/graphql`;
    let pingSent = false;
    const result = await converse(
      url,
      { protocols: testCase.protocols, headers },
      {
        waitForFirstMessage: false,
        early: () => undefined,
        late(socket: WebSocket) {
          for (const message of testCase.messages) socket.send(encode(message, context));
          // The protocol answers ping with pong at any time: the pong says everything before it was read.
          socket.send(JSON.stringify({ type: 'ping' }));
          pingSent = true;
        },
        done: (data, isBinary) => pingSent && !isBinary && data.toString().includes('"pong"'),
      },
      10_000,
    );
    const internalErrors = result.texts.reduce((sum, text) => sum + countInternalErrors(text), 0);
    return {
      statuses: [result.upgradeStatus],
      internalErrors,
      // A socket the server closed is an answer too; only silence counts as a timeout.
      timedOut: result.timedOut && result.closeCode === null,
      outcome: `upgrade ${result.upgradeStatus}, ${result.messages} messages, close ${result.closeCode ?? '-'}${result.error ? `, ${result.error}` : ''}${result.texts.length ? `: ${result.texts.join(' | ').slice(0, 600)}` : ''}`,
    };
  },
  describe: (testCase) =>
    `as ${testCase.identity} (cookie ${testCase.cookie}, protocols ${JSON.stringify(testCase.protocols)}, origin ${testCase.origin}): ${testCase.messages.map(describeMessage).join(' ; ')}`,
  label: (testCase) => testCase.messages[0]?.k ?? 'none',
};
