import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UNHANDLED_MARKER, type ProbeReply, type ProbeRequest } from './probe-protocol';

const READY = /LIP_READY api=(\S+) collab=(\S+)/;
const repoRoot = resolve(__dirname, '..', '..');
const probePath = join(__dirname, 'probe.ts');
/** How much of the product's output is kept for failure messages. */
const KEPT_OUTPUT_CHARS = 200_000;
/**
 * A log line of a process-level handler the product may install itself (pino writes
 * `"msg":"unhandled promise rejection …"`). The probe's own marker is counted apart: one
 * rejection may show up in both, so the larger of the two counts is the number of rejections.
 */
const PRODUCT_UNHANDLED_LINE = /unhandled[ _-]?(promise[ _-]?)?rejection/i;
/** A pino line (both servers log JSON lines) and its numeric level. */
const PINO_LEVEL = /^\{.*?"level":(\d+)/;
/** Pino's `error` level; `fatal` is 60. */
const PINO_ERROR_LEVEL = 50;

/** Whether a line of the product's output is a pino entry at level error or fatal. */
export function isErrorLogLine(line: string): boolean {
  const level = PINO_LEVEL.exec(line)?.[1];
  return level !== undefined && Number(level) >= PINO_ERROR_LEVEL;
}

/** Memory of the product process, in bytes, after a full garbage collection. */
export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

/** Health of both servers at one moment. */
export interface Health {
  alive: boolean;
  api: boolean;
  collab: boolean;
}

/**
 * The product under fuzzing: `scripts/start.ts` (API and collab server in one process, as
 * `npm start` runs it) in a child process on free ports and a scratch data folder, with the
 * probe preloaded. A crash is the child exiting; `restart()` starts it again on the same data.
 */
export interface FuzzProduct {
  readonly apiUrl: string;
  readonly collabUrl: string;
  readonly dataDir: string;
  /** The shared collab secret from the data folder (to sign edge-case tickets). */
  readonly collabSecret: string;
  /** Whether the child is running. */
  alive(): boolean;
  /** How the last child ended, e.g. `code 1` or `signal SIGKILL`; undefined while running. */
  exitDescription(): string | undefined;
  /** Unhandled rejections reported so far (over all restarts). */
  unhandledRejections(): number;
  /** Lines of output that reported unhandled rejections, newest last (at most 20). */
  unhandledLines(): string[];
  /**
   * Log lines at level error or fatal (pino level 50 and up) of either server, over all
   * restarts: each is something the product itself thought went wrong.
   */
  errorLogLines(): number;
  /** The newest error-level log lines (at most 20), each cut to 2,000 characters. */
  errorLogSamples(): string[];
  /** The tail of everything the product printed. */
  output(): string;
  health(timeoutMs?: number): Promise<Health>;
  /** Resolves true once the child exited, false if it still runs after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<boolean>;
  /** Memory after a full collection; with a path, also a heap snapshot written there. */
  memory(snapshotPath?: string): Promise<MemorySample>;
  restart(): Promise<void>;
  /** How often the product was restarted after a crash. */
  restarts(): number;
  stop(): Promise<void>;
}

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

async function getOk(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Starts the product on a fresh data folder and resolves once both servers listen. */
export async function startFuzzProduct(
  options: { readyTimeoutMs?: number; env?: Record<string, string> } = {},
): Promise<FuzzProduct> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 100_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-fuzz-'));
  let child: ChildProcess | undefined;
  let apiUrl = '';
  let collabUrl = '';
  let output = '';
  let pending = '';
  let markedRejections = 0;
  let loggedRejections = 0;
  const unhandledLines: string[] = [];
  let errorLogLines = 0;
  const errorLogSamples: string[] = [];
  let requestId = 0;
  let restarts = 0;
  const waiting = new Map<number, (reply: ProbeReply) => void>();

  // The lines after a report (its stack) are appended to it.
  let stackLinesLeft = 0;
  const onLine = (line: string) => {
    if (isErrorLogLine(line)) {
      errorLogLines += 1;
      errorLogSamples.push(line.slice(0, 2000));
      if (errorLogSamples.length > 20) errorLogSamples.shift();
    }
    const marked = line.startsWith(UNHANDLED_MARKER);
    if (!marked && !PRODUCT_UNHANDLED_LINE.test(line)) {
      if (stackLinesLeft > 0 && unhandledLines.length > 0) {
        stackLinesLeft -= 1;
        unhandledLines[unhandledLines.length - 1] += `\n${line.slice(0, 300)}`;
      }
      return;
    }
    if (marked) markedRejections += 1;
    else loggedRejections += 1;
    stackLinesLeft = 10;
    unhandledLines.push(line.slice(0, 2000));
    if (unhandledLines.length > 20) unhandledLines.shift();
  };
  const onOutput = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-KEPT_OUTPUT_CHARS);
    pending += text;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    // A very long line without a newline is checked as it is, so it cannot grow without end.
    if (pending.length > 100_000) {
      lines.push(pending);
      pending = '';
    }
    for (const line of lines) onLine(line);
  };

  const killGroup = async () => {
    const current = child;
    if (!current?.pid) return;
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      try {
        // The whole group: the product and its embedded database engine.
        process.kill(-current.pid, signal);
      } catch {
        return;
      }
      if (signal === 'SIGTERM' && (await waitForExit(current, 10_000))) {
        // The engine child may outlive a product that died abruptly: end the group for good.
        try {
          process.kill(-current.pid, 'SIGKILL');
        } catch {
          // Nothing left.
        }
        return;
      }
    }
    await waitForExit(current, 5_000);
  };

  const launch = async () => {
    const started = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', probePath, 'scripts/start.ts'],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: '0',
          COLLAB_PORT: '0',
          DATA_DIR: dataDir,
          NODE_ENV: 'test',
          // The harness sets up its documents as the demo coordinator; the second factor is
          // not what it attacks.
          SECOND_FACTOR_ROLES: 'none',
          ...options.env,
        },
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    child = started;
    started.stdout?.on('data', onOutput);
    started.stderr?.on('data', onOutput);
    started.on('message', (message: ProbeReply) => {
      waiting.get(message.id)?.(message);
      waiting.delete(message.id);
    });
    // The ready line is looked for in this child's own stdout: the kept output is a sliding
    // window, so an offset into it is lost once it is full (a restart after a long run never saw
    // its ready line).
    let sinceStart = '';
    const match = await new Promise<RegExpExecArray>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`no LIP_READY within ${readyTimeoutMs} ms:\n${output}`)),
        readyTimeoutMs,
      );
      const check = (chunk: Buffer) => {
        sinceStart += chunk.toString();
        const found = READY.exec(sinceStart);
        if (!found) return;
        clearTimeout(timer);
        started.stdout?.off('data', check);
        done(found);
      };
      started.stdout?.on('data', check);
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the product exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
    apiUrl = match[1]!;
    collabUrl = match[2]!;
  };

  try {
    await launch();
  } catch (error) {
    await killGroup();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
    collabSecret: string;
  };

  const alive = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  return {
    get apiUrl() {
      return apiUrl;
    },
    get collabUrl() {
      return collabUrl;
    },
    dataDir,
    collabSecret: secrets.collabSecret,
    alive,
    exitDescription() {
      if (!child || alive()) return undefined;
      return child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
    },
    unhandledRejections: () => Math.max(markedRejections, loggedRejections),
    unhandledLines: () => [...unhandledLines],
    errorLogLines: () => errorLogLines,
    errorLogSamples: () => [...errorLogSamples],
    output: () => output,
    async health(timeoutMs = 5_000) {
      if (!alive()) return { alive: false, api: false, collab: false };
      const collabHttp = collabUrl.replace(/^ws/, 'http');
      const [api, collab] = await Promise.all([
        getOk(`${apiUrl}/healthz`, timeoutMs),
        getOk(`${collabHttp}/healthz`, timeoutMs),
      ]);
      return { alive: alive(), api, collab };
    },
    waitForExit: (timeoutMs) => (child ? waitForExit(child, timeoutMs) : Promise.resolve(true)),
    memory(snapshotPath) {
      const current = child;
      if (!current || !alive()) return Promise.reject(new Error('the product is not running'));
      const id = ++requestId;
      return new Promise<MemorySample>((done, fail) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          fail(new Error('no memory answer from the product within 120 s'));
        }, 120_000);
        waiting.set(id, (reply) => {
          clearTimeout(timer);
          const { rss, heapUsed, heapTotal, external } = reply;
          done({ rss, heapUsed, heapTotal, external });
        });
        const request: ProbeRequest = {
          id,
          type: 'memory',
          ...(snapshotPath ? { snapshotPath } : {}),
        };
        current.send(request);
      });
    },
    async restart() {
      restarts += 1;
      await killGroup();
      await launch();
    },
    restarts: () => restarts,
    async stop() {
      await killGroup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
