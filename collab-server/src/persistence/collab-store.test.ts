import mongoose, { mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../../jest/database';
import { createCollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  seededRandom,
  waitFor,
} from '../testing/collab-test-kit';
import { createCollabStore } from './collab-store';

// Generous limits: CI runs these beside other suites on two shared cores.
// Several writers racing on the real engine: alone a few seconds, on a busy shared machine far
// longer; the limit only bounds a hang.
jest.setTimeout(120_000);

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
  it('loads a chunked snapshot plus the records stored after it', async () => {
    const store = createCollabStore(db, { snapshotPartBytes: 64 });
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(30, 'x');
    await store.appendUpdates(
      documentId,
      updates.slice(0, 20).map((update, i) => ({ seq: i + 1, update })),
    );
    const chain = { gen: 0 };
    expect(await store.compact(documentId, chain)).toBe(true);
    expect(chain.gen).toBe(1);
    for (const [i, update] of updates.slice(20).entries()) {
      await store.appendRound(
        documentId,
        { record: 21 + i, writer: `w.${i}`, updates: [update] },
        chain,
      );
    }
    expect(
      await db.collection('collab_snapshots').countDocuments({ doc: documentId }),
    ).toBeGreaterThan(1);
    const loaded = await store.load(documentId);
    expect(textOf(loaded.state)).toBe(doc.getText('t').toString());
    expect(loaded).toMatchObject({ nextRecord: 31, gen: 1, updatesSinceSnapshot: 10 });
  });

  it('loads a compacted document, and the records after its snapshot, with lookups by _id only', async () => {
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
      const chain = { gen: 0 };
      await store.appendRound(
        documentId,
        { record: 1, writer: 'a.1', updates: updates.slice(0, 10) },
        chain,
      );
      await store.compact(documentId, chain);

      filters.length = 0;
      const compacted = await store.loadParts(documentId);
      expect(compacted).toMatchObject({ nextRecord: 2, gen: 1, updatesSinceSnapshot: 0 });
      expect(compacted.parts).toHaveLength(1);
      // FerretDB on SQLite pushes only `_id` equality down; every other filter reads it all.
      expect(filters.every((filter) => Object.keys(filter).join() === '_id')).toBe(true);
      // The hint, the head and the one after it, the snapshot, one probe for a record after it
      // (read with the snapshot), the check for a newer head: no window of probes on a cold open.
      expect(filters).toHaveLength(6);

      await store.appendRound(
        documentId,
        { record: 2, writer: 'a.2', updates: updates.slice(10) },
        chain,
      );
      filters.length = 0;
      const later = await store.loadParts(documentId);
      expect(later).toMatchObject({ nextRecord: 3, updatesSinceSnapshot: 1 });
      expect(filters.every((filter) => Object.keys(filter).join() === '_id')).toBe(true);
      const loaded = new Y.Doc();
      for (const part of later.parts) Y.applyUpdate(loaded, part);
      expect(loaded.getText('t').toString()).toBe(doc.getText('t').toString());
    } finally {
      await client.close();
    }
  });

  it('ignores a retried seed batch that was already stored', async () => {
    const store = createCollabStore(db);
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(3, 'r');
    const batch = updates.map((update, i) => ({ seq: i + 1, update }));
    await store.appendUpdates(documentId, batch);
    await store.appendUpdates(documentId, batch);
    expect(await db.collection('collab_updates').countDocuments({ doc: documentId })).toBe(3);
    expect(textOf((await store.load(documentId)).state)).toBe(doc.getText('t').toString());
  });

  it("recognises the retry of its own round and gives another writer's round the next number", async () => {
    const store = createCollabStore(db);
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(40, 'r');
    const chain = { gen: 0 };
    const mine = { record: 1, writer: 'mine.1', updates: updates.slice(0, 20) };
    expect(await store.appendRound(documentId, mine, chain)).toBe(1);
    // The acknowledgement was lost: the same round again is the same record.
    expect(await store.appendRound(documentId, mine, chain)).toBe(1);
    // Another process expected number 1 as well.
    const theirs = { record: 1, writer: 'theirs.1', updates: updates.slice(20) };
    expect(await store.appendRound(documentId, theirs, { gen: 0 })).toBe(2);

    expect(await db.collection('collab_updates').countDocuments({ doc: documentId })).toBe(2);
    const loaded = await store.load(documentId);
    expect(textOf(loaded.state)).toBe(doc.getText('t').toString());
    expect(loaded).toMatchObject({ nextRecord: 3, updatesSinceSnapshot: 2 });
    expect(loaded.bytesSinceSnapshot).toBe(updates.reduce((sum, u) => sum + u.byteLength, 0));
  });

  it('loses and duplicates nothing while several processes append and compact one document at once', async () => {
    const documentId = newDocumentId();
    const writers = 3;
    const rounds = 40;
    const clients = await Promise.all(
      Array.from({ length: writers }, () => new mongo.MongoClient(uri).connect()),
    );
    try {
      await Promise.all(
        clients.map(async (client, w) => {
          const store = createCollabStore(client.db(dbName), { snapshotPartBytes: 256 });
          const random = seededRandom(100 + w);
          const doc = new Y.Doc();
          const chain = { gen: 0 };
          let next = 1;
          for (let round = 0; round < rounds; round += 1) {
            const updates: Uint8Array[] = [];
            const collect = (update: Uint8Array) => updates.push(update);
            doc.on('update', collect);
            doc.getArray<string>('log').push([`${w}:${round}`]);
            doc.off('update', collect);
            // The last writer sometimes starts from a long-gone record number, as a process
            // that held the document idle while others wrote and compacted.
            const from = w === writers - 1 && random() < 0.3 ? 1 : next;
            next =
              (await store.appendRound(
                documentId,
                { record: from, writer: `${w}.${round}`, updates },
                chain,
              )) + 1;
            if (random() < 0.2) await store.compact(documentId, chain);
          }
          await store.compact(documentId, chain);
        }),
      );
    } finally {
      await Promise.all(clients.map((client) => client.close()));
    }
    const loaded = await createCollabStore(db).load(documentId);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.state);
    const entries = doc.getArray<string>('log').toArray();
    const expected = Array.from({ length: writers }, (_, w) =>
      Array.from({ length: rounds }, (_, round) => `${w}:${round}`),
    ).flat();
    expect([...entries].sort()).toEqual([...expected].sort());
    expect(await db.collection('collab_updates').countDocuments({ doc: documentId })).toBe(0);
  });

  it('stores a snapshot deflated, smaller than its Yjs state, and reads it back unchanged', async () => {
    const store = createCollabStore(db);
    const documentId = newDocumentId();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 200; i += 1) doc.getText('t').insert(i * 30, `Absatz ${i}: Ausgangslage. `);
    await store.appendUpdates(
      documentId,
      updates.map((update, i) => ({ seq: i + 1, update })),
    );
    await store.compact(documentId, { gen: 0 });
    const state = Y.encodeStateAsUpdate(doc);
    const stored = await db
      .collection<{ enc?: string; data: mongo.Binary }>('collab_snapshots')
      .find({ doc: documentId })
      .toArray();
    expect(stored.map((part) => part.enc)).toEqual(['deflate-raw']);
    expect(stored[0]!.data.position).toBeLessThan(state.byteLength / 2);
    const loaded = await store.loadParts(documentId);
    expect(loaded.parts).toHaveLength(1);
    expect(Y.encodeStateVectorFromUpdate(loaded.parts[0]!)).toEqual(Y.encodeStateVector(doc));
    expect(textOf(loaded.parts[0]!)).toBe(doc.getText('t').toString());
  });

  it('reads and compacts a document stored before the chain of heads (head with seq and nextRecord)', async () => {
    const documentId = newDocumentId();
    const { doc, updates } = updatesOf(6, 'alt');
    const upTo4 = new Y.Doc();
    for (const update of updates.slice(0, 4)) Y.applyUpdate(upTo4, update);
    await db.collection('collab_snapshots').insertOne({
      _id: `${documentId}/s/4/0`,
      doc: documentId,
      seq: 4,
      part: 0,
      parts: 1,
      data: new mongo.Binary(Y.encodeStateAsUpdate(upTo4)),
      createdAt: new Date(),
    } as never);
    await db.collection('collab_heads').insertOne({
      _id: documentId,
      seq: 4,
      parts: 1,
      nextRecord: 3,
      updatedAt: new Date(),
    } as never);
    await db.collection('collab_updates').insertOne({
      _id: `${documentId}/r/3`,
      doc: documentId,
      seq: 6,
      rec: 3,
      updates: updates.slice(4).map((u) => new mongo.Binary(u)),
      bytes: 10,
      createdAt: new Date(),
    } as never);
    const store = createCollabStore(db);
    const expected = doc.getText('t').toString();
    expect(textOf((await store.load(documentId)).state)).toBe(expected);
    const chain = { gen: 0 };
    await store.compact(documentId, chain);
    expect(chain.gen).toBe(1);
    const after = await store.load(documentId);
    expect(textOf(after.state)).toBe(expected);
    expect(after).toMatchObject({ nextRecord: 4, gen: 1, updatesSinceSnapshot: 0 });
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
      // Compaction runs after the rounds it covers are stored: on a busy machine a moment later.
      await waitFor(
        async () =>
          (await db.collection('collab_snapshots').countDocuments({ doc: documentId })) > 0,
        'a snapshot',
        20_000,
      );
      expect(
        await db.collection('collab_updates').countDocuments({ doc: documentId }),
      ).toBeLessThan(120);
    } finally {
      c.provider.destroy();
      await server.close();
    }
  });
});
