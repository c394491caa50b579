import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readOrCreateSharedSecrets } from '@lip/common/server';
import { findFreePort, repoRoot, resolveEngine } from '@lip/engine';
import { loadClusterConfig, type ClusterConfig } from './cluster/cluster.config';
import { toHaproxyConfig } from './cluster/haproxy-config';

/**
 * `npm run start:cluster`: the scaled-out topology on one machine, for trying it and for the
 * failover tests: three collab processes and two API processes (each `main.ts` in its own
 * process, as in production), Redis, HAProxy in front (least connections for the API, the
 * document path hashed consistently for collab) and one database (the embedded engine under
 * DATA_DIR, or MONGODB_URI). It supervises the processes like systemd would: one that dies is
 * started again on its port after CLUSTER_RESTART_DELAY_MS. Prints `LIP_CLUSTER_READY api=…
 * collab=…` once everything answers, and one `LIP_CLUSTER_PROCESS` line per (re)start.
 */
async function main(): Promise<void> {
  const config = loadClusterConfig();
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const children = new Set<ChildProcess>();
  let stopping = false;
  const cleanups: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    await Promise.all([...children].map(exited));
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  const onSignal = () => void stopAll().then(() => process.exit(0));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    await startAll(config, dataDir, children, cleanups, () => stopping);
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startAll(
  config: ClusterConfig,
  dataDir: string,
  children: Set<ChildProcess>,
  cleanups: (() => Promise<void>)[],
  isStopping: () => boolean,
): Promise<void> {
  const engine = await resolveEngine({
    mongodbUri: config.MONGODB_URI,
    dataDir,
    log: (line) => console.log(`[engine] ${line}`),
  });
  cleanups.push(() => engine.stop());
  const secrets = readOrCreateSharedSecrets(dataDir);
  const redisUrl = config.REDIS_URL ?? (await startRedis(children, isStopping));

  const free = async (wanted: number) => (wanted === 0 ? findFreePort() : wanted);
  const apiFront = await free(config.PORT);
  const collabFront = await free(config.COLLAB_PORT);
  const collabInternalFront = await findFreePort();
  const shared = {
    ...process.env,
    MONGODB_URI: engine.uri,
    MONGODB_DB: config.MONGODB_DB,
    DATA_DIR: dataDir,
    COLLAB_SECRET: secrets.collabSecret,
    SESSION_SECRET: secrets.sessionSecret,
    REDIS_URL: redisUrl,
    LOG_LEVEL: config.LOG_LEVEL,
  };

  const collabs = [];
  for (let i = 0; i < config.CLUSTER_COLLAB_PROCESSES; i += 1) {
    collabs.push({
      name: `collab-${i}`,
      port: await findFreePort(),
      internalPort: await findFreePort(),
    });
  }
  const apis = [];
  for (let i = 0; i < config.CLUSTER_API_PROCESSES; i += 1) {
    apis.push({ name: `api-${i}`, port: await findFreePort() });
  }

  const supervise = (
    name: string,
    entry: string,
    env: Record<string, string | undefined>,
    port: number,
  ) => {
    const start = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', entry], {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.add(child);
      console.log(`LIP_CLUSTER_PROCESS name=${name} pid=${child.pid} port=${port}`);
      child.once('exit', (code, signal) => {
        children.delete(child);
        if (isStopping()) return;
        console.log(`[cluster] ${name} exited (${signal ?? code}); restarting`);
        setTimeout(() => {
          if (!isStopping()) start();
        }, config.CLUSTER_RESTART_DELAY_MS);
      });
    };
    start();
    return waitForHealth(port);
  };

  await Promise.all(
    collabs.map((c) =>
      supervise(
        c.name,
        'collab-server/src/main.ts',
        {
          ...shared,
          COLLAB_PORT: String(c.port),
          COLLAB_HOST: '127.0.0.1',
          COLLAB_INTERNAL_PORT: String(c.internalPort),
        },
        c.port,
      ),
    ),
  );
  const apiEnv = (port: number, seed: boolean) => ({
    ...shared,
    PORT: String(port),
    HOST: '127.0.0.1',
    COLLAB_PUBLIC_URL: `ws://${config.HOST}:${collabFront}`,
    COLLAB_INTERNAL_URL: `http://127.0.0.1:${collabInternalFront}`,
    // The first API process seeds an empty database; the others start after it, so two never race.
    ...(seed ? {} : { SEED_DEMO: 'false' }),
    TRUST_PROXY: 'loopback',
  });
  for (const [index, api] of apis.entries()) {
    await supervise(api.name, 'api/src/main.ts', apiEnv(api.port, index === 0), api.port);
  }

  const haproxyFile = join(dataDir, 'haproxy.cfg');
  writeFileSync(
    haproxyFile,
    toHaproxyConfig({
      host: config.HOST,
      apiPort: apiFront,
      collabPort: collabFront,
      collabInternalPort: collabInternalFront,
      apis,
      collabs,
    }),
  );
  const haproxy = spawn('/usr/sbin/haproxy', ['-db', '-f', haproxyFile], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(haproxy);
  haproxy.once('exit', (code) => {
    children.delete(haproxy);
    if (!isStopping()) {
      console.error(`[cluster] haproxy exited (${code}); stopping`);
      process.kill(process.pid, 'SIGTERM');
    }
  });
  await waitForHealth(apiFront);
  await waitForHealth(collabFront);
  console.log(
    `LIP_CLUSTER_READY api=http://${config.HOST}:${apiFront} collab=ws://${config.HOST}:${collabFront}`,
  );
  console.log(
    `LIP-Werkstatt (cluster: ${collabs.length} collab, ${apis.length} API, Redis ${redisUrl}, HAProxy) at http://${config.HOST}:${apiFront}`,
  );
}

/** Starts Debian's redis-server on a free loopback port (no persistence: it holds no records). */
async function startRedis(children: Set<ChildProcess>, stopping: () => boolean): Promise<string> {
  const port = await findFreePort();
  const redis = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  children.add(redis);
  redis.once('exit', () => {
    children.delete(redis);
    if (!stopping())
      console.error('[cluster] redis-server exited; processes work alone until it is back');
  });
  await waitForPort(port);
  return `redis://127.0.0.1:${port}`;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const { connect } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function waitForHealth(port: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`port ${port} did not become healthy`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `start:cluster failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
