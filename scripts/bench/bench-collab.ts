/**
 * Collab server benchmark: our server (tickets + persistence on) side by side with the
 * reference @y/websocket-server 0.1.1 in the same run. Quick mode by default (one repetition,
 * 50 and 200 clients); `--full` runs 5 repetitions and adds 1,000 clients and reports medians.
 * Raw websocket clients speak the y-websocket protocol so hundreds fit on a shared machine.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { toCollabDocumentName } from '@lip/common';
import { resolveEngine } from '@lip/engine';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import mongoose from 'mongoose';
import { WebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createCollabStore } from '../../collab-server/src/persistence/collab-store';
import { createCollabServer } from '../../collab-server/src/server';
import {
  TEST_SECRET,
  issueTicket,
  newDocumentId,
} from '../../collab-server/src/testing/collab-test-kit';

const full = process.argv.includes('--full');
const repetitions = full ? 5 : 1;
const clientCounts = full ? [50, 200, 1000] : [50, 200];
const UPDATES_PER_SECOND = 20;
const DURATION_MS = full ? 10_000 : 5_000;

type Target = { name: string; url: (documentId: string, person: string) => string };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** A raw client: counts broadcast update messages (sync type 2) with their arrival time. */
function rawClient(url: string, onUpdate: (at: number) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      ws.send(syncStep1());
      resolve(ws);
    });
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate)
        onUpdate(performance.now());
    });
  });
}

async function fanOut(
  target: Target,
  clients: number,
): Promise<{ p50: number; p99: number; delivered: number }> {
  const documentId = newDocumentId();
  const arrivals: number[][] = [];
  const sockets: WebSocket[] = [];
  for (let i = 0; i < clients; i += 1) {
    const mine: number[] = [];
    arrivals.push(mine);
    sockets.push(
      await rawClient(target.url(documentId, `reader-${i % 10}`), (at) => mine.push(at)),
    );
  }
  const writer = await rawClient(target.url(documentId, 'writer'), () => undefined);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const doc = new Y.Doc();
  const sentAt: number[] = [];
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    sentAt.push(performance.now());
    writer.send(encoding.toUint8Array(encoder));
  });
  const total = Math.floor((DURATION_MS / 1000) * UPDATES_PER_SECOND);
  for (let i = 0; i < total; i += 1) {
    doc.getText('t').insert(0, 'x');
    await new Promise((resolve) => setTimeout(resolve, 1000 / UPDATES_PER_SECOND));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const latencies: number[] = [];
  let delivered = 0;
  for (const mine of arrivals) {
    // One writer: each reader receives the updates in send order.
    const offset = mine.length - sentAt.length;
    for (let i = 0; i < sentAt.length; i += 1) {
      const at = mine[i + Math.max(0, offset)];
      if (at !== undefined) {
        latencies.push(at - (sentAt[i] as number));
        delivered += 1;
      }
    }
  }
  for (const s of [...sockets, writer]) s.terminate();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered: delivered / (clients * sentAt.length),
  };
}

async function startReference(): Promise<{ port: number; server: Server }> {
  const { setupWSConnection } = (await import('@y/websocket-server/utils')) as {
    setupWSConnection: (conn: WebSocket, req: unknown) => void;
  };
  const wss = new WebSocketServer({ noServer: true });
  const server = createServer();
  server.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server };
}

function loadTrace(): { ops: Array<[number, number, string]>; source: string } {
  const file = join(__dirname, '..', '..', '..', 'shared', 'bench-data', 'automerge-paper.json.gz');
  if (existsSync(file)) {
    const trace = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as {
      txns: Array<{ patches: Array<[number, number, string]> }>;
    };
    return { ops: trace.txns.flatMap((t) => t.patches), source: 'automerge-paper (B4)' };
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
  return { ops, source: 'synthetic (B4 trace file absent)' };
}

async function main(): Promise<void> {
  const engine = await resolveEngine({
    mongodbUri: process.env.MONGODB_URI,
    dataDir: mkdtempSync(join(tmpdir(), 'lip-bench-collab-')),
    inMemory: true,
  });
  const connection = await mongoose
    .createConnection(engine.uri, { dbName: 'bench_collab' })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('no db');
  const ours = createCollabServer({
    database: { db },
    secret: TEST_SECRET,
    limits: { maxConnectionsPerDocument: 5000, maxConnectionsPerPerson: 5000 },
  });
  const { port: ourPort } = await ours.listen(0);
  const reference = await startReference();
  const targets: Target[] = [
    {
      name: 'lip collab-server (auth + persistence)',
      url: (doc, person) =>
        `ws://127.0.0.1:${ourPort}/${toCollabDocumentName(doc)}?ticket=${issueTicket(TEST_SECRET, { doc, sub: person })}`,
    },
    {
      name: '@y/websocket-server 0.1.1 (no auth, no persistence)',
      url: (doc) => `ws://127.0.0.1:${reference.port}/${toCollabDocumentName(doc)}`,
    },
  ];

  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  log(
    `machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, engine ${engine.description}`,
  );
  log(
    `mode: ${full ? 'full (5 repetitions, medians)' : 'quick (1 repetition)'}; ${UPDATES_PER_SECOND} updates/s for ${DURATION_MS / 1000} s`,
  );
  log('');
  log('| server | clients | fan-out p50 ms | fan-out p99 ms | delivered |');
  log('|---|---|---|---|---|');
  for (const clients of clientCounts) {
    for (const target of targets) {
      const runs = [];
      for (let r = 0; r < repetitions; r += 1) runs.push(await fanOut(target, clients));
      log(
        `| ${target.name} | ${clients} | ${median(runs.map((r) => r.p50)).toFixed(1)} | ${median(runs.map((r) => r.p99)).toFixed(1)} | ${(median(runs.map((r) => r.delivered)) * 100).toFixed(1)}% |`,
      );
    }
  }

  // Durability: share of accepted updates stored within 500 ms (from the server's histogram).
  const metrics = await ours.metrics.getSingleMetricAsString('collab_persistence_latency_seconds');
  const bucket = (le: string) =>
    Number(new RegExp(`le="${le}"\\} (\\d+)`).exec(metrics)?.[1] ?? NaN);
  log('');
  log(
    `durable within 500 ms: ${((bucket('0.5') / bucket('\\+Inf')) * 100).toFixed(2)}% of ${bucket('\\+Inf')} updates (within 100 ms: ${((bucket('0.1') / bucket('\\+Inf')) * 100).toFixed(2)}%)`,
  );

  // Memory per idle connection (our server, in this process).
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const idleDoc = newDocumentId();
  const idle: WebSocket[] = [];
  const idleCount = 500;
  for (let i = 0; i < idleCount; i += 1)
    idle.push(await rawClient(targets[0]!.url(idleDoc, `idle-${i % 10}`), () => undefined));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  global.gc?.();
  const during = process.memoryUsage().heapUsed;
  for (const s of idle) s.terminate();
  await new Promise((resolve) => setTimeout(resolve, 4000));
  global.gc?.();
  const after = process.memoryUsage().heapUsed;
  log(
    `heap per idle connection (server and raw client share this process): ${((during - before) / idleCount / 1024).toFixed(1)} KB; heap after clients left: ${((after - before) / 2 ** 20).toFixed(1)} MB above baseline${global.gc ? '' : ' (run with --expose-gc for exact numbers)'}`,
  );

  // Cold open of a large document from the database.
  const trace = loadTrace();
  const big = new Y.Doc();
  const text = big.getText('t');
  for (const [at, del, ins] of trace.ops) {
    big.transact(() => {
      if (del > 0) text.delete(at, del);
      if (ins) text.insert(at, ins);
    });
  }
  const bigId = newDocumentId();
  await createCollabStore(db).writeSnapshot(bigId, 0, Y.encodeStateAsUpdate(big));
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(targets[0]!.url(bigId, 'opener'));
    ws.on('open', () => ws.send(syncStep1()));
    ws.on('error', reject);
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (
        decoding.readVarUint(decoder) === 0 &&
        decoding.readVarUint(decoder) === syncProtocol.messageYjsSyncStep2
      ) {
        ws.terminate();
        resolve();
      }
    });
  });
  log(
    `cold open of ${trace.source}, ${trace.ops.length} operations, ${text.length} characters, state ${(Y.encodeStateAsUpdate(big).byteLength / 1024).toFixed(0)} KB: ${(performance.now() - started).toFixed(0)} ms until the client has the document`,
  );

  await ours.close();
  reference.server.closeAllConnections();
  reference.server.close();
  await db.dropDatabase();
  await connection.close();
  await engine.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-collab failed: ${String(error)}\n`);
  process.exit(1);
});
