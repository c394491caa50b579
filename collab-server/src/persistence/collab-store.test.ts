import mongoose, { mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../../jest/database';
import { createCollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../testing/collab-test-kit';
import { createCollabStore } from './collab-store';

// Generous limits: CI runs these beside other suites on two shared cores.
jest.setTimeout(30_000);

const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  await createCollabStore(db).ensureIndexes();
});

afterAll(async () => {
  await db.dropDatabase();
  await connection.close();
});

function updatesOf(count: number, prefix: string): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i += 1) doc.getText('t').insert(0, `${prefix}${i};`);
  return { doc, updates };
}

function textOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

describe('collab store', () => {
  it('loads a chunked snapshot plus the updates stored after it', async () => {
    const store = createCollabStore(db, { snapshotPartBytes: 64 });
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(30, 'x');
    await store.appendUpdates(
      documentId,
      updates.slice(0, 20).map((update, i) => ({ seq: i + 1, update })),
    );
    const partial = new Y.Doc();
    for (const update of updates.slice(0, 20)) Y.applyUpdate(partial, update);
    await store.writeSnapshot(
      documentId,
      { seq: 20, nextRecord: 21 },
      Y.encodeStateAsUpdate(partial),
    );
    await store.appendUpdates(
      documentId,
      updates.slice(20).map((update, i) => ({ seq: i + 21, update })),
    );
    expect(
      await db.collection('collab_snapshots').countDocuments({ doc: documentId }),
    ).toBeGreaterThan(1);
    const loaded = await store.load(documentId);
    expect(textOf(loaded.state)).toBe(doc.getText('t').toString());
    expect(loaded.lastSeq).toBe(30);
    expect(loaded.updatesSinceSnapshot).toBe(10);
  });

  it('loads a compacted document with lookups by _id only, and takes the query path once records follow', async () => {
    const client = new mongo.MongoClient(uri, { monitorCommands: true });
    await client.connect();
    try {
      const filters: Array<Record<string, unknown>> = [];
      client.on('commandStarted', (event) => {
        if (event.commandName === 'find')
          filters.push(event.command.filter as Record<string, unknown>);
      });
      const store = createCollabStore(client.db(dbName));
      const documentId = newDocumentId();
      const { doc, updates } = updatesOf(12, 'h');
      const upTo10 = new Y.Doc();
      for (const update of updates.slice(0, 10)) Y.applyUpdate(upTo10, update);
      await store.writeSnapshot(
        documentId,
        { seq: 10, nextRecord: 4 },
        Y.encodeStateAsUpdate(upTo10),
      );

      filters.length = 0;
      const compacted = await store.loadParts(documentId);
      expect(compacted).toMatchObject({ lastSeq: 10, nextRecord: 4, updatesSinceSnapshot: 0 });
      expect(compacted.parts).toHaveLength(1);
      // FerretDB on SQLite pushes only `_id` equality down; every other filter reads it all.
      expect(filters.every((filter) => Object.keys(filter).join() === '_id')).toBe(true);

      await store.appendRound(documentId, { record: 4, seq: 12, updates: updates.slice(10) });
      const later = await store.loadParts(documentId);
      expect(later).toMatchObject({ lastSeq: 12, nextRecord: 5, updatesSinceSnapshot: 1 });
      const loaded = new Y.Doc();
      for (const part of later.parts) Y.applyUpdate(loaded, part);
      expect(loaded.getText('t').toString()).toBe(doc.getText('t').toString());
    } finally {
      await client.close();
    }
  });

  it('ignores a retried batch that was already stored', async () => {
    const store = createCollabStore(db);
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(3, 'r');
    const batch = updates.map((update, i) => ({ seq: i + 1, update }));
    await store.appendUpdates(documentId, batch);
    await store.appendUpdates(documentId, batch);
    expect(await db.collection('collab_updates').countDocuments({ doc: documentId })).toBe(3);
    expect(textOf((await store.load(documentId)).state)).toBe(doc.getText('t').toString());
  });

  it('stores a write round as one record, ignores its retry, and loads it beside single updates', async () => {
    const store = createCollabStore(db);
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(40, 'r');
    // A record from before rounds existed (one update), then two rounds.
    await store.appendUpdates(documentId, [{ seq: 1, update: updates[0] as Uint8Array }]);
    await store.appendRound(documentId, { record: 2, seq: 20, updates: updates.slice(1, 20) });
    await store.appendRound(documentId, { record: 2, seq: 20, updates: updates.slice(1, 20) });
    await store.appendRound(documentId, { record: 3, seq: 40, updates: updates.slice(20) });

    expect(await db.collection('collab_updates').countDocuments({ doc: documentId })).toBe(3);
    const loaded = await store.load(documentId);
    expect(textOf(loaded.state)).toBe(doc.getText('t').toString());
    expect(loaded.lastSeq).toBe(40);
    expect(loaded.updatesSinceSnapshot).toBe(3);
    expect(loaded.nextRecord).toBe(4);
    expect(loaded.bytesSinceSnapshot).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0));
  });

  it('keeps updates that are stored while a snapshot is written', async () => {
    const store = createCollabStore(db, { snapshotPartBytes: 32 });
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(40, 'c');
    await store.appendUpdates(
      documentId,
      updates.slice(0, 20).map((update, i) => ({ seq: i + 1, update })),
    );
    const upTo20 = new Y.Doc();
    for (const update of updates.slice(0, 20)) Y.applyUpdate(upTo20, update);
    await Promise.all([
      store.writeSnapshot(documentId, { seq: 20, nextRecord: 21 }, Y.encodeStateAsUpdate(upTo20)),
      ...updates
        .slice(20)
        .map((update, i) => store.appendUpdates(documentId, [{ seq: i + 21, update }])),
    ]);
    expect(textOf((await store.load(documentId)).state)).toBe(doc.getText('t').toString());
  });

  it('compacts a live document while clients keep typing, without losing an update', async () => {
    const server = createCollabServer({
      database: { db },
      secret: TEST_SECRET,
      // 120 quick edits stay within the default burst allowance of the message rate limit.
      timings: { compactAfterUpdates: 4, compactAfterBytes: 400, storeBatchMs: 10 },
    });
    const { port } = await server.listen(0);
    const documentId = newDocumentId();
    const c = connectClient({
      port,
      documentId,
      ticket: issueTicket(TEST_SECRET, { doc: documentId }),
    });
    try {
      await waitFor(() => c.provider.synced, 'synced');
      for (let i = 0; i < 120; i += 1) {
        c.doc.getText('t').insert(0, `k${i};`);
        if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const expected = c.doc.getText('t').toString();

      await waitFor(
        async () => textOf((await createCollabStore(db).load(documentId)).state) === expected,
        'all updates stored',
        20_000,
      );
      expect(
        await db.collection('collab_snapshots').countDocuments({ doc: documentId }),
      ).toBeGreaterThan(0);
      expect(
        await db.collection('collab_updates').countDocuments({ doc: documentId }),
      ).toBeLessThan(120);
    } finally {
      c.provider.destroy();
      await server.close();
    }
  });
});
