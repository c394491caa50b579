import fc from 'fast-check';
import {
  BAD_ESCAPES,
  LONE_SURROGATES,
  anyJson,
  nastyString,
  nestedJsonText,
  nestingDepth,
  repeatTo,
} from '../arbitraries';
import { IDENTITIES, type FuzzContext, type Identity } from '../context';
import { buildRequest, sendRaw, type RawHeader } from '../raw-http';
import type { Surface } from '../runner';
import type { GeneratedOperation } from '../schema-operations';
import { countInternalErrors, describeResponse } from './answers';
import { describeOperation, operationBody, operationsFor } from './graphql';

/** The body of a raw request to `/graphql`. */
type Body =
  | { k: 'empty' }
  | { k: 'json'; value: unknown }
  | { k: 'text'; text: string }
  | { k: 'bytes'; bytes: number[] }
  | { k: 'nested'; depth: number; style: 'array' | 'object' | 'mixed'; wrapped: boolean }
  | { k: 'huge'; bytes: number; unit: string }
  | { k: 'operation'; operation: GeneratedOperation }
  | { k: 'batch'; operations: GeneratedOperation[] }
  | { k: 'gzip-garbage'; bytes: number[] };

/** The Cookie header: the identity's session, broken variants of it, floods. */
type Cookie =
  | { k: 'none' }
  | { k: 'session' }
  | { k: 'raw'; value: string }
  | { k: 'session-and'; value: string }
  | { k: 'many'; count: number }
  | { k: 'huge'; bytes: number };

/** One raw HTTP request to the API. */
export interface HttpCase {
  identity: Identity;
  method: string;
  target: string;
  contentType: string | null;
  cookie: Cookie;
  headers: RawHeader[];
  body: Body;
}

/** Percent-encodes, keeping the text's own `%` signs (so broken escapes stay broken). */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text).replace(/%25/g, '%');
  } catch {
    // Lone surrogates cannot be encoded; send the bytes of an encoded surrogate instead.
    return '%ED%A0%80';
  }
}

const contentTypes = fc.constantFrom<string | null>(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'application/graphql',
  'application/graphql-response+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'application/octet-stream',
  '*/*',
  '',
  ';;;',
  'application/json; boundary="',
  null,
);

const targets = fc.oneof(
  { weight: 10, arbitrary: fc.constant('/graphql') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '/graphql/',
      '/graphql?',
      '/graphql?query={ping}',
      '/graphql?query=%7Bping%7D',
      '/graphql?query=%ZZ',
      '/graphql?query={viewer{id}}&variables=%7B',
      '/graphql?extensions={"persistedQuery":{"version":1,"sha256Hash":"x"}}',
      '/GRAPHQL',
      '//graphql',
      '/graphql%00',
      '/graphql%ZZ',
      '/graphql/..%2f..%2fetc%2fpasswd',
      '/healthz',
      '/healthz?%ZZ',
      '/',
      '/%ZZ',
      '/%E0%A4%A',
      '/assets/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/sign-in?next=%ZZ',
      '*',
      'http://evil.example/graphql',
    ),
  },
  {
    weight: 1,
    arbitrary: nastyString.map((text) => `/graphql?query=${encodeLoosely(text.slice(0, 6_000))}`),
  },
);

const cookies: fc.Arbitrary<Cookie> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Cookie>({ k: 'session' }) },
  { weight: 2, arbitrary: fc.constant<Cookie>({ k: 'none' }) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          'lip_session=%E0%A4%A',
          'lip_session=%ZZ',
          'lip_session=%',
          'lip_session=',
          'lip_session',
          'lip_session=""',
          'lip_session="%E0"',
          '=;;; ;=',
          'lip_session=a; lip_session=%ZZ',
          'lip_session=\u00ff\u00fe',
          ...BAD_ESCAPES.map((escape) => `lip_session=${escape}`),
          ...LONE_SURROGATES.map((text) => `lip_session=${text}`),
        ),
        nastyString.map((text) => `lip_session=${text.slice(0, 8_000)}`),
        nastyString.map((text) => text.slice(0, 8_000)),
      )
      .map((value): Cookie => ({ k: 'raw', value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('%ZZ', '%E0%A4%A', 'x', '')
      .map((value): Cookie => ({ k: 'session-and', value })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(50, 500, 3_000).map((count): Cookie => ({ k: 'many', count })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(4_000, 15_000, 70_000)
      .map((bytes): Cookie => ({ k: 'huge', bytes })),
  },
);

const headerName = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-_0123456789'),
  minLength: 1,
  maxLength: 20,
});
const headerValue = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ;,=/*.-0123456789'),
    maxLength: 60,
  }),
  fc.constantFrom('', ' ', '%ZZ', '\u00ff', repeatTo('a', 9_000)),
);

const extraHeaders: fc.Arbitrary<RawHeader[]> = fc.array(
  fc.oneof(
    fc.tuple(
      fc.constant('Accept-Language'),
      fc.oneof(
        fc.constantFrom('en', 'de-DE,de;q=0.9', 'en;q=abc', '*', repeatTo('en,', 8_000)),
        nastyString.map((s) => s.replace(/[\r\n]/g, '').slice(0, 200)),
      ),
    ),
    fc.tuple(fc.constant('Apollo-Require-Preflight'), fc.constantFrom('true', '')),
    fc.tuple(fc.constant('X-Apollo-Operation-Name'), fc.constantFrom('Fuzz', '', '%ZZ')),
    fc.tuple(
      fc.constant('Accept'),
      fc.constantFrom(
        'application/json',
        'application/graphql-response+json',
        'text/html',
        'multipart/mixed',
        '*/*;q=abc',
        '',
      ),
    ),
    fc.tuple(
      fc.constant('Content-Encoding'),
      fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-garbage', 'gzip, gzip'),
    ),
    fc.tuple(fc.constant('Origin'), fc.constantFrom('http://evil.example', 'null', '%ZZ', '')),
    fc.tuple(
      fc.constant('X-Forwarded-For'),
      fc.constantFrom('1.2.3.4', '::1, 10.0.0.1', 'garbage', repeatTo('1.1.1.1,', 4_000)),
    ),
    fc.tuple(fc.constant('Expect'), fc.constantFrom('100-continue', 'nonsense')),
    fc.tuple(
      fc.constant('Transfer-Encoding'),
      fc.constantFrom('chunked', 'gzip, chunked', 'identity'),
    ),
    fc.tuple(fc.constant('Content-Length'), fc.constantFrom('0', '-1', 'abc', '1, 2')),
    fc.tuple(headerName, headerValue),
  ),
  { maxLength: 4 },
);

const bodies = (operations: fc.Arbitrary<GeneratedOperation>): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 5, arbitrary: operations.map((operation): Body => ({ k: 'operation', operation })) },
    { weight: 3, arbitrary: anyJson.map((value): Body => ({ k: 'json', value })) },
    {
      weight: 2,
      arbitrary: fc
        .record(
          {
            query: fc.oneof(nastyString, anyJson),
            variables: anyJson,
            operationName: fc.oneof(nastyString, anyJson),
            extensions: anyJson,
          },
          { requiredKeys: [] },
        )
        .map((value): Body => ({ k: 'json', value })),
    },
    { weight: 2, arbitrary: nastyString.map((text): Body => ({ k: 'text', text })) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((bytes): Body => ({ k: 'bytes', bytes: [...bytes] })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          nestingDepth,
          fc.constantFrom<'array' | 'object' | 'mixed'>('array', 'object', 'mixed'),
          fc.boolean(),
        )
        .map(([depth, style, wrapped]): Body => ({ k: 'nested', depth, style, wrapped })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(99_000, 100_001, 1_000_000, 10_000_000),
          fc.constantFrom('x', 'ä', ' ', '[', '\\u'),
        )
        .map(([bytes, unit]): Body => ({ k: 'huge', bytes, unit })),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(operations, { minLength: 0, maxLength: 4 })
        .map((operations): Body => ({ k: 'batch', operations })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ k: 'empty' }) },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 64 })
        .map((bytes): Body => ({ k: 'gzip-garbage', bytes: [0x1f, 0x8b, 8, 0, ...bytes] })),
    },
  );

function bodyBytes(body: Body, context: FuzzContext): Buffer {
  switch (body.k) {
    case 'empty':
      return Buffer.alloc(0);
    case 'json':
      return Buffer.from(context.resolveRefs(JSON.stringify(body.value) ?? 'null'));
    case 'text':
      return Buffer.from(body.text);
    case 'bytes':
    case 'gzip-garbage':
      return Buffer.from(body.bytes);
    case 'nested': {
      const nested = nestedJsonText(body.depth, body.style);
      return Buffer.from(
        body.wrapped
          ? `{"query":"query ($v: String) { document(id: $v) { id } }","variables":{"v":${nested}}}`
          : nested,
      );
    }
    case 'huge':
      return Buffer.from(`{"query":"${repeatTo(body.unit, body.bytes)}"}`);
    case 'operation':
      return Buffer.from(operationBody(body.operation, context));
    case 'batch':
      return Buffer.from(
        `[${body.operations.map((operation) => operationBody(operation, context)).join(',')}]`,
      );
  }
}

function cookieHeader(cookie: Cookie, session: string | undefined): string | undefined {
  switch (cookie.k) {
    case 'none':
      return undefined;
    case 'session':
      return session;
    case 'raw':
      return cookie.value.replace(/[\r\n]/g, ' ');
    case 'session-and':
      return `${session ?? 'lip_session=x'}; lip_session=${cookie.value}`;
    case 'many':
      return Array.from({ length: cookie.count }, (_, index) => `c${index}=${index}`).join('; ');
    case 'huge':
      return `lip_session=${repeatTo('a', cookie.bytes)}`;
  }
}

function describeBody(body: Body): string {
  switch (body.k) {
    case 'operation':
      return describeOperation(body.operation);
    case 'batch':
      return `batch of ${body.operations.length}: ${body.operations.map(describeOperation).join(' | ')}`;
    case 'json':
      return `json ${JSON.stringify(body.value)}`;
    case 'text':
      return `text ${JSON.stringify(body.text)}`;
    case 'bytes':
    case 'gzip-garbage':
      return `${body.k} ${Buffer.from(body.bytes).toString('hex')}`;
    case 'nested':
      return `nested ${body.style} depth ${body.depth}${body.wrapped ? ' in variables' : ''}`;
    case 'huge':
      return `huge ${body.bytes} × ${JSON.stringify(body.unit)}`;
    case 'empty':
      return 'empty';
  }
}

/** Raw HTTP requests to the API: framing, headers, cookies and bodies before GraphQL. */
export const httpSurface: Surface<HttpCase> = {
  name: 'http',
  covers:
    'raw HTTP requests to the API: methods, targets (incl. broken percent-escapes and the web app), content types and charsets, headers (encodings, languages, lengths, floods), cookies (malformed, huge, many, broken sessions), bodies (random JSON, non-JSON, bytes, gzip garbage, 100 kB-10 MB, nested up to 100,000 levels, batches, schema-generated operations)',
  arbitrary(context) {
    const signedIn = bodies(operationsFor(context, 'admin'));
    const signedOut = bodies(operationsFor(context, 'anonymous'));
    return fc.constantFrom(...IDENTITIES).chain((identity) =>
      fc.record({
        identity: fc.constant(identity),
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant('POST') },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              'GET',
              'PUT',
              'OPTIONS',
              'HEAD',
              'DELETE',
              'PATCH',
              'TRACE',
              'FUZZ',
            ),
          },
        ),
        target: targets,
        contentType: contentTypes,
        cookie: cookies,
        headers: extraHeaders,
        body: identity === 'anonymous' ? signedOut : signedIn,
      }),
    );
  },
  async execute(testCase, context) {
    const body = bodyBytes(testCase.body, context);
    const cookie = cookieHeader(testCase.cookie, context.cookie(testCase.identity));
    const headers: RawHeader[] = [
      ...(testCase.contentType === null
        ? []
        : ([['Content-Type', testCase.contentType]] as RawHeader[])),
      ...(cookie === undefined ? [] : ([['Cookie', cookie]] as RawHeader[])),
      ...testCase.headers,
    ];
    const chunked = headers.some(
      ([name, value]) => /^transfer-encoding$/i.test(name) && /chunked/i.test(value),
    );
    // A declared chunked body is sent chunked (one chunk and the last one), so the case tests the
    // body, not a request left unfinished (which a server rightly waits for).
    const payload = chunked
      ? Buffer.concat([
          body.byteLength > 0
            ? Buffer.concat([
                Buffer.from(`${body.byteLength.toString(16)}\r\n`),
                body,
                Buffer.from('\r\n'),
              ])
            : Buffer.alloc(0),
          Buffer.from('0\r\n\r\n'),
        ])
      : body;
    const response = await sendRaw(
      context.product.apiUrl,
      (host) =>
        buildRequest({
          method: testCase.method,
          target: testCase.target,
          host,
          headers,
          body: payload,
        }),
      10_000,
    );
    return {
      statuses: [response.status],
      internalErrors: countInternalErrors(response.body),
      timedOut: response.timedOut,
      outcome: describeResponse(response),
    };
  },
  describe(testCase) {
    const cookie =
      testCase.cookie.k === 'raw'
        ? `cookie ${JSON.stringify(testCase.cookie.value.slice(0, 80))}`
        : `cookie ${testCase.cookie.k}`;
    const headers = testCase.headers
      .map(([name, value]) => `${name}: ${value.slice(0, 40)}`)
      .join('; ');
    return `as ${testCase.identity}: ${testCase.method} ${testCase.target.slice(0, 120)} content-type ${JSON.stringify(testCase.contentType)}, ${cookie}${headers ? `, ${headers}` : ''}, body ${describeBody(testCase.body)}`;
  },
  label: (testCase) => testCase.body.k,
};
