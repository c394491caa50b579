import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CollabCloseCode } from '@lip/common';
import { WebSocket } from 'ws';

const root = join(__dirname, '..');
const READY =
  /^LIP_READY api=(http:\/\/127\.0\.0\.1:\d+) collab=(ws:\/\/127\.0\.0\.1:\d+)(?: web=(\S+))?$/m;

interface Started {
  child: ChildProcess;
  api: string;
  collab: string;
  web: string | undefined;
  output: () => string;
}

/** The variables a developer's shell might carry that would change what these tests see. */
const CLEARED = [
  'NODE_ENV',
  'MONGODB_URI',
  'SESSION_SECRET',
  'COLLAB_SECRET',
  'PUBLIC_URL',
  'COLLAB_PUBLIC_URL',
  'COLLAB_INTERNAL_URL',
  'SEED_DEMO',
  'HOST',
  'COLLAB_HOST',
  'LOG_LEVEL',
];

function environment(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete env[name];
  // The demo admin and coordinator sign in with a password here, without a second factor.
  return { ...env, SECOND_FACTOR_ROLES: 'none', ...overrides };
}

function spawnStart(env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    cwd: root,
    env: environment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts `scripts/start.ts` like the e2e harness does and waits for the LIP_READY line. */
function start(env: Record<string, string>, args: string[] = []): Promise<Started> {
  const child = spawnStart(env, args);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no LIP_READY within 90 s:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ child, api: match[1], collab: match[2], web: match[3], output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`start.ts exited with ${code}:\n${output}`));
    });
  });
}

/** Runs `scripts/start.ts` to its end (a refused start) and returns its exit code and output. */
function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawnStart(env);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null) {
      resolve(child.exitCode);
      return;
    }
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function gql(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
): Promise<{ body: { data?: Record<string, never>; errors?: unknown[] }; cookie?: string }> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const setCookie = res.headers.get('set-cookie')?.split(';')[0];
  return {
    body: (await res.json()) as { data?: Record<string, never> },
    ...(setCookie ? { cookie: setCookie } : {}),
  };
}

async function signIn(base: string): Promise<{ name: string | undefined; cookie?: string }> {
  const { body, cookie } = await gql(
    base,
    'mutation { signIn(input: { email: "admin@lip.example", password: "Hannover-LIP-demo" }) { viewer { person { name } } } }',
  );
  const data = body.data as { signIn?: { viewer: { person: { name: string } } } } | undefined;
  return { name: data?.signIn?.viewer.person.name, ...(cookie ? { cookie } : {}) };
}

const dataDirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lip-start-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('seeds an empty database, prints LIP_READY, stops on SIGTERM and keeps the data for the next start', async () => {
    const dataDir = freshDataDir();
    const env = { PORT: '0', COLLAB_PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'test' };
    const first = await start(env);
    expect(first.output()).toContain('seeded the demo workspace');
    expect((await signIn(first.api)).name).toBe('Miriam Schulte');
    expect((await (await fetch(`${first.api}/healthz`)).json()).database).toBe('ok');
    // The sign-in hint follows the LIP_READY line.
    expect(first.output()).toContain('Password for all demo accounts: Hannover-LIP-demo');
    expect(await stop(first.child)).toBe(0);

    const second = await start(env);
    try {
      expect(second.output()).not.toContain('seeded the demo workspace');
      expect((await signIn(second.api)).name).toBe('Miriam Schulte');
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 150_000);

  it('honours PORT, COLLAB_PORT and the COLLAB_* limits, and stops its database engine on SIGTERM', async () => {
    const [port, collabPort] = [await freePort(), await freePort()];
    // Development mode (no NODE_ENV), as `npm start` runs on a fresh machine.
    const product = await start({
      PORT: String(port),
      COLLAB_PORT: String(collabPort),
      DATA_DIR: freshDataDir(),
      COLLAB_MAX_MESSAGE_BYTES: '4000',
    });
    let stopped = false;
    try {
      expect(product.api).toBe(`http://127.0.0.1:${port}`);
      expect(product.collab).toBe(`ws://127.0.0.1:${collabPort}`);
      // The collab server logs through the product's logger.
      expect(product.output()).toMatch(/"component":"collab".*"msg":"collab server listening"/);

      const { cookie } = await signIn(product.api);
      const docs = await gql(product.api, '{ documents { id title } }', {}, cookie);
      const documentId = (docs.body.data as { documents: { id: string }[] } | undefined)
        ?.documents[0]?.id;
      expect(documentId).toBeDefined();
      const ticket = await gql(
        product.api,
        'mutation ($id: ID!) { collabTicket(documentId: $id) { ticket url } }',
        { id: documentId },
        cookie,
      );
      expect(ticket.body.errors).toBeUndefined();
      const { ticket: value, url } = (
        ticket.body.data as { collabTicket: { ticket: string; url: string } } | undefined
      )?.collabTicket ?? { ticket: '', url: '' };
      expect(url).toBe(`ws://127.0.0.1:${collabPort}`);

      // A 5,000-byte frame is over COLLAB_MAX_MESSAGE_BYTES=4000 (the default is 2 MiB).
      const socket = new WebSocket(`${url}/doc.${documentId}?ticket=${encodeURIComponent(value)}`);
      const closeCode = await new Promise<number>((resolve, reject) => {
        socket.once('open', () => socket.send(Buffer.alloc(5000, 1)));
        socket.once('close', (code) => resolve(code));
        socket.once('error', reject);
      });
      expect(closeCode).toBe(CollabCloseCode.MessageTooBig);

      // Versions go through the collab server's internal endpoint, found without COLLAB_INTERNAL_URL.
      const version = await gql(
        product.api,
        'mutation ($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { version { label } } }',
        { input: { documentId, label: 'Stand vor der Sitzung' } },
        cookie,
      );
      expect(version.body.errors).toBeUndefined();

      const enginePort = Number(/127\.0\.0\.1:(\d+) \(/.exec(product.output())?.[1]);
      expect(await acceptsConnections(enginePort)).toBe(true);
      expect(await stop(product.child)).toBe(0);
      stopped = true;
      expect(await acceptsConnections(enginePort)).toBe(false);
      expect(product.output()).toContain('"msg":"shutting down"');
    } finally {
      if (!stopped) await stop(product.child);
    }
  }, 150_000);

  it('stops with a message naming a COLLAB_* variable with a wrong value', async () => {
    const { code, stderr } = await runToExit({
      DATA_DIR: freshDataDir(),
      COLLAB_MAX_MESSAGE_BYTES: 'lots',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/COLLAB_MAX_MESSAGE_BYTES: /);
  }, 60_000);

  it('refuses to start in production without secrets, a database URI and https addresses, and writes nothing', async () => {
    const dataDir = freshDataDir();
    const { code, stderr } = await runToExit({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr).toContain('Refusing to start with NODE_ENV=production');
    for (const name of [
      'SESSION_SECRET',
      'COLLAB_SECRET',
      'MONGODB_URI',
      'PUBLIC_URL',
      'COLLAB_PUBLIC_URL',
    ]) {
      expect(stderr).toContain(`  ${name}: `);
    }
    // No generated secrets file, no embedded database.
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  }, 60_000);

  it('runs `npm run dev` as the Vite dev server with hot reload, proxying /graphql to the API', async () => {
    const product = await start({ PORT: '0', COLLAB_PORT: '0', DATA_DIR: freshDataDir() }, [
      '--dev',
    ]);
    try {
      expect(product.web).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const web = (product.web ?? '').replace(/\/$/, '');
      const page = await (await fetch(`${web}/`)).text();
      expect(page).toContain('/@vite/client');
      expect((await signIn(web)).name).toBe('Miriam Schulte');
      expect(product.output()).toContain('(Vite dev server with hot reload)');
    } finally {
      expect(await stop(product.child)).toBe(0);
    }
  }, 150_000);
});
