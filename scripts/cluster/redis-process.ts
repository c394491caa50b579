import { spawn, type ChildProcess } from 'node:child_process';
import { findFreePort } from '@lip/engine';

/** Debian's Redis (`apt-get install redis-server`; `.ci/run` installs it). */
export const REDIS_SERVER = '/usr/bin/redis-server';

/** A Redis started by a test: a real process on a free loopback port, without persistence. */
export interface TestRedis {
  url: string;
  port: number;
  /** Ends the process (SIGKILL: as abrupt as a crash) and waits for it. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty: Redis keeps nothing we need). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `redis-server` and resolves once it accepts connections. */
export async function startRedis(): Promise<TestRedis> {
  const port = await findFreePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const process_ = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = process_;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      process_.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      process_.once('exit', (code) =>
        reject(new Error(`redis-server exited (${code}): ${output}`)),
      );
    });
  };
  const kill = async () => {
    if (!child) return;
    const current = child;
    child = undefined;
    current.kill('SIGKILL');
    await exited(current);
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, kill, start, stop: kill };
}
