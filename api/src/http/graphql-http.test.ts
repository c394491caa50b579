import { gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  // Development mode: the mode that used to add stack traces to error responses.
  t = await startTestApp(__filename, { env: { NODE_ENV: 'development' } });
});
afterAll(async () => {
  await t.close();
});

interface RawCase {
  name: string;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  method?: string;
  query?: string;
  codes: string[];
}

const json = (value: unknown) => JSON.stringify(value);
const op = (query: string) => json({ query });

/** Requests a stranger can send; none may get a 5xx or a stack trace. */
const MALFORMED: RawCase[] = [
  {
    name: 'a lone surrogate in the query',
    body: '{"query":"{ ping \\ud800 }"}',
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'a lone surrogate inside a string argument',
    body: '{"query":"{ invitation(token: \\"\\ud800abcdefghijk\\") { email } }"}',
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'more tokens than the limit',
    body: op(`{ ${'ping '.repeat(6000)}}`),
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'braces nested thousands deep',
    body: op('{'.repeat(5000) + '}'.repeat(5000)),
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'a list value nested thousands deep (parser stack overflow)',
    body: op(`{ ping(a: ${'['.repeat(2400)}${']'.repeat(2400)}) }`),
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'an object value nested thousands deep',
    body: op(`{ ping(a: ${'{a:'.repeat(1600)}1${'}'.repeat(1600)}) }`),
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  { name: 'a syntax error', body: op('{ ping '), codes: ['GRAPHQL_PARSE_FAILED'] },
  { name: 'a NUL character', body: op('{ ping \u0000 }'), codes: ['GRAPHQL_PARSE_FAILED'] },
  { name: 'malformed JSON', body: '{"query": ', codes: ['BAD_REQUEST'] },
  { name: 'JSON null', body: 'null', codes: ['BAD_REQUEST'] },
  { name: 'a JSON string', body: '"{ ping }"', codes: ['BAD_REQUEST'] },
  {
    name: 'a batch',
    body: json([{ query: '{ ping }' }, { query: '{ ping }' }]),
    codes: ['BAD_REQUEST'],
  },
  { name: 'an empty batch', body: '[]', codes: ['BAD_REQUEST'] },
  { name: 'a query that is a number', body: json({ query: 1 }), codes: ['BAD_REQUEST'] },
  {
    name: 'variables that are a list',
    body: json({ query: '{ ping }', variables: [] }),
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'text/plain',
    body: op('{ ping }'),
    headers: { 'content-type': 'text/plain' },
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'a form post',
    body: 'query=%7Bping%7D',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'an unsupported charset',
    body: op('{ ping }'),
    headers: { 'content-type': 'application/json; charset=bogus' },
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'a gzip body that is not gzip',
    body: 'not gzip at all',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'a gzip bomb beyond the body limit',
    body: new Uint8Array(
      gzipSync(json({ query: '{ ping }', variables: { pad: 'x'.repeat(5_000_000) } })),
    ),
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'an unknown content encoding',
    body: op('{ ping }'),
    headers: { 'content-type': 'application/json', 'content-encoding': 'bogus' },
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'a subscription over HTTP',
    body: op('subscription { ping }'),
    codes: ['BAD_REQUEST'],
  },
  {
    name: 'a persisted query',
    body: json({ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    codes: ['PERSISTED_QUERY_NOT_SUPPORTED'],
  },
  {
    name: 'a GET whose query does not percent-decode',
    method: 'GET',
    query: '?query=%E0%A4%A',
    headers: { 'apollo-require-preflight': '1' },
    codes: ['GRAPHQL_PARSE_FAILED'],
  },
  {
    name: 'a GET with a mutation',
    method: 'GET',
    query: '?query=mutation%7Bping%7D',
    headers: { 'apollo-require-preflight': '1' },
    codes: ['BAD_REQUEST'],
  },
  { name: 'a PUT', method: 'PUT', body: op('{ ping }'), codes: ['BAD_REQUEST'] },
  {
    name: 'two operations without a name',
    body: op('query a { ping } query b { ping }'),
    codes: ['OPERATION_RESOLUTION_FAILURE'],
  },
  {
    name: 'many aliases',
    body: op(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ping`).join(' ')} }`),
    codes: ['GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: 'a fragment cycle',
    body: op('{ ...a } fragment a on Query { ...b } fragment b on Query { ...a }'),
    codes: ['GRAPHQL_VALIDATION_FAILED'],
  },
  {
    name: 'an operator object in a variable',
    body: json({
      query: 'query ($id: ID!) { document(id: $id) { id } }',
      variables: { id: { $ne: null } },
    }),
    codes: ['BAD_USER_INPUT'],
  },
];

async function send(c: RawCase) {
  const res = await fetch(`${t.url}/graphql${c.query ?? ''}`, {
    method: c.method ?? 'POST',
    headers: c.headers ?? { 'content-type': 'application/json' },
    body: c.body,
  });
  const text = await res.text();
  let code: unknown;
  try {
    code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]
      ?.extensions?.code;
  } catch {
    code = `not JSON: ${text.slice(0, 80)}`;
  }
  return { status: res.status, text, code };
}

describe('the GraphQL HTTP edge', () => {
  it.each(MALFORMED.map((c) => [c.name, c] as const))(
    'answers %s with a 4xx, a stable code and no stack trace',
    async (_name, c) => {
      const { status, text, code } = await send(c);
      expect({ clientError: status >= 400 && status < 500, status, code }).toEqual({
        clientError: true,
        status,
        code: c.codes.includes(String(code)) ? code : c.codes,
      });
      expect(text).not.toMatch(/stacktrace|\n\s+at |node_modules/);
    },
  );

  it('treats an undecodable session cookie as signed out instead of failing the request', async () => {
    for (const cookie of ['lip_session=%E0%A4%A', 'lip_session=%', 'a=%ZZ; lip_session=%E0']) {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: op('{ ping viewer { id } }'),
      });
      expect([cookie, res.status, await res.json()]).toEqual([
        cookie,
        200,
        { data: { ping: true, viewer: null } },
      ]);
    }
  });

  it('keeps a valid session when another cookie of the header is malformed', async () => {
    const member = await t.signIn('bildung@lip.example');
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `other=%E0%A4%A; ${member.cookie}` },
      body: op('{ viewer { person { name } } }'),
    });
    expect(await res.json()).toEqual({ data: { viewer: { person: { name: 'Ayşe Demir' } } } });
  });

  it('answers a bad path of the web app with a 4xx, not a stack trace', async () => {
    const res = await fetch(`${t.url}/%E0%A4%A`);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).not.toMatch(/\n\s+at /);
  });
});
