import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { defaultFerretdbBin, findFreePort, resolveEngine } from '@lip/engine';
import { createApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { createLoaders } from '../../api/src/loaders';
import { addBulkData } from '../../api/src/modules/dashboard/bulk-data';
import { loadDashboard } from '../../api/src/modules/dashboard/dashboard.service';
import type { PersonDoc } from '../../api/src/modules/person/person.model';
import { seedDemoWorkspace } from '../../api/src/modules/seed/seed';
import { toActor } from '../../api/src/scope';

/**
 * `npm run bench:api -- --engines`: the same API work on FerretDB 1.24 over SQLite (the
 * embedded engine) and over PostgreSQL 15 (Debian's, a private cluster started here): seeding
 * (many small inserts and updates), the dashboard read through a bare HTTP handler, median of
 * alternating runs. Writes the `## API: database engines` section.
 */
const PG_BIN = '/usr/lib/postgresql/15/bin';
const ROUNDS = 5;
const DURATION_S = 5;

interface Engine {
  label: string;
  uri: string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** A private PostgreSQL cluster (run as the `postgres` user) with FerretDB in front. */
async function startFerretOnPostgres(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'lip-bench-pg-'));
  const pgData = join(dir, 'pg');
  mkdirSync(pgData);
  // PostgreSQL refuses to run as root: run its programs as the `postgres` user then.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const command = (bin: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]]
      : [join(PG_BIN, bin), args];
  execFileSync(
    ...command('initdb', [
      '-D',
      pgData,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-locale',
      '-E',
      'UTF8',
    ]),
    { stdio: 'ignore' },
  );
  const pgPort = await findFreePort();
  const postgres = spawn(
    ...command('postgres', ['-D', pgData, '-p', String(pgPort), '-h', '127.0.0.1', '-k', dir]),
    { stdio: 'ignore' },
  );
  await waitUntil(() => {
    try {
      execFileSync(join(PG_BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(pgPort)], {
        stdio: 'ignore',
      });
      return true;
    } catch {
      return false;
    }
  }, 'PostgreSQL ready');
  execFileSync(join(PG_BIN, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(pgPort),
    '-U',
    'postgres',
    'ferretdb',
  ]);
  const ferretPort = await findFreePort();
  const stateDir = join(dir, 'ferretdb');
  mkdirSync(stateDir);
  const ferret = spawn(
    defaultFerretdbBin,
    [
      '--handler=postgresql',
      `--postgresql-url=postgres://postgres@127.0.0.1:${pgPort}/ferretdb`,
      `--listen-addr=127.0.0.1:${ferretPort}`,
      `--state-dir=${stateDir}`,
      '--debug-addr=-',
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: 'ignore' },
  );
  const { connect } = await import('node:net');
  let open = false;
  await waitUntil(() => {
    const socket = connect(ferretPort, '127.0.0.1');
    socket.once('connect', () => {
      open = true;
      socket.destroy();
    });
    socket.once('error', () => socket.destroy());
    return open;
  }, 'FerretDB on PostgreSQL ready');
  return {
    label: 'FerretDB 1.24 on PostgreSQL 15',
    uri: `mongodb://127.0.0.1:${ferretPort}/`,
    async stop() {
      ferret.kill('SIGTERM');
      await exited(ferret);
      // Through pg_ctl: `runuser` does not pass a signal on to PostgreSQL.
      execFileSync(...command('pg_ctl', ['-D', pgData, '-m', 'fast', 'stop']), { stdio: 'ignore' });
      await exited(postgres);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function measure(engine: Engine, dataDir: string) {
  const config = loadConfig({
    NODE_ENV: 'production',
    SECOND_FACTOR_ROLES: 'none',
    DATA_DIR: dataDir,
    MONGODB_DB: 'bench_engines',
  });
  const app = await createApp({ config, mongodbUri: engine.uri, log: () => undefined });
  await app.deps.connection.dropDatabase();
  await Promise.all(Object.values(app.deps.models).map((model) => model.init()));
  const seedStarted = performance.now();
  await seedDemoWorkspace(app.deps.models);
  await addBulkData(app.deps.models, 20);
  const seedMs = performance.now() - seedStarted;
  const person = await app.deps.models.Person.findOne({
    email: 'koordination@lip.example',
  }).lean<PersonDoc>();
  if (!person) throw new Error('seed missing');
  const scope = {
    ...app.deps,
    viewer: { person, sessionId: 'bench', actor: toActor(person) },
    locale: 'de' as const,
    loaders: createLoaders(app.deps.models),
    clientAddress: '127.0.0.1',
  };
  const server = createServer((_req, res) => {
    loadDashboard({ ...scope, loaders: createLoaders(app.deps.models) }).then(
      (body) => res.end(JSON.stringify(body)),
      () => {
        res.statusCode = 500;
        res.end();
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return {
    seedMs,
    async rate(): Promise<number> {
      const result = await autocannon({ url, connections: 2, duration: DURATION_S, timeout: 60 });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`errors on ${engine.label}`);
      return result.requests.total / DURATION_S;
    },
    async stop() {
      server.close();
      await app.deps.connection.dropDatabase();
      await app.stop();
    },
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Runs the comparison; returns the section body. */
export async function compareEngines(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-bench-engines-'));
  const sqlite = await resolveEngine({ dataDir, searchPath: [] });
  const engines: Engine[] = [
    { label: 'FerretDB 1.24 on SQLite (embedded)', uri: sqlite.uri, stop: () => sqlite.stop() },
    await startFerretOnPostgres(),
  ];
  const rows: string[] = [];
  try {
    const runs = [];
    for (const engine of engines) runs.push({ engine, bench: await measure(engine, dataDir) });
    const rates = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const { engine, bench } of runs) {
        const rate = await bench.rate();
        rates.set(engine.label, [...(rates.get(engine.label) ?? []), rate]);
        console.log(`round ${round + 1}: ${engine.label} ${rate.toFixed(1)} req/s`);
      }
    }
    const base = median(rates.get(engines[0]!.label) ?? []);
    for (const { engine, bench } of runs) {
      const rate = median(rates.get(engine.label) ?? []);
      rows.push(
        `| ${engine.label} | ${(bench.seedMs / 1000).toFixed(1)} | ${rate.toFixed(1)} | ${(rate / base).toFixed(2)}× |`,
      );
      await bench.stop();
    }
  } finally {
    for (const engine of engines) await engine.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return [
    `Measured by \`npm run bench:api -- --engines\` (\`scripts/bench/api-engines.ts\`) on ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; PostgreSQL 15 from Debian, a private cluster with default settings on the same machine and disk.`,
    '',
    `Seeding: the demo workspace plus 20 extra members per group (many small inserts and updates), one run. Dashboard: the dashboard service behind a bare HTTP handler, 2 connections, ${DURATION_S} s per run, median of ${ROUNDS} alternating runs.`,
    '',
    '| engine | seeding s | dashboard requests/s | vs SQLite |',
    '|---|---|---|---|',
    ...rows,
    '',
    `1-minute load average at the end: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores (the machine is shared; absolute rates are low under that load, the ratio is the number to read).`,
    '',
  ].join('\n');
}
