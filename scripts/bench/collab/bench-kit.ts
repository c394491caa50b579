/**
 * What the collab benchmarks share: server processes, raw clients, the B4 trace, statistics.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { dialectFor, type Dialect } from './dialects';
import type { BenchReply, BenchRequest, ServerKind } from './server-process';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

// ---------------------------------------------------------------------------------------------
// Server processes

export interface ServerProcess {
  kind: ServerKind;
  port: number;
  ask<T extends BenchReply['type']>(
    request: BenchRequest,
    reply: T,
  ): Promise<Extract<BenchReply, { type: T }>>;
  stop(): void;
}

export async function startServer(
  kind: ServerKind,
  mongodbUri: string,
  dbName = 'bench_collab',
  /** With a Redis URL, `lip` runs with the cross-process relay on. */
  redisUrl?: string,
): Promise<ServerProcess> {
  const child: ChildProcess = fork(join(__dirname, 'server-process.ts'), [kind], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_MONGODB_URI: mongodbUri,
      BENCH_DB: dbName,
      ...(redisUrl ? { BENCH_REDIS_URL: redisUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends BenchReply['type']>(type: T) =>
    new Promise<Extract<BenchReply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: BenchReply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<BenchReply, { type: T }>);
      };
      const onExit = (code: number | null) =>
        reject(new Error(`${kind} server exited with ${String(code)}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { port } = await next('listening');
  return {
    kind,
    port,
    ask: (request, reply) => {
      const answer = next(reply);
      child.send(request);
      return answer;
    },
    stop: () => {
      child.send({ type: 'stop' } satisfies BenchRequest);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Raw clients

export interface RawClient {
  socket: WebSocket;
  /** Arrival times of broadcast updates, in order. */
  arrivals: number[];
}

/** Opens a client and resolves once the server has answered its hello. */
export function connect(
  dialect: Dialect,
  port: number,
  documentId: string,
  person: string,
  onFrame?: (frame: Uint8Array) => void,
): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(dialect.url(port, documentId, person));
    const client: RawClient = { socket, arrivals: [] };
    let ready = false;
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => {
      for (const frame of dialect.hello(documentId)) socket.send(frame);
    });
    socket.on('error', reject);
    socket.on('close', (code) => {
      if (!ready) reject(new Error(`closed with ${code} before the first message`));
    });
    socket.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (dialect.isUpdate(frame)) client.arrivals.push(performance.now());
      onFrame?.(frame);
      if (!ready) {
        ready = true;
        resolve(client);
      }
    });
  });
}

export async function connectMany(
  server: ServerProcess,
  documentId: string,
  count: number,
  prefix: string,
): Promise<RawClient[]> {
  const dialect = dialectFor(server.kind);
  const clients: RawClient[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
      connect(dialect, server.port, documentId, `${prefix}-${(i + j) % 10}`),
    );
    clients.push(...(await Promise.all(batch)));
  }
  return clients;
}

export function closeAll(clients: RawClient[]): void {
  for (const client of clients) client.socket.terminate();
}

export interface Trace {
  ops: Array<[number, number, string]>;
  endContent: string | undefined;
  source: string;
}

/**
 * `shared/bench-data/<name>` in the nearest folder above the repository that has it (the
 * repository may be checked out one level deeper, as a worktree), or undefined.
 */
function findBenchData(name: string): string | undefined {
  for (let dir = join(__dirname, '..', '..', '..'); ; dir = dirname(dir)) {
    const file = join(dir, 'shared', 'bench-data', name);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

export function loadTrace(): Trace {
  const file =
    process.argv.find((arg) => arg.endsWith('.json.gz')) ??
    findBenchData('automerge-paper.json.gz');
  if (file && existsSync(file)) {
    const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
      endContent: string;
      txns: Array<{ patches: Array<[number, number, string]> }>;
    };
    return {
      ops: trace.txns.flatMap((t) => t.patches),
      endContent: trace.endContent,
      source: 'automerge-paper (B4)',
    };
  }
  const ops: Array<[number, number, string]> = [];
  let length = 0;
  for (let i = 0; i < 260_000; i += 1) {
    if (i % 10 < 7 || length === 0) {
      ops.push([Math.floor(length * 0.9), 0, 'a']);
      length += 1;
    } else {
      ops.push([Math.floor(length * 0.5), 1, '']);
      length -= 1;
    }
  }
  return { ops, endContent: undefined, source: 'synthetic (B4 trace file absent)' };
}

/** Applies the trace to a fresh Y.Doc, one transaction (one update) per patch. */
export function traceUpdates(trace: Trace): { updates: Uint8Array[]; doc: Y.Doc } {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const [at, del, ins] of trace.ops) {
    doc.transact(() => {
      if (del > 0) text.delete(at, del);
      if (ins) text.insert(at, ins);
    });
  }
  return { updates, doc };
}
