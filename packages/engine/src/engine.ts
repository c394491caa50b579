import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { delimiter, join } from 'node:path';

/** Which engine backs the database for this process. */
export type EngineKind = 'uri' | 'mongod' | 'ferretdb' | 'memory-server';

/** A running (or external) MongoDB-compatible database. `stop` ends a child process we started. */
export interface Engine {
  kind: EngineKind;
  /** Connection string without a database name; callers pick the database. */
  uri: string;
  /** Human-readable one-liner for start-up logs (never contains credentials). */
  description: string;
  stop(): Promise<void>;
}

/** Inputs for {@link resolveEngine}; all read from config by the caller, never from process.env here. */
export interface EngineOptions {
  /** `MONGODB_URI`: when set, it is used as is and nothing is started. */
  mongodbUri?: string | undefined;
  /** Folder for embedded data (`DATA_DIR`); the engine stores under `<dataDir>/db`. */
  dataDir: string;
  /** Keep the embedded engine in memory (tests). */
  inMemory?: boolean;
  /** Path of the FerretDB binary; defaults to `<repo>/.tools/bin/ferretdb`. */
  ferretdbBin?: string;
  /** Directories searched for `mongod`; defaults to the PATH entries. */
  searchPath?: string[];
  /** Milliseconds to wait for a started engine to accept connections. */
  startTimeoutMs?: number;
  log?: (line: string) => void;
}

/** Raised when no engine can be found or started; the message says what to install. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
}

/** The repository root, where `.tools/bin/ferretdb` is built by `npm run setup`. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** Default location of the FerretDB binary built by `npm run setup`. */
export const defaultFerretdbBin = join(repoRoot, '.tools', 'bin', 'ferretdb');

/**
 * Resolves the database engine in a fixed order: `MONGODB_URI`, a `mongod` on PATH, the embedded
 * FerretDB (SQLite backend), mongodb-memory-server where it is installed and can download; else it
 * throws {@link EngineUnavailableError}. Started engines listen on 127.0.0.1 on a free port.
 */
export async function resolveEngine(options: EngineOptions): Promise<Engine> {
  const log = options.log ?? (() => undefined);
  if (options.mongodbUri) {
    return {
      kind: 'uri',
      uri: options.mongodbUri,
      description: `MONGODB_URI (${redactUri(options.mongodbUri)})`,
      stop: async () => undefined,
    };
  }
  const mongod = findOnPath('mongod', options.searchPath);
  if (mongod) return startMongod(mongod, options, log);

  const ferretdb = options.ferretdbBin ?? defaultFerretdbBin;
  if (existsSync(ferretdb)) return startFerretdb(ferretdb, options, log);

  const memory = await tryMemoryServer(log);
  if (memory) return memory;

  throw new EngineUnavailableError(
    'No database engine found. Set MONGODB_URI to a MongoDB 7+ (or FerretDB) server, ' +
      'put mongod on PATH, or run `npm run setup` to build the embedded FerretDB engine ' +
      '(needs Go from https://go.dev or your package manager).',
  );
}

/** Hides the password of a connection string for logs. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@');
}

function findOnPath(binary: string, searchPath?: string[]): string | undefined {
  const dirs = searchPath ?? (process.env.PATH ?? '').split(delimiter);
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = join(dir, binary);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

async function startMongod(
  bin: string,
  options: EngineOptions,
  log: (line: string) => void,
): Promise<Engine> {
  const port = await findFreePort();
  const dbPath = join(options.dataDir, 'db', 'mongod');
  mkdirSync(dbPath, { recursive: true });
  const child = spawn(bin, ['--bind_ip', '127.0.0.1', '--port', String(port), '--dbpath', dbPath], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return supervise('mongod', child, port, options, log, `mongod on 127.0.0.1:${port} (${dbPath})`);
}

async function startFerretdb(
  bin: string,
  options: EngineOptions,
  log: (line: string) => void,
): Promise<Engine> {
  const port = await findFreePort();
  const dir = join(options.dataDir, 'db', 'ferretdb');
  mkdirSync(dir, { recursive: true });
  const sqliteUrl = options.inMemory ? `file:${dir}/?mode=memory` : `file:${dir}/`;
  const child = spawn(
    bin,
    [
      '--handler=sqlite',
      `--sqlite-url=${sqliteUrl}`,
      `--listen-addr=127.0.0.1:${port}`,
      `--state-dir=${dir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const where = options.inMemory ? 'in memory' : dir;
  return supervise(
    'ferretdb',
    child,
    port,
    options,
    log,
    `FerretDB 1.24 (SQLite) on 127.0.0.1:${port} (${where})`,
  );
}

async function supervise(
  kind: 'mongod' | 'ferretdb',
  child: ChildProcess,
  port: number,
  options: EngineOptions,
  log: (line: string) => void,
  description: string,
): Promise<Engine> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  // The child must not outlive us, even when the parent exits without calling stop().
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  while (!(await canConnect(port))) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      process.removeListener('exit', killOnExit);
      throw new EngineUnavailableError(
        `${kind} did not start on port ${port}: ${stderr.trim() || 'no output'}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  log(`database: ${description}`);
  return {
    kind,
    uri: `mongodb://127.0.0.1:${port}/`,
    description,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (exited) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    },
  };
}

async function tryMemoryServer(log: (line: string) => void): Promise<Engine | undefined> {
  try {
    // Optional: only present where someone installed it and its binary download works.
    const moduleName = 'mongodb-memory-server';
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional dependency, resolved at run time
    const { MongoMemoryServer } = require(moduleName) as {
      MongoMemoryServer: {
        create(): Promise<{ getUri(): string; stop(): Promise<boolean> }>;
      };
    };
    const server = await MongoMemoryServer.create();
    log('database: mongodb-memory-server');
    return {
      kind: 'memory-server',
      uri: server.getUri(),
      description: 'mongodb-memory-server',
      stop: async () => {
        await server.stop();
      },
    };
  } catch {
    return undefined;
  }
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
