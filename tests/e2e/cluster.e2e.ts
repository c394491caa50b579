import { CollabCloseCode } from '@lip/common';
import mongoose, { type mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../jest/database';
import { createCollabStore } from '../../collab-server/src/persistence/collab-store';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../../collab-server/src/testing/collab-test-kit';
import { startCluster, type RunningCluster } from '../../scripts/cluster/cluster-process';

jest.setTimeout(240_000);

/**
 * The scaled-out topology of `npm run start:cluster` (3 collab and 2 API processes, Redis,
 * HAProxy, one database), with `kill -9` of the process that holds a document while its clients
 * type.
 */
const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;
let cluster: RunningCluster;

async function health(port: number): Promise<{ connections: number; documents: number } | null> {
  try {
    return (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
      connections: number;
      documents: number;
    };
  } catch {
    return null;
  }
}

async function storedEntries(documentId: string): Promise<string[]> {
  const loaded = await createCollabStore(db).load(documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state);
  return doc.getArray<string>('log').toArray();
}

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  cluster = await startCluster({
    mongodbUri: uri,
    dbName,
    collabSecret: TEST_SECRET,
    // Shorter than the product's 15 s, so the handover test is quick.
    env: { COLLAB_HANDOVER_MS: '3000' },
  });
});

afterAll(async () => {
  await cluster?.stop();
  await connection?.dropDatabase();
  await connection?.close();
});

describe('the cluster behind HAProxy', () => {
  it('serves the API through the balancer with Redis switched on', async () => {
    const response = await fetch(`${cluster.apiUrl}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });

  it('survives kill -9 of the process holding a document: clients resync within 5 s and nothing acknowledged is lost', async () => {
    for (let round = 0; round < 3; round += 1) {
      const documentId = newDocumentId();
      const clients = [0, 1, 2].map((index) =>
        connectClient({
          port: cluster.collabPort,
          documentId,
          ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: `typist-${index}` }),
          maxBackoffTime: 100,
        }),
      );
      let owner: { name: string; pid: number; port: number } | undefined;
      try {
        await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced', 20_000);
        // Which process holds the document: the one with the clients' connections.
        await waitFor(async () => {
          for (const [name, live] of cluster.processes()) {
            if (!name.startsWith('collab-')) continue;
            if (((await health(live.port))?.connections ?? 0) >= clients.length) {
              owner = { name, ...live };
              return true;
            }
          }
          return false;
        }, 'the owning process');

        // When each entry was first seen by another client: the owner had accepted it.
        const acknowledgedAt = new Map<string, number>();
        clients.forEach((c, index) => {
          c.doc.getArray<string>('log').observe((event) => {
            for (const item of event.changes.added) {
              for (const entry of item.content.getContent() as string[]) {
                if (!entry.startsWith(`${index}:`) && !acknowledgedAt.has(entry)) {
                  acknowledgedAt.set(entry, Date.now());
                }
              }
            }
          });
        });
        let n = 0;
        const typing = setInterval(() => {
          clients.forEach((c, index) => c.doc.getArray<string>('log').push([`${index}:${n}`]));
          n += 1;
        }, 25);
        let killedAt = 0;
        let reconnectMs = 0;
        try {
          const typingSince = Date.now();
          await waitFor(
            () => acknowledgedAt.size >= 60 && Date.now() - typingSince > 1_200,
            'typing acknowledged for a second before the kill',
          );
          const disconnected = clients.map(() => false);
          clients.forEach((c, index) =>
            c.provider.on('status', (event: { status: string }) => {
              if (event.status === 'disconnected') disconnected[index] = true;
            }),
          );
          killedAt = Date.now();
          process.kill(owner!.pid, 'SIGKILL');
          await waitFor(
            () =>
              disconnected.every(Boolean) &&
              clients.every((c) => c.provider.wsconnected && c.provider.synced),
            'clients reconnected and synced',
            5_000,
          );
          reconnectMs = Date.now() - killedAt;
          const atReconnect = n;
          await waitFor(() => n >= atReconnect + 10, 'typing after the failover');
        } finally {
          clearInterval(typing);
        }
        expect(reconnectMs).toBeLessThan(5_000);

        const entries = (c: { doc: Y.Doc }) => c.doc.getArray<string>('log').toArray();
        await waitFor(
          () =>
            clients.every((c) => entries(c).length === entries(clients[0]!).length) &&
            new Set(entries(clients[0]!)).size === n * clients.length,
          'the survivors converge on every entry',
          5_000,
        );
        const union = new Set(entries(clients[0]!));
        // A fresh load from the database equals what the survivors hold, without duplicates.
        let stored: string[] = [];
        await waitFor(
          async () => {
            stored = await storedEntries(documentId);
            return stored.length === union.size;
          },
          'the database holds the union',
          10_000,
        );
        expect(new Set(stored)).toEqual(union);
        const acknowledgedBeforeKill = [...acknowledgedAt].filter(([, at]) => at < killedAt - 500);
        expect(acknowledgedBeforeKill.length).toBeGreaterThan(0);
        const inDatabase = new Set(stored);
        for (const [entry] of acknowledgedBeforeKill) expect(inDatabase.has(entry)).toBe(true);
      } finally {
        for (const c of clients) c.provider.destroy();
      }
      // The supervisor brings the killed process back before the next round.
      await waitFor(
        async () =>
          [...cluster.processes()].filter(
            ([name, live]) => name.startsWith('collab-') && live.pid !== owner?.pid,
          ).length === 3,
        'the killed process restarted',
        30_000,
      );
      for (const [name, live] of cluster.processes()) {
        if (name.startsWith('collab-')) {
          await waitFor(async () => (await health(live.port)) !== null, `${name} healthy`, 30_000);
        }
      }
    }
  });

  it('leaves a document on one process after a killed process comes back: the fallback hands its clients over', async () => {
    const documentId = newDocumentId();
    const ticket = (sub: string) => issueTicket(TEST_SECRET, { doc: documentId, sub });
    const collabPorts = () =>
      [...cluster.processes()].filter(([name]) => name.startsWith('collab-'));
    const early = [0, 1].map((index) =>
      connectClient({
        port: cluster.collabPort,
        documentId,
        ticket: ticket(`early-${index}`),
        maxBackoffTime: 100,
      }),
    );
    const late: ReturnType<typeof connectClient>[] = [];
    try {
      await waitFor(() => early.every((c) => c.provider.synced), 'early clients synced', 20_000);
      let owner: { name: string; pid: number } | undefined;
      await waitFor(async () => {
        for (const [name, live] of collabPorts()) {
          if (((await health(live.port))?.connections ?? 0) >= early.length)
            owner = { name, ...live };
        }
        return owner !== undefined;
      }, 'the owning process');
      early[0]!.doc.getText('t').insert(0, 'before the kill. ');
      await waitFor(() => early[1]!.doc.getText('t').toString().length > 0, 'shared');
      process.kill(owner!.pid, 'SIGKILL');
      await waitFor(
        () =>
          early.every(
            (c) => c.closeCodes.length > 0 && c.provider.synced && c.provider.wsconnected,
          ),
        'early clients moved to a fallback process',
        10_000,
      );
      const restarted = () => cluster.processes().get(owner!.name);
      await waitFor(() => restarted()?.pid !== owner!.pid, 'the killed process restarted', 30_000);
      await waitFor(async () => (await health(restarted()!.port)) !== null, 'it answers', 30_000);
      // The balancer takes it back after two health checks: from then on, new clients of the
      // document land there (consistent hashing), while the early ones stay on the fallback.
      await waitFor(
        async () => {
          const probe = connectClient({
            port: cluster.collabPort,
            documentId,
            ticket: ticket(`late-${late.length}`),
            maxBackoffTime: 100,
          });
          late.push(probe);
          await waitFor(() => probe.provider.synced, 'late client synced', 10_000);
          return ((await health(restarted()!.port))?.connections ?? 0) > 0;
        },
        'a new client lands on the restarted process',
        // Two health checks, then the hash sends the document there again; a busy machine (the
        // whole suite in parallel) has taken longer than 20 s.
        45_000,
      );
      late.at(-1)!.doc.getText('t').insert(0, 'after the return. ');
      const settledAt = Date.now();
      // Within 60 s of the topology settling, the document is open on one process only.
      await waitFor(
        async () => {
          for (const [name, live] of collabPorts()) {
            const report = await health(live.port);
            if (!report) return false;
            const expected = name === owner!.name ? 1 : 0;
            if (report.documents !== expected) return false;
          }
          return true;
        },
        'one holder',
        60_000,
      );
      expect(Date.now() - settledAt).toBeLessThan(60_000);
      expect(early.every((c) => c.closeCodes.includes(CollabCloseCode.GoingAway))).toBe(true);
      const all = [...early, ...late.filter((c) => c.provider.wsconnected)];
      await waitFor(
        () =>
          all.every(
            (c) =>
              c.provider.synced &&
              c.doc.getText('t').toString() === all[0]!.doc.getText('t').toString(),
          ),
        'every client converges on the one holder',
      );
      expect(all[0]!.doc.getText('t').toString()).toContain('before the kill.');
      expect(all[0]!.doc.getText('t').toString()).toContain('after the return.');
    } finally {
      for (const c of [...early, ...late]) c.provider.destroy();
    }
  });
});
