import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../../jest/database';
import { createApp, type App } from './app';
import { loadConfig } from './config';

let app: App;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  const { uri, dbName } = testDatabase(__filename);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'lip-log-')),
    MONGODB_DB: dbName,
    LOG_LEVEL: 'info',
  });
  app = await createApp({ config, mongodbUri: uri, log: (line) => lines.push(line) });
  url = `http://127.0.0.1:${await app.start(0)}`;
});
afterAll(async () => {
  await app.deps.connection.dropDatabase();
  await app.stop();
});

function post(body: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

function logged(): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('errors at the HTTP edge', () => {
  it('keeps serving after a request whose handling throws, and logs it under the request id it answered with', async () => {
    const resolve = app.deps.sessions.resolve;
    app.deps.sessions.resolve = () => {
      throw new Error('simulated bug in session lookup');
    };
    let failed: Response;
    try {
      failed = await post(
        JSON.stringify({
          query: 'mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }',
          variables: { input: { email: 'admin@lip.example', password: 'Geheim-Passwort-42' } },
        }),
        { cookie: 'lip_session=cookie-value-that-must-not-be-logged' },
      );
    } finally {
      app.deps.sessions.resolve = resolve;
    }
    expect(failed.status).toBe(500);
    const requestId = failed.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const after = await post(JSON.stringify({ query: '{ viewer { id } }' }));
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({ data: { viewer: null } });

    const error = logged().find((entry) => entry.msg === 'graphql error');
    expect(error).toMatchObject({ level: 50, requestId });
    expect(JSON.stringify(error)).toContain('simulated bug in session lookup');
    const all = lines.join('\n');
    expect(all).not.toContain('cookie-value-that-must-not-be-logged');
    expect(all).not.toContain('Geheim-Passwort-42');
  });

  it('logs a request whose operationName is an object that cannot become text, and keeps serving', async () => {
    // Found by npm run fuzz: String() of this object throws, and it did so after the response,
    // in the access log, where the process guard ended the whole product.
    const res = await post('{"query":"{ ping }","operationName":{"toString":"x","valueOf":1}}');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const requestId = res.headers.get('x-request-id');
    const deadline = Date.now() + 5_000;
    while (!logged().some((entry) => entry.msg === 'request' && entry.requestId === requestId)) {
      if (Date.now() > deadline) throw new Error('no access line for the request');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const line = logged().find((entry) => entry.msg === 'request' && entry.requestId === requestId);
    expect(line).toMatchObject({ route: '/graphql', status: res.status });
    expect(line).not.toHaveProperty('operationName');
    expect((await post(JSON.stringify({ query: '{ ping }' }))).status).toBe(200);
  });

  it('writes one access line per request with the path only', async () => {
    const res = await post(
      JSON.stringify({ query: 'query Probe { viewer { id } }', operationName: 'Probe' }),
      {
        'x-request-id': 'proxy-4f2a9c81',
      },
    );
    expect(res.headers.get('x-request-id')).toBe('proxy-4f2a9c81');
    const access = logged().filter((e) => e.msg === 'request' && e.requestId === 'proxy-4f2a9c81');
    expect(access).toEqual([
      expect.objectContaining({
        method: 'POST',
        route: '/graphql',
        status: 200,
        operationName: 'Probe',
      }),
    ]);
    await fetch(`${url}/invitation/secret-invitation-token?x=1`);
    expect(lines.join('\n')).not.toContain('secret-invitation-token');
  });

  it('answers malformed JSON with 400 and an oversized body with 413, as JSON in the asked language', async () => {
    const malformed = await post('{"query": ', { 'accept-language': 'en' });
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    // In the asked language (English here), never a stack or the parser's own words.
    expect(body.errors[0]?.message).toMatch(/^The request/);
    const big = await post(
      JSON.stringify({ query: '{ viewer { id } }', pad: 'x'.repeat(200_000) }),
    );
    expect(big.status).toBe(413);
    const bigBody = (await big.json()) as {
      errors: { extensions: { code: string; detail: string } }[];
    };
    expect(bigBody.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    expect(bigBody.errors[0]?.extensions.detail).toMatch(/larger than/);
    expect((await post(JSON.stringify({ query: '{ viewer { id } }' }))).status).toBe(200);
  });
});
