import { CollabCloseCode } from '@lip/common';
import mongoose, { type mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../../jest/database';
import { createCollabStore } from '../persistence/collab-store';
import { createCollabServer, type CollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  seededRandom,
  waitFor,
} from '../testing/collab-test-kit';
import { createMemoryHub } from './relay-bus';
import { RelayKind, encodeRelayMessage, relayChannel } from './relay-message';

jest.setTimeout(60_000);

const { uri, dbName } = testDatabase(__filename);
const PREFIX = 'test:collab:';
let connection: mongoose.Connection;
let db: mongo.Db;
const hub = createMemoryHub();
const servers: { server: CollabServer; port: number }[] = [];
const cleanups: Array<() => void> = [];

async function startServer(instanceId: string, handoverMs = 600_000) {
  const server = createCollabServer({
    database: { db },
    secret: TEST_SECRET,
    instanceId,
    relay: { bus: hub.createBus(), prefix: PREFIX },
    timings: { projectionDebounceMs: 50, evictAfterMs: 200, handoverMs },
  });
  const { port } = await server.listen(0);
  servers.push({ server, port });
  return { server, port };
}

function client(port: number, documentId: string, sub: string) {
  const c = connectClient({
    port,
    documentId,
    ticket: issueTicket(TEST_SECRET, { doc: documentId, sub }),
  });
  cleanups.push(() => c.provider.destroy());
  return c;
}

const text = (doc: Y.Doc) => doc.getText('t').toString();
const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('base64');

async function metricValue(server: CollabServer, name: string, labels: string): Promise<number> {
  const metrics = await server.metrics.getMetricsAsJSON();
  const metric = metrics.find((m) => m.name === name);
  const value = (metric?.values ?? []).find((v) =>
    Object.entries(v.labels).every(([k, l]) => labels.includes(`${k}="${String(l)}"`)),
  );
  return value?.value ?? 0;
}

async function storedText(documentId: string): Promise<string> {
  const loaded = await createCollabStore(db).load(documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state);
  return text(doc);
}

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  hub.setUp(true);
});

afterAll(async () => {
  for (const { server } of servers) await server.close();
  await db.dropDatabase();
  await connection.close();
});

describe('the cross-process relay', () => {
  it('makes clients on two servers holding one document converge, text and state vectors', async () => {
    const a = servers[0] ?? (await startServer('instance-a'));
    const b = servers[1] ?? (await startServer('instance-b'));
    const documentId = newDocumentId();
    const clients = [
      client(a.port, documentId, 'pa1'),
      client(a.port, documentId, 'pa2'),
      client(b.port, documentId, 'pb1'),
      client(b.port, documentId, 'pb2'),
    ];
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced');
    const random = seededRandom(13);
    for (let round = 0; round < 40; round += 1) {
      const c = clients[Math.floor(random() * clients.length)]!;
      const t = c.doc.getText('t');
      if (t.length > 0 && random() < 0.25) t.delete(Math.floor(random() * t.length), 1);
      else t.insert(Math.floor(random() * (t.length + 1)), String.fromCharCode(97 + (round % 26)));
    }
    await waitFor(
      () =>
        clients.every(
          (c) => text(c.doc) === text(clients[0]!.doc) && vector(c.doc) === vector(clients[0]!.doc),
        ),
      'clients converge',
      2_000,
    );
    expect(text(clients[0]!.doc).length).toBeGreaterThan(0);
    await a.server.flush();
    await b.server.flush();
    expect(await storedText(documentId)).toBe(text(clients[0]!.doc));
  });

  it('brings a server that opens a document later up to date with what the other holds', async () => {
    const a = servers[0] ?? (await startServer('instance-a'));
    const b = servers[1] ?? (await startServer('instance-b'));
    const documentId = newDocumentId();
    const first = client(a.port, documentId, 'early');
    await waitFor(() => first.provider.synced, 'first synced');
    first.doc.getText('t').insert(0, 'written before the second server held it');
    const late = client(b.port, documentId, 'late');
    await waitFor(() => text(late.doc) === text(first.doc), 'late client sees the text', 2_000);
    late.doc.getText('t').insert(0, '> ');
    await waitFor(() => text(first.doc) === text(late.doc), 'first client sees the reply', 2_000);
  });

  it('ignores and counts messages from an unknown instance and for documents not in memory', async () => {
    const a = servers[0] ?? (await startServer('instance-a'));
    const documentId = newDocumentId();
    const c = client(a.port, documentId, 'victim');
    await waitFor(() => c.provider.synced, 'synced');
    const intruder = hub.createBus();
    const forged = new Y.Doc();
    forged.getText('t').insert(0, 'forged');
    const update = Y.encodeStateAsUpdate(forged);
    const unknownBefore = await metricValue(
      a.server,
      'collab_relay_ignored_total',
      'reason="unknown-instance"',
    );
    const unloadedBefore = await metricValue(
      a.server,
      'collab_relay_ignored_total',
      'reason="unloaded-document"',
    );
    // Signed with another secret: not one of this deployment's processes.
    await intruder.publish(
      relayChannel(PREFIX, documentId),
      encodeRelayMessage('another-deployment-secret-0123456789abcdef', {
        kind: RelayKind.Update,
        sender: 'intruder',
        target: '',
        documentId,
        payload: update,
      }),
    );
    // Correctly signed, but on a channel for a document this server does not hold.
    const other = newDocumentId();
    await intruder.subscribe(relayChannel(PREFIX, other));
    const listening = await startServer('instance-listening');
    const listener = client(listening.port, other, 'holder');
    await waitFor(() => listener.provider.synced, 'listener synced');
    await intruder.publish(
      relayChannel(PREFIX, other),
      encodeRelayMessage(TEST_SECRET, {
        kind: RelayKind.Update,
        sender: 'instance-x',
        target: '',
        documentId: documentId,
        payload: update,
      }),
    );
    await waitFor(
      async () =>
        (await metricValue(a.server, 'collab_relay_ignored_total', 'reason="unknown-instance"')) >
          unknownBefore &&
        (await metricValue(
          listening.server,
          'collab_relay_ignored_total',
          'reason="unloaded-document"',
        )) > unloadedBefore,
      'ignored messages counted',
    );
    expect(text(c.doc)).toBe('');
    expect(text(listener.doc)).toBe('');
    await intruder.close();
  });

  it('keeps editing alone while the relay is down, says so in /healthz, and resyncs without loss', async () => {
    const a = servers[0] ?? (await startServer('instance-a'));
    const b = servers[1] ?? (await startServer('instance-b'));
    const documentId = newDocumentId();
    const onA = client(a.port, documentId, 'alone-a');
    const onB = client(b.port, documentId, 'alone-b');
    await waitFor(() => onA.provider.synced && onB.provider.synced, 'synced');
    onA.doc.getText('t').insert(0, 'before. ');
    await waitFor(() => text(onB.doc) === 'before. ', 'relayed before the outage', 2_000);

    hub.setUp(false);
    const health = await (await fetch(`http://127.0.0.1:${a.port}/healthz`)).json();
    expect(health).toMatchObject({ status: 'degraded', relay: 'degraded', store: 'ok' });
    onA.doc.getText('t').insert(onA.doc.getText('t').length, 'typed on A. ');
    onB.doc.getText('t').insert(0, 'typed on B. ');
    await a.server.flush();
    await b.server.flush();
    expect(text(onA.doc)).not.toContain('typed on B');

    hub.setUp(true);
    await waitFor(
      () => text(onA.doc) === text(onB.doc) && text(onA.doc).includes('typed on B'),
      'resynced after the outage',
      2_000,
    );
    expect(text(onA.doc)).toContain('typed on A');
    await a.server.flush();
    await b.server.flush();
    expect(await storedText(documentId)).toBe(text(onA.doc));
  });

  it('hands a document over to the server its clients arrived at last, and keeps it there', async () => {
    const first = await startServer('instance-first', 300);
    const last = await startServer('instance-last', 300);
    const documentId = newDocumentId();
    const early = client(first.port, documentId, 'early');
    // Pinned to its server, the early client would come back there and claim again: it stays
    // away once handed over (a balancer would send it to the last server).
    early.provider.on('connection-close', () => (early.provider.shouldConnect = false));
    await waitFor(() => early.provider.synced, 'early client synced');
    const late = client(last.port, documentId, 'late');
    await waitFor(() => late.provider.synced, 'late client synced');
    await waitFor(
      () => early.closeCodes.includes(CollabCloseCode.GoingAway),
      'the first server handed its client over',
    );
    expect(late.closeCodes).toEqual([]);
    await waitFor(
      () => !first.server.documentsInMemory().includes(documentId),
      'the first server evicted the document',
    );
    expect(last.server.documentsInMemory()).toContain(documentId);
    expect(late.closeCodes).toEqual([]);
  });
});
