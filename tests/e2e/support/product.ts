import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The running product (API serving the built web app, collab server, embedded database). */
export interface RunningProduct {
  apiUrl: string;
  collabUrl: string;
  /** Everything the product printed so far (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
}

const READY = /LIP_READY api=(\S+) collab=(\S+)/;
const repoRoot = resolve(__dirname, '..', '..', '..');

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * Starts `npx tsx scripts/start.ts` on free ports with a fresh data folder (so it starts its own
 * FerretDB and seeds the demo workspace) and resolves once it prints `LIP_READY`. It builds
 * nothing: `npm test` builds `web/dist` before jest runs. `stop()` ends the whole process group.
 */
export async function startProduct(
  readyTimeoutMs = 100_000,
  env: Record<string, string> = {},
): Promise<RunningProduct> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-e2e-'));
  const child = spawn('npx', ['tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      COLLAB_PORT: '0',
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      // The demo admin and coordinator sign in with a password in most browser tests.
      SECOND_FACTOR_ROLES: 'none',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      if (!(await waitForExit(child, 10_000))) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
        await waitForExit(child, 5_000);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const match = await new Promise<RegExpExecArray>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`no LIP_READY within ${readyTimeoutMs} ms:\n${output}`)),
        readyTimeoutMs,
      );
      const check = () => {
        const found = READY.exec(output);
        if (found) {
          clearTimeout(timer);
          child.stdout?.off('data', check);
          done(found);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`start script exited with ${code}:\n${output}`));
      });
    });
    return { apiUrl: match[1]!, collabUrl: match[2]!, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
