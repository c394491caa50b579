/**
 * Two measurements of our collab server alone, each in a database of its own: how fast a long
 * document opens when it is not in memory (the B4 trace, stored as one snapshot), and whether
 * its heap stays flat over a long run with many clients (the soak).
 */
import { loadavg } from 'node:os';
import type { Db } from 'mongodb';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import {
  createCollabStore,
  type CollabStore,
} from '../../../collab-server/src/persistence/collab-store';
import { newDocumentId } from '../../../collab-server/src/testing/collab-test-kit';
import {
  closeAll,
  connect,
  connectMany,
  median,
  percentile,
  sleep,
  type RawClient,
  type ServerProcess,
} from './bench-kit';
import { dialectFor } from './dialects';

/**
 * How contended the machine is while measuring: wall time over CPU time of a fixed CPU-bound
 * task in the bench process (1.0 = the core was ours alone), and the 1-minute load average.
 */
export function machineNoise(doc: Y.Doc): { wallOverCpu: number; load: number } {
  const ratios: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    Y.encodeStateAsUpdate(doc);
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    ratios.push(wall / Math.max(0.001, (used.user + used.system) / 1000));
  }
  return { wallOverCpu: median(ratios), load: loadavg()[0] ?? NaN };
}

/** Waits until none of `documentIds` is in the server's memory; the documents still there. */
async function waitUntilEvicted(
  server: ServerProcess,
  documentIds: string[],
  timeoutMs = 60_000,
): Promise<string[]> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { ids } = await server.ask({ type: 'documents' }, 'documents');
    const left = documentIds.filter((id) => ids.includes(id));
    if (left.length === 0 || performance.now() > deadline) return left;
    await sleep(50);
  }
}

/** Milliseconds from opening the socket until the client holds the document's content. */
async function openOnce(server: ServerProcess, documentId: string): Promise<number> {
  const dialect = dialectFor('lip');
  const started = performance.now();
  let client: RawClient | undefined;
  await new Promise<void>((resolve, reject) => {
    connect(dialect, server.port, documentId, 'opener', (frame) => {
      if ((dialect.readUpdate(frame)?.byteLength ?? 0) > 2) resolve();
    }).then((opened) => (client = opened), reject);
  });
  const elapsed = performance.now() - started;
  await sleep(20);
  client?.socket.terminate();
  return elapsed;
}

export interface ColdOpenResult {
  p50: number;
  p95: number;
  max: number;
  runs: number;
  otherDocuments: number;
  noise: { wallOverCpu: number; load: number };
}

/** Stores a state as a compacted document: one record, merged into a snapshot. */
async function storeAsSnapshot(store: CollabStore, documentId: string, state: Uint8Array) {
  await store.appendUpdates(documentId, [{ seq: 1, update: state }]);
  await store.compact(documentId, { gen: 0 });
}

/**
 * Opens the stored document `runs` times, each time after the server evicted it, with
 * `otherDocuments` small documents stored beside it (the embedded FerretDB on SQLite reads a
 * whole collection for every query, so the other documents' bytes count).
 */
export async function measureColdOpen(
  server: ServerProcess,
  db: Db,
  state: Uint8Array,
  traced: Y.Doc,
  options: { runs: number; otherDocuments: number },
): Promise<ColdOpenResult> {
  const store = createCollabStore(db);
  const documentId = newDocumentId();
  await storeAsSnapshot(store, documentId, state);
  const filler = new Y.Doc();
  filler.getText('t').insert(0, 'Lorem ipsum dolor sit amet. '.repeat(700));
  const fillerState = Y.encodeStateAsUpdate(filler);
  for (let i = 0; i < options.otherDocuments; i += 1) {
    await storeAsSnapshot(store, newDocumentId(), fillerState);
  }
  const before = machineNoise(traced);
  const times: number[] = [];
  for (let r = 0; r < options.runs; r += 1) {
    times.push(await openOnce(server, documentId));
    if ((await waitUntilEvicted(server, [documentId])).length > 0) {
      throw new Error(`document ${documentId} was not evicted within 60 s`);
    }
  }
  const after = machineNoise(traced);
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? NaN,
    runs: options.runs,
    otherDocuments: options.otherDocuments,
    noise: {
      wallOverCpu: (before.wallOverCpu + after.wallOverCpu) / 2,
      load: (before.load + after.load) / 2,
    },
  };
}

/** An awareness frame for one client id with a small caret state. */
function awarenessFrame(clientId: number, clock: number): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(
    inner,
    JSON.stringify({ cursor: { anchor: clock % 97, head: clock % 97 }, user: { name: 'x' } }),
  );
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(inner));
  return encoding.toUint8Array(frame);
}

export interface SoakResult {
  minutes: number;
  clients: number;
  documents: number;
  /** Server heap after GC: before any client, once all are connected and warm, each minute, at the end, after all left. */
  heapBeforeMb: number;
  heapStartMb: number;
  heapSeriesMb: number[];
  heapEndMb: number;
  heapAfterLeaveMb: number;
  /** Seconds until every document left memory after the clients left, and any still there. */
  evictedAfterSeconds: number;
  notEvicted: number;
  /** Deliveries expected (updates sent × readers of their document) and received. */
  deliveriesExpected: number;
  updatesDelivered: number;
  awarenessSent: number;
  closedEarly: number;
  noise: { wallOverCpu: number; load: number };
}

/**
 * `documents` documents with `clientsPerDocument` clients each for `minutes`: per document two
 * writers type and delete at `updatesPerSecond` each (so the text stays short and the heap
 * measures the server, not the document), ten clients move their carets twice a second, the
 * rest read. The server heap is compared at the start (all clients connected, warmed up) and
 * at the end, and after everyone left.
 */
export async function measureSoak(
  server: ServerProcess,
  traced: Y.Doc,
  options: {
    minutes: number;
    documents: number;
    clientsPerDocument: number;
    updatesPerSecond: number;
    warmUpMs: number;
  },
): Promise<SoakResult> {
  const heap = async () => (await server.ask({ type: 'heap' }, 'heap')).heapUsed / 2 ** 20;
  const dialect = dialectFor('lip');
  const heapBeforeMb = await heap();
  const documents = Array.from({ length: options.documents }, () => newDocumentId());
  const clients: RawClient[] = [];
  const writers: Array<{ client: RawClient; documentId: string; doc: Y.Doc; typed: boolean }> = [];
  const carets: Array<{ client: RawClient; id: number; clock: number }> = [];
  let closedEarly = 0;
  let running = true;
  for (const [d, documentId] of documents.entries()) {
    const group = await connectMany(server, documentId, options.clientsPerDocument, `soak${d}`);
    for (const client of group) {
      client.socket.on('close', () => (closedEarly += running ? 1 : 0));
      clients.push(client);
    }
    for (const client of group.slice(0, 2)) {
      writers.push({ client, documentId, doc: new Y.Doc(), typed: false });
    }
    for (const [i, client] of group.slice(2, 12).entries()) {
      carets.push({ client, id: 1_000_000 + d * 100 + i, clock: 0 });
    }
  }
  let updatesSent = 0;
  let awarenessSent = 0;
  for (const writer of writers) {
    writer.doc.on('update', (update: Uint8Array) => {
      writer.client.socket.send(dialect.frameUpdate(writer.documentId, update));
      updatesSent += 1;
    });
  }
  const typing = setInterval(() => {
    for (const writer of writers) {
      const text = writer.doc.getText('t');
      if (writer.typed) text.delete(0, 1);
      else text.insert(0, 'x');
      writer.typed = !writer.typed;
    }
  }, 1000 / options.updatesPerSecond);
  const caretTimer = setInterval(() => {
    for (const caret of carets) {
      caret.clock += 1;
      caret.client.socket.send(awarenessFrame(caret.id, caret.clock));
      awarenessSent += 1;
    }
  }, 500);

  await sleep(options.warmUpMs);
  const deliveredAtStart = clients.reduce((sum, c) => sum + c.arrivals.length, 0);
  const sentAtStart = updatesSent;
  const heapStartMb = await heap();
  const heapSeriesMb: number[] = [];
  const noiseSamples: Array<{ wallOverCpu: number; load: number }> = [machineNoise(traced)];
  for (let minute = 1; minute <= options.minutes; minute += 1) {
    await sleep(60_000);
    heapSeriesMb.push(await heap());
    noiseSamples.push(machineNoise(traced));
    process.stderr.write(
      `  soak minute ${minute}: heap ${heapSeriesMb.at(-1)?.toFixed(1)} MB, sent ${updatesSent}\n`,
    );
  }
  clearInterval(typing);
  clearInterval(caretTimer);
  await sleep(2_000);
  const heapEndMb = await heap();
  const updatesDelivered =
    clients.reduce((sum, c) => sum + c.arrivals.length, 0) - deliveredAtStart;
  const readersPerUpdate = options.clientsPerDocument - 1;
  running = false;
  closeAll(clients);
  for (const writer of writers) writer.doc.destroy();
  const leftAt = performance.now();
  const notEvicted = (await waitUntilEvicted(server, documents, 300_000)).length;
  const evictedAfterSeconds = (performance.now() - leftAt) / 1000;
  await sleep(5_000);
  const heapAfterLeaveMb = await heap();
  return {
    minutes: options.minutes,
    clients: clients.length,
    documents: documents.length,
    heapBeforeMb,
    heapStartMb,
    heapSeriesMb,
    heapEndMb,
    heapAfterLeaveMb,
    evictedAfterSeconds,
    notEvicted,
    deliveriesExpected: (updatesSent - sentAtStart) * readersPerUpdate,
    updatesDelivered,
    awarenessSent,
    closedEarly,
    noise: {
      wallOverCpu: median(noiseSamples.map((n) => n.wallOverCpu)),
      load: median(noiseSamples.map((n) => n.load)),
    },
  };
}
