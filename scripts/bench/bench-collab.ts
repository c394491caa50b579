/**
 * Collab server benchmark. Each server under test runs in its own process (see
 * `collab/server-process.ts`): ours with tickets and persistence on, the reference
 * @y/websocket-server 0.1.1, Hocuspocus 3.4.4 with default settings, and a raw byte relay as
 * the floor of what fan-out costs here. The clients run in this process and speak each server's
 * framing without keeping a Y.Doc. Runs are interleaved across servers so machine noise hits
 * all of them alike; tables show medians of 5 repetitions (`--quick`: 1 repetition, fewer
 * points, for a smoke run).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { resolveEngine } from '@lip/engine';
import type { Db } from 'mongodb';
import mongoose from 'mongoose';
import * as Y from 'yjs';
import { createCollabStore } from '../../collab-server/src/persistence/collab-store';
import { newDocumentId } from '../../collab-server/src/testing/collab-test-kit';
import {
  closeAll,
  connect,
  connectMany,
  loadTrace,
  median,
  percentile,
  sleep,
  startServer,
  traceUpdates,
  type ServerProcess,
} from './collab/bench-kit';
import { measureColdOpen, measureSoak } from './collab/cold-open-and-soak';
import { CROSS_PARTS, measureCrossProcess, type CrossPart } from './collab/cross-process';
import { dialectFor } from './collab/dialects';
import { writeBenchmarkSection } from './report';
import type { ServerKind } from './collab/server-process';

const quick = process.argv.includes('--quick');
/**
 * `--only=fanout,memory`: run only those sections (fanout, rate, memory, trace, coldopen, soak,
 * crossprocess, or one part of it: cross-added, cross-fanout, cross-failover, cross-revocation,
 * cross-subscription). `--cross-clients=1000,3000` and `--failover-rounds=N` size those parts.
 * `--soak-minutes=N` shortens or lengthens the soak (default 10, quick 1).
 */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (section: string) => !only || only.includes(section);
const CROSS_TITLES: Record<CrossPart, string> = {
  added: 'a second holder',
  fanout: 'fan-out',
  failover: 'failover',
  revocation: 'revocation',
  subscription: 'subscriptions',
};
const soakMinutes = Number(
  process.argv.find((arg) => arg.startsWith('--soak-minutes='))?.slice('--soak-minutes='.length) ??
    (quick ? 1 : 10),
);
const COLD_OPEN_RUNS = quick ? 5 : 30;
const COLD_OPEN_OTHER_DOCUMENTS = 100;
const repetitions = quick ? 1 : 5;
const clientCounts = quick ? [50, 200] : [50, 200, 1000];
const UPDATES_PER_SECOND = 20;
const DURATION_MS = 5_000;
const SETTLE_MS = 1_500;
const RATE_STEPS = [20, 50, 100, 200, 400, 800, 1600, 3200];
const RATE_CLIENTS = 200;
const RATE_STEP_MS = 3_000;
const RATE_SEARCHES = quick ? 1 : 3;
const IDLE_CLIENTS = 1000;
const AFTER_LEAVE_MS = quick ? 5_000 : 60_000;
const REPLAY_READERS = 10;
const REPLAY_WINDOW = 2_000;
const KINDS: ServerKind[] = ['lip', 'reference', 'hocuspocus', 'relay'];
const LABEL: Record<ServerKind, string> = {
  lip: 'lip collab-server (tickets + persistence)',
  reference: '@y/websocket-server 0.1.1',
  hocuspocus: '@hocuspocus/server 3.4.4 (defaults)',
  relay: 'raw relay, no Yjs (floor)',
};

/** How the numbers below come about; written above the results in docs/benchmarks.md. */
const METHOD = [
  `Measured by \`npm run bench:collab\` (\`scripts/bench/bench-collab.ts\`, about 25 minutes;`,
  `\`-- --quick\` for a one-repetition smoke run that does not write this file). Each server runs`,
  "in its own Node process; the raw clients (no Y.Doc, each server's own framing) run in the",
  'bench process, so both share the same 2 cores with the database. Fan-out latency is from the',
  "writer's send to each reader's receipt, on one clock. The raw relay forwards update frames",
  'without decoding them: no server can fan out faster on this machine, so it marks the floor.',
  'Our server runs with ticket auth and MongoDB persistence (FerretDB) on, every limit at its',
  'default except the per-connection message rate, raised for the rate search and the replay.',
  'Durability comes from its persistence-latency histogram. The rate search ends where the one',
  'client process saturates (200 x 1,600 deliveries/s fails for the raw relay too), so it tells',
  'servers apart only below that.',
  '',
];

// ---------------------------------------------------------------------------------------------
// Fan-out latency

interface FanOut {
  p50: number;
  p99: number;
  delivered: number;
}

/**
 * One writer sends `rate` small Yjs updates per second for `durationMs` to `clients` readers
 * on one document; latency is from the writer's send to each reader's receipt.
 */
async function fanOut(
  server: ServerProcess,
  clients: number,
  rate: number,
  durationMs: number,
): Promise<FanOut> {
  const dialect = dialectFor(server.kind);
  const documentId = newDocumentId();
  const readers = await connectMany(server, documentId, clients, 'reader');
  const writer = await connect(dialect, server.port, documentId, 'writer');
  await sleep(300);
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const sentAt: number[] = [];
  doc.on('update', (update: Uint8Array) => {
    sentAt.push(performance.now());
    writer.socket.send(dialect.frameUpdate(documentId, update));
  });
  const total = Math.floor((durationMs / 1000) * rate);
  const started = performance.now();
  while (sentAt.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (sentAt.length < due) text.insert(0, 'x');
    await sleep(Math.max(1, Math.min(1000 / rate, 10)));
  }
  await sleep(SETTLE_MS);
  const latencies: number[] = [];
  for (const reader of readers) {
    for (let i = 0; i < Math.min(reader.arrivals.length, sentAt.length); i += 1) {
      latencies.push((reader.arrivals[i] as number) - (sentAt[i] as number));
    }
  }
  closeAll([...readers, writer]);
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    delivered: latencies.length / (clients * sentAt.length),
  };
}

// ---------------------------------------------------------------------------------------------
// The B4 trace

interface Replay {
  documentId: string;
  seconds: number;
  opsPerSecond: number;
  converged: boolean;
}

/**
 * Sends every update of the trace as a live edit (at most `REPLAY_WINDOW` ahead of the slowest
 * reader); one reader keeps a Y.Doc and must end with the trace's final text.
 */
async function replay(
  server: ServerProcess,
  updates: Uint8Array[],
  expected: string,
): Promise<Replay> {
  const dialect = dialectFor(server.kind);
  const documentId = newDocumentId();
  const mirror = new Y.Doc();
  const checker = await connect(dialect, server.port, documentId, 'checker', (frame) => {
    const update = dialect.readUpdate(frame);
    if (update) Y.applyUpdate(mirror, update);
  });
  const readers = [checker, ...(await connectMany(server, documentId, REPLAY_READERS - 1, 'r'))];
  const writer = await connect(dialect, server.port, documentId, 'writer');
  await sleep(300);
  const started = performance.now();
  let sent = 0;
  const slowest = () => Math.min(...readers.map((r) => r.arrivals.length));
  while (sent < updates.length) {
    const limit = Math.min(updates.length, slowest() + REPLAY_WINDOW);
    while (sent < limit) {
      writer.socket.send(dialect.frameUpdate(documentId, updates[sent] as Uint8Array));
      sent += 1;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const deadline = performance.now() + 120_000;
  while (slowest() < updates.length && performance.now() < deadline) await sleep(5);
  const seconds = (performance.now() - started) / 1000;
  closeAll([...readers, writer]);
  return {
    documentId,
    seconds,
    opsPerSecond: slowest() / seconds,
    converged: mirror.getText('t').toString() === expected,
  };
}

interface Durability {
  count: number;
  within100: number;
  within500: number;
}

/** Shares of stored updates within 100 and 500 ms, from our server's histogram so far. */
async function durability(lip: ServerProcess): Promise<Durability> {
  const { text } = await lip.ask({ type: 'metrics' }, 'metrics');
  const bucket = (le: string) =>
    Number(
      new RegExp(`collab_persistence_latency_seconds_bucket\\{le="${le}"\\} (\\d+)`).exec(
        text,
      )?.[1] ?? NaN,
    );
  const count = bucket('\\+Inf');
  return { count, within100: bucket('0.1') / count, within500: bucket('0.5') / count };
}

function describe(d: Durability): string {
  return `${(d.within500 * 100).toFixed(2)}% of ${d.count} updates (within 100 ms: ${(d.within100 * 100).toFixed(2)}%)`;
}

/** Whether the stored state (snapshot + later updates) reaches `expected` within 30 s. */
async function storedText(db: Db, documentId: string, expected: string): Promise<boolean> {
  const store = createCollabStore(db);
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const loaded = await store.load(documentId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.state);
    if (doc.getText('t').toString() === expected) return true;
    await sleep(500);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/** Runs `use` against our server alone, in a fresh database of its own, then stops both. */
async function withOwnServer<T>(
  uri: string,
  dbName: string,
  use: (server: ServerProcess, db: Db) => Promise<T>,
): Promise<T> {
  const connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  const ownDb = connection.db;
  if (!ownDb) throw new Error('no database handle');
  await ownDb.dropDatabase();
  const server = await startServer('lip', uri, dbName);
  try {
    return await use(server, ownDb as unknown as Db);
  } finally {
    server.stop();
    await ownDb.dropDatabase();
    await connection.close();
  }
}

async function main(): Promise<void> {
  const engine = await resolveEngine({
    mongodbUri: process.env.MONGODB_URI,
    dataDir: mkdtempSync(join(tmpdir(), 'lip-bench-collab-')),
    inMemory: false,
  });
  const connection = await mongoose
    .createConnection(engine.uri, { dbName: 'bench_collab' })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('no database handle');
  await db.dropDatabase();

  const lines: string[] = [];
  const log = (line = '') => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  /** Each target: what was measured and whether it is met (filled in as sections run). */
  const targets: Array<{ target: string; measured: string; met: boolean }> = [];
  const versions = (name: string) =>
    (
      JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
        version: string;
      }
    ).version;
  log(
    `${new Date().toISOString().slice(0, 10)}, machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}; ${engine.description.replace(/ on .*$/, '')}; yjs ${versions('yjs')}, ws ${versions('ws')}`,
  );
  log(
    `mode: ${quick ? 'quick (1 repetition)' : `full (${repetitions} repetitions, medians)`}; each server in its own process, clients in the bench process`,
  );

  const compared = ['fanout', 'rate', 'memory', 'trace'].some(runs);
  const servers: ServerProcess[] = [];
  for (const kind of compared ? KINDS : []) servers.push(await startServer(kind, engine.uri));
  const baseline = new Map<ServerKind, number>();
  for (const server of servers) {
    // Warm up (JIT, first document) before the baseline, then measure it with no clients.
    await fanOut(server, 5, 20, 500);
    await sleep(3_000);
    baseline.set(server.kind, (await server.ask({ type: 'heap' }, 'heap')).heapUsed);
  }

  // 1. Fan-out latency at 20 updates/s.
  const results = new Map<string, FanOut[]>();
  for (let r = 0; r < (runs('fanout') ? repetitions : 0); r += 1) {
    for (const clients of clientCounts) {
      for (const server of servers) {
        const result = await fanOut(server, clients, UPDATES_PER_SECOND, DURATION_MS);
        const key = `${server.kind}:${clients}`;
        results.set(key, [...(results.get(key) ?? []), result]);
        process.stderr.write(
          `  run ${r + 1} ${server.kind} ${clients}: p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)}\n`,
        );
      }
    }
  }
  if (runs('fanout')) {
    log();
    log(
      `### Fan-out latency, one document, one writer at ${UPDATES_PER_SECOND} updates/s for ${DURATION_MS / 1000} s (median of ${repetitions})`,
    );
    log();
    log('| server | clients | p50 ms | p99 ms | p99 vs reference | delivered |');
    log('|---|---|---|---|---|---|');
  }
  const p99Of = (kind: ServerKind, clients: number) =>
    median((results.get(`${kind}:${clients}`) ?? []).map((r) => r.p99));
  if (runs('fanout')) {
    const ratio = p99Of('lip', 200) / p99Of('reference', 200);
    const floor = p99Of('relay', 200) / p99Of('reference', 200);
    targets.push({
      target: 'fan-out p99 at 200 clients at most 0.5x the reference server',
      measured: `${ratio.toFixed(2)}x (raw relay floor: ${floor.toFixed(2)}x)`,
      met: ratio <= 0.5,
    });
  }
  for (const clients of runs('fanout') ? clientCounts : []) {
    const referenceP99 = p99Of('reference', clients);
    for (const server of servers) {
      const runs = results.get(`${server.kind}:${clients}`) ?? [];
      const p99 = median(runs.map((r) => r.p99));
      log(
        `| ${LABEL[server.kind]} | ${clients} | ${median(runs.map((r) => r.p50)).toFixed(1)} | ${p99.toFixed(1)} | ${(p99 / referenceP99).toFixed(2)}x | ${(median(runs.map((r) => r.delivered)) * 100).toFixed(1)}% |`,
      );
    }
  }

  const durableFanOut = compared ? await durability(servers[0]!) : undefined;

  // 2. Highest rate with p99 under 50 ms and everything delivered.
  const highest = new Map<ServerKind, number[]>();
  for (let r = 0; r < (runs('rate') ? RATE_SEARCHES : 0); r += 1) {
    for (const server of servers) {
      let best = 0;
      for (const rate of RATE_STEPS) {
        const result = await fanOut(server, RATE_CLIENTS, rate, RATE_STEP_MS);
        process.stderr.write(`  rate ${server.kind} ${rate}/s: p99 ${result.p99.toFixed(1)}\n`);
        if (result.p99 >= 50 || result.delivered < 1) break;
        best = rate;
      }
      highest.set(server.kind, [...(highest.get(server.kind) ?? []), best]);
    }
  }
  if (runs('rate')) {
    log();
    log(
      `### Highest rate with p99 < 50 ms, ${RATE_CLIENTS} clients (steps ${RATE_STEPS.join(', ')} updates/s, ${RATE_STEP_MS / 1000} s each; median of ${RATE_SEARCHES})`,
    );
    log();
    log('| server | updates/s | deliveries/s |');
    log('|---|---|---|');
  }
  for (const server of runs('rate') ? servers : []) {
    const rate = median(highest.get(server.kind) ?? []);
    log(`| ${LABEL[server.kind]} | ${rate} | ${rate * RATE_CLIENTS} |`);
  }

  if (runs('memory')) {
    // 3. Memory per idle connection, and after everyone left.
    log();
    log(
      `### Memory (server process heap after GC): ${IDLE_CLIENTS} idle clients on one document (median of ${quick ? 1 : 3}), and ${AFTER_LEAVE_MS / 1000} s after all clients left, against the heap after warm-up`,
    );
    log();
    log('| server | KB per idle connection | heap after clients left vs baseline |');
    log('|---|---|---|');
    const perConnection = new Map<ServerKind, number[]>();
    for (let r = 0; r < (quick ? 1 : 3); r += 1) {
      for (const server of servers) {
        const before = (await server.ask({ type: 'heap' }, 'heap')).heapUsed;
        const idle = await connectMany(server, newDocumentId(), IDLE_CLIENTS, 'idle');
        await sleep(1_000);
        const during = (await server.ask({ type: 'heap' }, 'heap')).heapUsed;
        const kb = (during - before) / IDLE_CLIENTS / 1024;
        perConnection.set(server.kind, [...(perConnection.get(server.kind) ?? []), kb]);
        closeAll(idle);
      }
    }
    await sleep(AFTER_LEAVE_MS);
    for (const server of servers) {
      const after = (await server.ask({ type: 'heap' }, 'heap')).heapUsed;
      const base = baseline.get(server.kind) as number;
      if (server.kind === 'lip') {
        const perIdle = median(perConnection.get('lip') ?? []);
        targets.push(
          {
            target: 'at most 5 KB heap per idle connection',
            measured: `${perIdle.toFixed(1)} KB`,
            met: perIdle <= 5,
          },
          {
            target: `heap within 10% of baseline ${AFTER_LEAVE_MS / 1000} s after all clients left`,
            measured: `${(((after - base) / base) * 100).toFixed(1)}%`,
            met: Math.abs(after - base) / base <= 0.1,
          },
        );
      }
      log(
        `| ${LABEL[server.kind]} | ${median(perConnection.get(server.kind) ?? []).toFixed(1)} | ${(((after - base) / base) * 100).toFixed(1)}% (${(base / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MB) |`,
      );
    }
  }

  // 4. Durability: our persistence-latency histogram, over the nominal-load fan-out runs and
  //    over everything (the rate search drives the server far past saturation).
  if (durableFanOut) {
    const durableAll = await durability(servers[0]!);
    log();
    log(
      `Durable within 500 ms (lip): ${describe(durableFanOut)} in the fan-out runs at ${UPDATES_PER_SECOND} updates/s; ${describe(durableAll)} over all runs including the rate search.`,
    );
    targets.push({
      target: `99% of accepted updates durable within 500 ms (fan-out runs, ${UPDATES_PER_SECOND} updates/s)`,
      measured: `${(durableFanOut.within500 * 100).toFixed(2)}% of ${durableFanOut.count}`,
      met: durableFanOut.within500 >= 0.99,
    });
  }

  if (runs('trace')) {
    // 5. The B4 trace: cold open from the database, and replay as live edits.
    const trace = loadTrace();
    const { updates, doc: traced } = traceUpdates(trace);
    const finalText = traced.getText('t').toString();
    const state = Y.encodeStateAsUpdate(traced);
    if (trace.endContent !== undefined && finalText !== trace.endContent) {
      throw new Error('replaying the trace locally does not give its endContent');
    }
    log();
    log(
      `### The B4 trace: ${trace.source}, ${trace.ops.length} operations, ${finalText.length} characters, Yjs state ${(state.byteLength / 1024).toFixed(0)} KB`,
    );
    log();
    log('Cold open: see "Collab: cold open and soak".');
    log();
    log(
      `Replay as live edits: one writer sends each of the ${updates.length} updates as its own message (at most ${REPLAY_WINDOW} ahead of the slowest of ${REPLAY_READERS} readers); one reader keeps a Y.Doc and must end with the trace's final text.`,
    );
    log();
    log(
      '| server | seconds | updates/s | reader text equals the trace | stored text equals the trace |',
    );
    log('|---|---|---|---|---|');
    for (const server of servers.filter((s) => s.kind !== 'relay')) {
      const runs: Replay[] = [];
      let stored = 'not stored';
      for (let r = 0; r < (quick ? 1 : 3); r += 1) {
        const run = await replay(server, updates, finalText);
        runs.push(run);
        if (server.kind === 'lip') {
          stored = (await storedText(db, run.documentId, finalText)) ? 'yes' : 'NO';
          if (stored !== 'yes') break;
        }
      }
      log(
        `| ${LABEL[server.kind]} | ${median(runs.map((r) => r.seconds)).toFixed(1)} | ${median(runs.map((r) => r.opsPerSecond)).toFixed(0)} | ${runs.every((r) => r.converged) ? 'yes' : 'NO'} | ${stored} |`,
      );
    }
  }

  const ownLines: string[] = [];
  if (runs('coldopen') || runs('soak')) {
    const own = (line = '') => {
      ownLines.push(line);
      process.stdout.write(`${line}\n`);
    };
    own(
      `${new Date().toISOString().slice(0, 10)}, machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB; Node ${process.version}; ${engine.description.replace(/ on .*$/, '')}`,
    );
    own();
    own(
      'Each measurement runs our server alone in its own process and database. Machine noise: the bench process times a fixed CPU-bound task (encoding the B4 document) and reports wall time over CPU time (1.0 = a core to itself) and the 1-minute load average; other work on the machine inflates every wall-clock figure by about that factor.',
    );
    own();
    own(
      'What a cold open costs (profiled 2026-12-03): decoding the B4 state into a Y.Doc takes about 48 ms of CPU and encoding it for the client 14 ms, so the server now answers a new client straight from the stored bytes and builds the Y.Doc afterwards; and FerretDB 1.24 on SQLite reads a whole collection for every query (its `_id` index expression differs from the one its queries use), so a compacted document is loaded by `_id` lookups in small collections (`collab_heads`, then one snapshot record and one probe) and every document leaving memory is compacted. On MongoDB these lookups use the `_id` index.',
    );
    const trace = loadTrace();
    const { doc: traced } = traceUpdates(trace);
    const state = Y.encodeStateAsUpdate(traced);
    if (runs('coldopen')) {
      own();
      own(
        `### Cold open of the B4 trace (${trace.source}, ${traced.getText('t').length} characters, Yjs state ${(state.byteLength / 1024).toFixed(0)} KB) from the database`,
      );
      own();
      own(
        `From opening the websocket until the client holds the document, the document not in memory (stored as one snapshot, evicted by the server between runs), ${COLD_OPEN_RUNS} runs each; with the document alone in the database, and with ${COLD_OPEN_OTHER_DOCUMENTS} other documents (20 KB each) stored beside it (the embedded FerretDB reads a whole collection for every query).`,
      );
      own();
      own('| documents stored | p50 ms | p95 ms | max ms | wall/CPU | load |');
      own('|---|---|---|---|---|---|');
      const alone = await withOwnServer(engine.uri, 'bench_collab_coldopen', (server, ownDb) =>
        measureColdOpen(server, ownDb, state, traced, { runs: COLD_OPEN_RUNS, otherDocuments: 0 }),
      );
      const crowded = await withOwnServer(engine.uri, 'bench_collab_coldopen', (server, ownDb) =>
        measureColdOpen(server, ownDb, state, traced, {
          runs: COLD_OPEN_RUNS,
          otherDocuments: COLD_OPEN_OTHER_DOCUMENTS,
        }),
      );
      for (const result of [alone, crowded]) {
        own(
          `| ${1 + result.otherDocuments} | ${result.p50.toFixed(0)} | ${result.p95.toFixed(0)} | ${result.max.toFixed(0)} | ${result.noise.wallOverCpu.toFixed(2)} | ${result.noise.load.toFixed(1)} |`,
        );
      }
      targets.push({
        target: 'cold open of the B4 trace document from the database, p95 at most 60 ms',
        measured: `${alone.p95.toFixed(0)} ms (${crowded.p95.toFixed(0)} ms with ${COLD_OPEN_OTHER_DOCUMENTS} other documents)`,
        met: alone.p95 <= 60,
      });
    }
    if (runs('soak')) {
      const result = await withOwnServer(engine.uri, 'bench_collab_soak', (server) =>
        measureSoak(server, traced, {
          minutes: soakMinutes,
          documents: 20,
          clientsPerDocument: 50,
          updatesPerSecond: 2,
          warmUpMs: quick ? 10_000 : 30_000,
        }),
      );
      const change = ((result.heapEndMb - result.heapStartMb) / result.heapStartMb) * 100;
      own();
      own(
        `### Soak: ${result.clients} clients on ${result.documents} documents for ${result.minutes} minutes`,
      );
      own();
      own(
        'Per document two writers type and delete a character twice a second each (so the text stays short), ten clients move their carets twice a second, the others read. Server heap after GC, in MB:',
      );
      own();
      own(
        '| before clients | start (all connected, warmed up) | each minute | end | after all left |',
      );
      own('|---|---|---|---|---|');
      own(
        `| ${result.heapBeforeMb.toFixed(1)} | ${result.heapStartMb.toFixed(1)} | ${result.heapSeriesMb.map((mb) => mb.toFixed(1)).join(', ')} | ${result.heapEndMb.toFixed(1)} | ${result.heapAfterLeaveMb.toFixed(1)} |`,
      );
      own();
      own(
        `Heap at the end vs the start: ${change >= 0 ? '+' : ''}${change.toFixed(1)}%. Deliveries: ${result.updatesDelivered} of ${result.deliveriesExpected} expected (${((result.updatesDelivered / result.deliveriesExpected) * 100).toFixed(1)}%); ${result.awarenessSent} awareness updates sent; connections closed during the run: ${result.closedEarly}; after the clients left, every document was stored and left memory within ${result.evictedAfterSeconds.toFixed(0)} s${result.notEvicted > 0 ? ` (${result.notEvicted} still in memory after 300 s)` : ''}. Machine noise: wall/CPU ${result.noise.wallOverCpu.toFixed(2)}, load ${result.noise.load.toFixed(1)}.`,
      );
      targets.push({
        target: `heap within 10% of its start after a ${result.minutes}-minute soak (1,000 clients, 20 documents)`,
        measured: `${change >= 0 ? '+' : ''}${change.toFixed(1)}%`,
        met: Math.abs(change) <= 10,
      });
    }
  }

  log();
  log('### Targets (lip collab-server, tickets and persistence on)');
  log();
  log('| target | measured | met |');
  log('|---|---|---|');
  for (const t of targets) log(`| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`);
  if (!quick && compared && !only) {
    writeBenchmarkSection('Collab', [...METHOD, ...lines].join('\n'));
  }
  if (!quick && ownLines.length > 0) {
    const own = targets.filter((t) => /cold open|soak/.test(t.target));
    writeBenchmarkSection(
      'Collab: cold open and soak',
      [
        'Measured by `npm run bench:collab -- --only=coldopen,soak` (also part of the full run; `--soak-minutes=N`).',
        '',
        ...ownLines,
        '',
        '| target | measured | met |',
        '|---|---|---|',
        ...own.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`),
      ].join('\n'),
    );
  }

  for (const server of servers) server.stop();
  const crossParts = CROSS_PARTS.filter((part) => runs('crossprocess') || runs(`cross-${part}`));
  if (crossParts.length > 0) {
    const numberList = (flag: string) =>
      process.argv
        .find((arg) => arg.startsWith(`--${flag}=`))
        ?.slice(flag.length + 3)
        .split(',')
        .map(Number);
    const crossClients = numberList('cross-clients');
    const failoverRounds = numberList('failover-rounds')?.[0];
    const results = await measureCrossProcess({
      mongodbUri: engine.uri,
      quick,
      parts: new Set(crossParts),
      ...(crossClients ? { clientCounts: crossClients } : {}),
      ...(failoverRounds ? { failoverRounds } : {}),
    });
    const machine = `${new Date().toISOString().slice(0, 10)}, machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}; Node ${process.version}; ${engine.description.replace(/ on .*$/, '')}`;
    for (const result of results) {
      process.stdout.write(`${result.lines.join('\n')}\n\n`);
      if (!quick) {
        // One section per part, so a part run alone keeps the others' results.
        writeBenchmarkSection(
          `Collab: several processes, ${CROSS_TITLES[result.part]}`,
          [
            `Measured by \`npm run bench:collab -- --only=cross-${result.part}\` (\`--only=crossprocess\` runs every part).`,
            '',
            machine,
            '',
            ...result.lines,
          ].join('\n'),
        );
      }
    }
  }
  await db.dropDatabase();
  await connection.close();
  await engine.stop();
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench-collab failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
