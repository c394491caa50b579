import { errorCode, startTestApp, type TestApp } from './testing/test-app';
import { loadConfig, ConfigError } from './config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './app';
import { readCookie } from './http/cookies';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp(__filename);
});
afterAll(async () => {
  await t.close();
});

describe('the HTTP edge', () => {
  it('reports the database in /healthz', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('rejects request bodies over the size limit', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }', variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('rejects queries nested deeper than the limit', async () => {
    const member = await t.signIn('bildung@lip.example');
    // 16 levels: actionField -> group -> actionField -> ... beyond the limit of 12.
    let selection = 'key';
    for (let i = 0; i < 7; i += 1) selection = `actionField { group { ${selection} } }`;
    const deep = `{ dashboard { actionFields { actionField { ${selection} } } } }`;
    const result = await member.gql(deep);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'depth',
    });
    expect(result.data ?? null).toBeNull();
  });

  it('never passes an operator object from the client into a filter', async () => {
    const result = await t
      .anonymous()
      .gql('mutation ($input: SignInInput!) { signIn(input: $input) { viewer { id } } }', {
        input: { email: { $ne: null }, password: { $ne: null } },
      });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});

describe('errors in production', () => {
  it('reports an unexpected failure without its message or stack', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lip-prod-'));
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      MONGODB_DB: `${t.app.deps.config.dbName}_prod`,
    });
    const logged: string[] = [];
    const prod = await createApp({
      config,
      mongodbUri: process.env.LIP_TEST_MONGODB_URI ?? '',
      log: (line) => logged.push(line),
    });
    const port = await prod.start(0);
    try {
      await prod.deps.connection.close();
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ invitation(token: "abcdefghijklmnopqrstuvwxyz") { email } }',
        }),
      });
      const body = (await res.json()) as {
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.errors[0]?.message).toBe('Internal server error');
      expect(body.errors[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(logged.join('\n')).toMatch(/graphql error/);
    } finally {
      await prod.stop().catch(() => undefined);
    }
  });
});

describe('serving the web app', () => {
  it('serves web/dist files and falls back to index.html for app routes, not for the API', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'lip-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>LIP</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dist,
      MONGODB_DB: `${t.app.deps.config.dbName}_web`,
    });
    const web = await createApp({
      config,
      mongodbUri: process.env.LIP_TEST_MONGODB_URI ?? '',
      webDistDir: dist,
      log: () => undefined,
    });
    const port = await web.start(0);
    try {
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/app.js`)).text()).toBe('console.log(1)');
      expect(await (await fetch(`${base}/action-fields/education`)).text()).toContain(
        '<title>LIP</title>',
      );
      expect((await (await fetch(`${base}/healthz`)).json()).status).toBe('ok');
    } finally {
      await web.deps.connection.dropDatabase();
      await web.stop();
    }
  });
});

describe('configuration', () => {
  it('names every wrong variable in one clear message', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', COLLAB_SECRET: 'short' }),
    ).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', COLLAB_SECRET: 'short' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain(
        'MONGODB_URI: must be a mongodb:// or mongodb+srv:// connection string',
      );
      expect(message).toContain('COLLAB_SECRET: must be at least 32 characters');
    }
  });

  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      collabPort: 1234,
      collabInternalPort: 1235,
      collabInternalHost: '127.0.0.1',
      dbName: 'lip',
      env: 'development',
    });
  });

  it('works alone without REDIS_URL and names a Redis address of the wrong scheme', () => {
    expect(loadConfig({})).toMatchObject({ redisUrl: undefined, redisPrefix: 'lip:' });
    expect(loadConfig({ REDIS_URL: 'redis://10.0.0.5:6379' }).redisUrl).toBe(
      'redis://10.0.0.5:6379',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://10.0.0.5:6379' })).toThrow(
      /REDIS_URL: must start with redis:\/\/ or rediss:\/\//,
    );
  });

  it('puts the collab internal listener next to the collab port unless configured', () => {
    expect(loadConfig({ COLLAB_PORT: '2000' }).collabInternalPort).toBe(2001);
    expect(loadConfig({ COLLAB_PORT: '0' }).collabInternalPort).toBe(0);
    expect(loadConfig({ COLLAB_INTERNAL_PORT: '9999' }).collabInternalPort).toBe(9999);
  });

  it('marks cookies Secure in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({}).cookieSecure).toBe(false);
  });

  it('reads the session cookie from a Cookie header', () => {
    expect(readCookie('a=1; lip_session=abc%3D; b=2', 'lip_session')).toBe('abc=');
    expect(readCookie(undefined, 'lip_session')).toBeUndefined();
  });
});
