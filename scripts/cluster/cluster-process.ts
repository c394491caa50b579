import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The topology of `npm run start:cluster`, running. */
export interface RunningCluster {
  apiUrl: string;
  /** HAProxy's collab port. */
  collabPort: number;
  /** The live process of each name (`collab-0` …), updated when the supervisor restarts one. */
  processes: () => Map<string, { pid: number; port: number }>;
  output: () => string;
  stop: () => Promise<void>;
}

const repoRoot = resolve(__dirname, '..', '..');
const READY = /LIP_CLUSTER_READY api=(\S+) collab=ws:\/\/[^:]+:(\d+)/;
const PROCESS = /LIP_CLUSTER_PROCESS name=(\S+) pid=(\d+) port=(\d+)/g;

/**
 * Starts `scripts/start-cluster.ts` (3 collab, 2 API, Redis, HAProxy) on free ports against the
 * given database, with `collabSecret` as the shared secret so tests can sign their own tickets.
 */
export async function startCluster(options: {
  mongodbUri: string;
  dbName: string;
  collabSecret: string;
  readyTimeoutMs?: number;
  /** More environment for every process (e.g. `COLLAB_HANDOVER_MS`). */
  env?: Record<string, string>;
}): Promise<RunningCluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-cluster-'));
  writeFileSync(
    join(dataDir, 'secrets.json'),
    JSON.stringify({
      collabSecret: options.collabSecret,
      sessionSecret: 'cluster-test-session-secret-0123456789abcdef0123',
    }),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-cluster.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      COLLAB_PORT: '0',
      DATA_DIR: dataDir,
      MONGODB_URI: options.mongodbUri,
      MONGODB_DB: options.dbName,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      COLLAB_STORE_BATCH_MS: '50',
      CLUSTER_RESTART_DELAY_MS: '500',
      ...options.env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    const match = READY.exec(output);
    if (match) {
      return {
        apiUrl: match[1]!,
        collabPort: Number(match[2]),
        processes: () => {
          const live = new Map<string, { pid: number; port: number }>();
          for (const found of output.matchAll(PROCESS)) {
            live.set(found[1]!, { pid: Number(found[2]), port: Number(found[3]) });
          }
          return live;
        },
        output: () => output,
        stop,
      };
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the cluster did not start:\n${output}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
