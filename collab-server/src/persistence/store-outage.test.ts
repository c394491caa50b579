import { connect, createServer, type Server, type Socket } from 'node:net';
import { CollabCloseCode } from '@lip/common';
import mongoose, { type mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../../jest/database';
import { createCollabServer, type CollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../testing/collab-test-kit';
import { createCollabStore } from './collab-store';

jest.setTimeout(60_000);

const { uri, dbName } = testDatabase(__filename);

/**
 * A TCP proxy in front of the real database that can be switched off (dropping every open
 * socket and refusing new ones) to simulate an outage, and on again.
 */
function startProxy(
  target: URL,
): Promise<{ server: Server; port: number; setUp: (up: boolean) => void }> {
  let up = true;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        server,
        port: typeof address === 'object' && address ? address.port : 0,
        setUp(next: boolean) {
          up = next;
          if (!up) for (const socket of sockets) socket.destroy();
        },
      });
    });
  });
}

let direct: mongoose.Connection;
let db: mongo.Db;
let proxied: mongoose.Connection;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let server: CollabServer;
let port: number;

beforeAll(async () => {
  direct = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!direct.db) throw new Error('no db');
  db = direct.db;
  proxy = await startProxy(new URL(uri));
  proxied = await mongoose
    .createConnection(`mongodb://127.0.0.1:${proxy.port}/`, {
      dbName,
      serverSelectionTimeoutMS: 300,
      socketTimeoutMS: 1000,
      heartbeatFrequencyMS: 500,
    })
    .asPromise();
  if (!proxied.db) throw new Error('no db');
  server = createCollabServer({
    database: { db: proxied.db },
    secret: TEST_SECRET,
    timings: { storeRetryMs: 50, storeRetryMaxMs: 400, evictAfterMs: 100 },
  });
  ({ port } = await server.listen(0));
});

afterAll(async () => {
  proxy.setUp(true);
  await server.close();
  await proxied.close();
  proxy.server.close();
  await db.dropDatabase();
  await direct.close();
});

async function health(): Promise<{ status: string; store: string; pendingUpdates: number }> {
  return (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
    status: string;
    store: string;
    pendingUpdates: number;
  };
}

function storedText(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

describe('database outage', () => {
  it('keeps editing in memory while the database is down, reports degraded, and stores everything once it is back', async () => {
    const documentId = newDocumentId();
    const alice = connectClient({
      port,
      documentId,
      ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: 'alice' }),
    });
    const bob = connectClient({
      port,
      documentId,
      ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: 'bob' }),
    });
    try {
      await waitFor(() => alice.provider.synced && bob.provider.synced, 'synced');
      alice.doc.getText('t').insert(0, 'vorher ');
      await waitFor(
        async () => storedText((await createCollabStore(db).load(documentId)).state) === 'vorher ',
        'first edit stored',
      );

      proxy.setUp(false);
      alice.doc.getText('t').insert(7, 'während ');
      bob.doc.getText('t').insert(0, '[bob] ');
      // Co-editing carries on without the database.
      await waitFor(
        () =>
          bob.doc.getText('t').toString() === alice.doc.getText('t').toString() &&
          alice.doc.getText('t').toString().includes('[bob]') &&
          bob.doc.getText('t').toString().includes('während'),
        'edits relayed during the outage',
      );
      await waitFor(async () => (await health()).store === 'degraded', 'degraded health', 15_000);
      expect((await health()).pendingUpdates).toBeGreaterThan(0);

      proxy.setUp(true);
      const expected = alice.doc.getText('t').toString();
      await waitFor(
        async () => storedText((await createCollabStore(db).load(documentId)).state) === expected,
        'everything stored after the outage',
        20_000,
      );
      await waitFor(async () => (await health()).store === 'ok', 'healthy again', 10_000);
    } finally {
      alice.provider.destroy();
      bob.provider.destroy();
    }
  });

  it('refuses a new connection with 1013 while revocations cannot be checked, even for a document in memory', async () => {
    const documentId = newDocumentId();
    const alice = connectClient({
      port,
      documentId,
      ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: 'alice' }),
    });
    let bob: ReturnType<typeof connectClient> | undefined;
    try {
      await waitFor(() => alice.provider.synced, 'alice synced: the document is in memory');
      proxy.setUp(false);
      bob = connectClient({
        port,
        documentId,
        ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: 'bob' }),
      });
      const refused = bob;
      await waitFor(() => refused.closeCodes.length > 0, 'bob refused', 15_000);
      // Fail closed: never admitted without the answer, and told to try again later.
      expect(refused.closeCodes[0]).toBe(CollabCloseCode.DocumentUnavailable);
      expect(refused.provider.synced).toBe(false);
      proxy.setUp(true);
      await waitFor(
        () => refused.provider.synced,
        'bob admitted once the database answers',
        20_000,
      );
    } finally {
      proxy.setUp(true);
      alice.provider.destroy();
      bob?.provider.destroy();
    }
  });

  it('closes with DocumentUnavailable (1013) when a document cannot be loaded, and a later connect loads it once the database is back', async () => {
    const documentId = newDocumentId();
    proxy.setUp(false);
    const carol = connectClient({
      port,
      documentId,
      ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: 'carol' }),
    });
    try {
      await waitFor(() => carol.closeCodes.length > 0, 'closed while loading fails', 15_000);
      expect(carol.closeCodes[0]).toBe(CollabCloseCode.DocumentUnavailable);
      expect(carol.provider.synced).toBe(false);
      // The official client retries 1013 by itself (so the registry may already be loading it
      // again); it syncs once the database answers, which proves the failed load was not kept.
      proxy.setUp(true);
      await waitFor(() => carol.provider.synced, 'synced after the outage', 20_000);
      carol.doc.getText('t').insert(0, 'danach');
      await waitFor(
        async () => storedText((await createCollabStore(db).load(documentId)).state) === 'danach',
        'edit after the outage stored',
        20_000,
      );
    } finally {
      proxy.setUp(true);
      carol.provider.destroy();
    }
  });
});
