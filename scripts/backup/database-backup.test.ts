import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose, { mongo } from 'mongoose';
import { testDatabase } from '../../jest/database';
import { startTestApp, type TestApp } from '../../api/src/testing/test-app';
import { createCollabServer, type CollabServer } from '../../collab-server/src/server';
import * as Y from 'yjs';
import { createCollabStore } from '../../collab-server/src/persistence/collab-store';
import {
  connectClient,
  issueTicket,
  waitFor,
} from '../../collab-server/src/testing/collab-test-kit';
import {
  backupDatabase,
  dumpOrder,
  readManifest,
  restoreDatabase,
  verifyBackup,
} from './database-backup';

jest.setTimeout(60_000);

const { EJSON } = mongo.BSON;
let t: TestApp;
let collab: CollabServer;
let target: mongoose.Connection;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lip-backup-'));
  dirs.push(dir);
  return dir;
}

function sourceDb(): mongo.Db {
  const db = t.app.deps.connection.db;
  if (!db) throw new Error('no db');
  return db;
}

/** Every collection as sorted canonical EJSON lines, plus its index definitions. */
async function contents(
  db: mongo.Db,
): Promise<Record<string, { docs: string[]; indexes: string[] }>> {
  const out: Record<string, { docs: string[]; indexes: string[] }> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    const docs = await db.collection(name).find({}).toArray();
    const indexes = await db.collection(name).listIndexes().toArray();
    out[name] = {
      docs: docs.map((doc) => EJSON.stringify(doc, { relaxed: false })).sort(),
      indexes: indexes
        .map(
          (index) =>
            `${String(index.name)} ${JSON.stringify(index.key)} ${index.unique ? 'unique' : ''}`,
        )
        .sort(),
    };
  }
  return out;
}

beforeAll(async () => {
  t = await startTestApp(__filename);
  collab = createCollabServer({
    database: { db: sourceDb() },
    secret: t.app.deps.secrets.collabSecret,
    // Compact often, so the backup holds snapshots as well as update records; never evict during
    // the test (a document leaving memory is compacted, which would change the data under it).
    timings: {
      storeBatchMs: 10,
      compactAfterUpdates: 5,
      projectionDebounceMs: 20,
      evictAfterMs: 3_600_000,
    },
  });
  const { port, internalPort } = await collab.listen(0);
  t.app.deps.config.collabInternalUrl = `http://127.0.0.1:${internalPort}`;

  // Collab updates, a compaction snapshot and a named version on a seeded document.
  const document = await t.app.deps.models.Document.findOne({}).lean();
  const documentId = String(document?._id);
  const adminId = await t.personId('admin@lip.example');
  const client = connectClient({
    port,
    documentId,
    ticket: issueTicket(t.app.deps.secrets.collabSecret, { doc: documentId, sub: adminId }),
  });
  const admin = await t.signIn('admin@lip.example');
  try {
    await waitFor(() => client.provider.synced, 'the first sync');
    const log = client.doc.getArray<string>('backup-log');
    // Each edit is one stored record: wait until the database holds it before the next.
    const edit = async (round: number) => {
      log.push([`edit ${round} äöü ß`]);
      await waitFor(async () => {
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await createCollabStore(sourceDb()).load(documentId)).state);
        return stored.getArray('backup-log').length === round + 1;
      }, `edit ${round} stored`);
    };
    // 12 rounds compact twice, then a version, then edits whose records stay uncompacted.
    for (let round = 0; round < 12; round += 1) await edit(round);
    const version = await admin.gql(
      'mutation ($input: CreateDocumentVersionInput!) { createDocumentVersion(input: $input) { version { id } } }',
      { input: { documentId, label: 'Sicherung' } },
    );
    if (version.errors) throw new Error(JSON.stringify(version.errors));
    // Records after the last compaction (one write round per edit; compaction every 5 records).
    let round = 12;
    do await edit(round++);
    while ((await sourceDb().collection('collab_updates').countDocuments({})) === 0);
  } finally {
    client.provider.destroy();
  }
  await collab.flush();

  const { uri, dbName } = testDatabase(`${__filename}:target`);
  target = await mongoose.createConnection(uri, { dbName }).asPromise();
});

afterAll(async () => {
  await collab.close();
  await target.dropDatabase();
  await target.close();
  await t.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('database backup and restore', () => {
  it('backs up a seeded database with collab updates, snapshots and versions, and restores every collection exactly', async () => {
    const source = await contents(sourceDb());
    // Every kind of record the product writes is in the backup (the name shows in a failure).
    for (const name of [
      'people',
      'collab_updates',
      'collab_snapshots',
      'document_versions',
      'document_version_chunks',
    ]) {
      expect({ name, count: source[name]?.docs.length ?? 0 }).toEqual({
        name,
        count: expect.any(Number) as number,
      });
      expect(source[name]?.docs.length ?? 0).toBeGreaterThan(0);
    }
    const dir = tempDir();
    const manifest = await backupDatabase(sourceDb(), dir);
    expect(manifest.collections.map((c) => c.name).sort()).toEqual(Object.keys(source).sort());
    for (const entry of manifest.collections) {
      expect(entry.count).toBe(source[entry.name]?.docs.length);
    }
    expect(await verifyBackup(dir)).toEqual([]);

    const db = target.db;
    if (!db) throw new Error('no db');
    await restoreDatabase(db, dir);
    expect(await contents(db)).toEqual(source);
  });

  it('dumps update records before snapshots and version headers before their chunks', () => {
    expect(
      dumpOrder([
        'document_version_chunks',
        'collab_snapshots',
        'people',
        'document_versions',
        'collab_updates',
        'activities',
      ]),
    ).toEqual([
      'activities',
      'people',
      'collab_updates',
      'collab_snapshots',
      'document_versions',
      'document_version_chunks',
    ]);
  });

  it('refuses to restore into a database that holds documents', async () => {
    const dir = tempDir();
    await backupDatabase(sourceDb(), dir);
    await expect(restoreDatabase(sourceDb(), dir)).rejects.toThrow(/is not empty/);
  });

  it('finds a damaged or truncated backup file before restoring anything', async () => {
    const dir = tempDir();
    const manifest = await backupDatabase(sourceDb(), dir);
    const entry = manifest.collections.find((c) => c.name === 'collab_updates');
    if (!entry) throw new Error('no collab_updates in the backup');
    const file = join(dir, entry.file);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    expect(await verifyBackup(dir)).toEqual([`${entry.file}: checksum differs from the manifest`]);
    const { uri, dbName } = testDatabase(`${__filename}:damaged`);
    const empty = await mongoose.createConnection(uri, { dbName }).asPromise();
    try {
      if (!empty.db) throw new Error('no db');
      await expect(restoreDatabase(empty.db, dir)).rejects.toThrow(/damaged/);
      expect(await empty.db.listCollections().toArray()).toEqual([]);
    } finally {
      await empty.close();
    }
    expect(readManifest(dir).collections).toHaveLength(manifest.collections.length);
  });
});
