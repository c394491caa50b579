/**
 * The cross-process section of `bench:collab`: our collab server in several processes on one
 * Redis (the relay on), against one process. Fan-out: one writer on the first process, readers
 * spread round-robin over the processes. Failover: the topology of `npm run start:cluster`
 * behind HAProxy, `kill -9` of the process holding a document while three official clients
 * type, timed until every client is connected and synced again.
 */
import * as Y from 'yjs';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../../../collab-server/src/testing/collab-test-kit';
import { startCluster } from '../../cluster/cluster-process';
import { startRedis } from '../../cluster/redis-process';
import {
  closeAll,
  connect,
  median,
  percentile,
  sleep,
  startServer,
  type RawClient,
  type ServerProcess,
} from './bench-kit';
import { dialectFor } from './dialects';

const RATE = 20;
const DURATION_MS = 5_000;
const SETTLE_MS = 1_500;

interface Spread {
  p50: number;
  p99: number;
  /** p99 of the readers on processes other than the writer's (NaN with one process). */
  p99Remote: number;
  p99Local: number;
  delivered: number;
}

/** One writer on `servers[0]`, `clients` readers round-robin over `servers`. */
async function fanOutAcross(servers: ServerProcess[], clients: number): Promise<Spread> {
  const dialect = dialectFor('lip');
  const documentId = newDocumentId();
  const readers: { client: RawClient; remote: boolean }[] = [];
  for (let i = 0; i < clients; i += 50) {
    const batch = Array.from({ length: Math.min(50, clients - i) }, (_, j) => {
      const index = (i + j) % servers.length;
      return connect(dialect, servers[index]!.port, documentId, `reader-${(i + j) % 10}`).then(
        (client) => ({ client, remote: index !== 0 }),
      );
    });
    readers.push(...(await Promise.all(batch)));
  }
  const writer = await connect(dialect, servers[0]!.port, documentId, 'writer');
  await sleep(500);
  const doc = new Y.Doc();
  const text = doc.getText('t');
  const sentAt: number[] = [];
  doc.on('update', (update: Uint8Array) => {
    sentAt.push(performance.now());
    writer.socket.send(dialect.frameUpdate(documentId, update));
  });
  const total = Math.floor((DURATION_MS / 1000) * RATE);
  const started = performance.now();
  while (sentAt.length < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE) + 1);
    while (sentAt.length < due) text.insert(0, 'x');
    await sleep(10);
  }
  await sleep(SETTLE_MS);
  const all: number[] = [];
  const local: number[] = [];
  const remote: number[] = [];
  for (const reader of readers) {
    const arrivals = reader.client.arrivals;
    for (let i = 0; i < Math.min(arrivals.length, sentAt.length); i += 1) {
      const latency = arrivals[i]! - sentAt[i]!;
      all.push(latency);
      (reader.remote ? remote : local).push(latency);
    }
  }
  closeAll([...readers.map((r) => r.client), writer]);
  for (const list of [all, local, remote]) list.sort((a, b) => a - b);
  return {
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    p99Local: percentile(local, 99),
    p99Remote: remote.length > 0 ? percentile(remote, 99) : NaN,
    delivered: all.length / (clients * sentAt.length),
  };
}

/** Seconds from `kill -9` of the owner until three typing clients are connected and synced. */
async function measureFailovers(mongodbUri: string, rounds: number): Promise<number[]> {
  const cluster = await startCluster({
    mongodbUri,
    dbName: 'bench_cluster',
    collabSecret: TEST_SECRET,
  });
  const times: number[] = [];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const documentId = newDocumentId();
      const clients = [0, 1, 2].map((index) =>
        connectClient({
          port: cluster.collabPort,
          documentId,
          ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: `typist-${index}` }),
          maxBackoffTime: 100,
        }),
      );
      let ownerPid = 0;
      try {
        await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced', 20_000);
        await waitFor(async () => {
          for (const [name, live] of cluster.processes()) {
            if (!name.startsWith('collab-')) continue;
            const health = await fetch(`http://127.0.0.1:${live.port}/healthz`)
              .then((r) => r.json() as Promise<{ connections: number }>)
              .catch(() => null);
            if ((health?.connections ?? 0) >= clients.length) ownerPid = live.pid;
          }
          return ownerPid !== 0;
        }, 'the owner');
        let n = 0;
        const typing = setInterval(() => {
          clients.forEach((c, i) => c.doc.getArray<string>('log').push([`${i}:${n}`]));
          n += 1;
        }, 25);
        try {
          await sleep(1_000);
          const down = clients.map(() => false);
          clients.forEach((c, i) =>
            c.provider.on('status', (event: { status: string }) => {
              if (event.status === 'disconnected') down[i] = true;
            }),
          );
          const killedAt = performance.now();
          process.kill(ownerPid, 'SIGKILL');
          await waitFor(
            () =>
              down.every(Boolean) &&
              clients.every((c) => c.provider.wsconnected && c.provider.synced),
            'resynced',
            30_000,
          );
          times.push((performance.now() - killedAt) / 1000);
        } finally {
          clearInterval(typing);
        }
      } finally {
        for (const c of clients) c.provider.destroy();
      }
      await waitFor(
        () =>
          [...cluster.processes()].filter(
            ([name, live]) => name.startsWith('collab-') && live.pid !== ownerPid,
          ).length === 3,
        'restarted',
        30_000,
      );
      await sleep(1_500);
      process.stderr.write(`  failover ${round + 1}: ${times.at(-1)?.toFixed(2)} s\n`);
    }
  } finally {
    await cluster.stop();
  }
  return times;
}

/** Runs the section; returns its markdown lines. */
export async function measureCrossProcess(options: {
  mongodbUri: string;
  quick: boolean;
  /** Fan-out client counts (default 1,000; `--cross-clients=1000,3000` on a quiet machine). */
  clientCounts?: number[];
}): Promise<string[]> {
  const repetitions = options.quick ? 1 : 3;
  const clientCounts = options.clientCounts ?? (options.quick ? [200] : [1000]);
  const { loadavg } = await import('node:os');
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0] ?? 0), 5_000);
  const redis = await startRedis();
  const lines: string[] = [];
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < 3; i += 1) {
      servers.push(await startServer('lip', options.mongodbUri, 'bench_cross', redis.url));
    }
    const one = servers.slice(0, 1);
    const two = servers.slice(0, 2);
    // Warm up every process (JIT, relay subscriptions).
    await fanOutAcross(servers, 30);

    const added: Spread[] = [];
    const alone: Spread[] = [];
    for (let r = 0; r < repetitions; r += 1) {
      alone.push(await fanOutAcross(one, 200));
      added.push(await fanOutAcross(two, 200));
      process.stderr.write(
        `  run ${r + 1} second process: p99 local ${added.at(-1)?.p99Local.toFixed(1)} remote ${added.at(-1)?.p99Remote.toFixed(1)}\n`,
      );
    }
    const m = (list: Spread[], pick: (s: Spread) => number) => median(list.map(pick));
    lines.push(
      `### A second process holding the document: one writer at ${RATE} updates/s for ${DURATION_MS / 1000} s, 200 readers (median of ${repetitions})`,
      '',
      '| readers | p50 ms | p99 ms |',
      '|---|---|---|',
      `| all on one process | ${m(alone, (s) => s.p50).toFixed(1)} | ${m(alone, (s) => s.p99).toFixed(1)} |`,
      `| half on the writer's process | - | ${m(added, (s) => s.p99Local).toFixed(1)} |`,
      `| half on a second process (through Redis) | - | ${m(added, (s) => s.p99Remote).toFixed(1)} |`,
      '',
      `p99 added by the second process: ${(m(added, (s) => s.p99Remote) - m(alone, (s) => s.p99)).toFixed(1)} ms (goal: at most 50 ms).`,
      '',
      `### Fan-out over 3 processes against 1, one writer at ${RATE} updates/s (median of ${repetitions})`,
      '',
      '| clients | processes | p50 ms | p99 ms | delivered |',
      '|---|---|---|---|---|',
    );
    for (const clients of clientCounts) {
      const single: Spread[] = [];
      const three: Spread[] = [];
      for (let r = 0; r < repetitions; r += 1) {
        single.push(await fanOutAcross(one, clients));
        three.push(await fanOutAcross(servers, clients));
        process.stderr.write(
          `  run ${r + 1} ${clients}: one p99 ${single.at(-1)?.p99.toFixed(1)}, three p99 ${three.at(-1)?.p99.toFixed(1)}\n`,
        );
      }
      for (const [label, list] of [
        ['1', single],
        ['3', three],
      ] as const) {
        lines.push(
          `| ${clients} | ${label} | ${m(list, (s) => s.p50).toFixed(1)} | ${m(list, (s) => s.p99).toFixed(1)} | ${(m(list, (s) => s.delivered) * 100).toFixed(1)} % |`,
        );
      }
    }
  } finally {
    for (const server of servers) server.stop();
    await redis.stop();
  }
  const rounds = options.quick ? 3 : 20;
  const failovers = (await measureFailovers(options.mongodbUri, rounds)).sort((a, b) => a - b);
  clearInterval(sampler);
  lines.push(
    '',
    `### Failover through HAProxy: kill -9 of the process holding a document, 3 typing clients (${rounds} rounds)`,
    '',
    '| median s | p90 s | max s | goal |',
    '|---|---|---|---|',
    `| ${median(failovers).toFixed(2)} | ${percentile(failovers, 90).toFixed(2)} | ${failovers.at(-1)?.toFixed(2)} | every client reconnected and synced within 5 s |`,
    '',
    `1-minute load average during the section: median ${median(loads).toFixed(1)}, max ${Math.max(...loads).toFixed(1)} on 2 cores (the machine is shared; every latency above grows with it).`,
  );
  return lines;
}
