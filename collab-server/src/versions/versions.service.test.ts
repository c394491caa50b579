import { COLLAB_FRAGMENT, editorSchema } from '@lip/common';
import mongoose, { mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../../jest/database';
import { newDocumentId, seededRandom } from '../testing/collab-test-kit';
import { createVersionStore } from './version-store';
import { VersionError } from './versions.errors';
import { createVersionsService, type LiveDocument } from './versions.service';

// Generous limits: CI runs these beside other suites on two shared cores.
jest.setTimeout(60_000);

const CHUNK_BYTES = 64 * 1024;
const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;
const live = new Map<string, Y.Doc>();

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  await createVersionStore(db).ensureIndexes();
});

afterAll(async () => {
  for (const doc of live.values()) doc.destroy();
  await db.dropDatabase();
  await connection.close();
});

/** The live document of the collab server, reduced to what versions use. */
function openDocument(documentId: string): Promise<LiveDocument> {
  let ydoc = live.get(documentId);
  if (!ydoc) {
    ydoc = new Y.Doc();
    live.set(documentId, ydoc);
  }
  const doc = ydoc;
  return Promise.resolve({
    ydoc: doc,
    hold: () => () => undefined,
    fragment: () => doc.getXmlFragment(COLLAB_FRAGMENT),
  });
}

function service(
  options: { database?: mongo.Db; chunkBytes?: number } = { chunkBytes: CHUNK_BYTES },
) {
  return createVersionsService({
    db: options.database ?? db,
    schema: editorSchema(),
    clock: { now: () => Date.now() },
    openDocument,
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
  });
}

/** Fills the live document with paragraphs of seeded random text, about `bytes` in total. */
async function fillDocument(documentId: string, bytes: number, seed = 7): Promise<Y.Doc> {
  const { ydoc } = await openDocument(documentId);
  const random = seededRandom(seed);
  const paragraphs: Y.XmlElement[] = [];
  for (let written = 0; written < bytes;) {
    const words = Array.from({ length: 200 }, () =>
      Math.floor(random() * 36 ** 6)
        .toString(36)
        .padStart(6, '0'),
    ).join(' ');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(words)]);
    paragraphs.push(paragraph);
    written += words.length;
  }
  ydoc.getXmlFragment(COLLAB_FRAGMENT).insert(0, paragraphs);
  return ydoc;
}

function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(COLLAB_FRAGMENT)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().join('') : ''));
}

function chunkCount(versionId: string): Promise<number> {
  return db
    .collection('document_version_chunks')
    .countDocuments({ versionId: new mongo.ObjectId(versionId) });
}

async function rejection(promise: Promise<unknown>): Promise<VersionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof VersionError))
    throw new Error(`expected a VersionError, got ${String(error)}`);
  return error;
}

/**
 * A database whose `document_version_chunks` or `document_versions` inserts fail at the n-th
 * call, to simulate a write that breaks off midway. `beforeFailure` runs just before it fails.
 */
function failingInserts(
  collectionName: string,
  failAtCall: number,
  beforeFailure: () => Promise<void>,
): mongo.Db {
  let calls = 0;
  const bind = <T extends object>(target: T, property: string | symbol): unknown => {
    const value: unknown = Reflect.get(target, property);
    return typeof value === 'function'
      ? (value as (...args: unknown[]) => unknown).bind(target)
      : value;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property !== 'collection') return bind(target, property);
      return (name: string) => {
        const collection = target.collection(name);
        if (name !== collectionName) return collection;
        return new Proxy(collection, {
          get(inner, innerProperty) {
            if (innerProperty !== 'insertOne') return bind(inner, innerProperty);
            return async (...args: Parameters<typeof inner.insertOne>) => {
              calls += 1;
              if (calls === failAtCall) {
                await beforeFailure();
                throw new Error('simulated write failure');
              }
              return inner.insertOne(...args);
            };
          },
        });
      };
    },
  });
}

describe('named versions stored in chunks', () => {
  it('round-trips a version larger than one chunk exactly: create, list, view and restore', async () => {
    const documentId = newDocumentId();
    const versions = service();
    const doc = await fillDocument(documentId, 300 * 1024);
    const stateAtCreation = Y.encodeStateAsUpdate(doc);
    const before = paragraphs(doc);
    expect(stateAtCreation.byteLength).toBeGreaterThan(4 * CHUNK_BYTES);

    const created = await versions.create(documentId, {
      label: 'Großer Stand',
      personId: 'alice',
      name: 'Alice',
    });
    expect(await chunkCount(created.id)).toBe(Math.ceil(stateAtCreation.byteLength / CHUNK_BYTES));

    expect((await versions.list(documentId)).map((v) => v.id)).toEqual([created.id]);

    const view = await versions.view(documentId, created.id);
    expect(Buffer.from(view.state, 'base64').equals(Buffer.from(stateAtCreation))).toBe(true);
    expect(view.version).toEqual(created);
    expect(view.text).toContain(before[0]);
    expect(view.html.startsWith(`<p>${before[0]}</p>`)).toBe(true);

    // Change the live document, then restore the version.
    const fragment = doc.getXmlFragment(COLLAB_FRAGMENT);
    fragment.delete(0, 3);
    const added = new Y.XmlElement('paragraph');
    added.insert(0, [new Y.XmlText('danach')]);
    fragment.insert(0, [added]);
    expect(paragraphs(doc)).not.toEqual(before);

    expect(await versions.restore(documentId, created.id)).toEqual(created);
    expect(paragraphs(doc)).toEqual(before);
  });

  it('refuses to view or restore a version with a missing chunk, naming the chunk, and leaves the document alone', async () => {
    const documentId = newDocumentId();
    const versions = service();
    const doc = await fillDocument(documentId, 300 * 1024, 11);
    const created = await versions.create(documentId, { label: 'v', personId: 'p', name: 'P' });
    const parts = await chunkCount(created.id);
    await db
      .collection('document_version_chunks')
      .deleteOne({ versionId: new mongo.ObjectId(created.id), part: 2 });

    const viewError = await rejection(versions.view(documentId, created.id));
    expect(viewError.code).toBe('VERSION_DAMAGED');
    expect(viewError.message).toContain(`chunk 3 of ${parts} is missing`);

    doc.getXmlFragment(COLLAB_FRAGMENT).delete(0, 1);
    const after = paragraphs(doc);
    const restoreError = await rejection(versions.restore(documentId, created.id));
    expect(restoreError.code).toBe('VERSION_DAMAGED');
    expect(paragraphs(doc)).toEqual(after);
  });

  it.each([
    ['a chunk', 'document_version_chunks', 3],
    ['the header', 'document_versions', 1],
  ])(
    'never shows a half-written version and removes its chunks when writing %s fails',
    async (_what, collectionName, failAtCall) => {
      const documentId = newDocumentId();
      await fillDocument(documentId, 300 * 1024, 13);
      let listedDuringWrite: unknown[] | undefined;
      let chunksDuringWrite = 0;
      const failing = service({
        chunkBytes: CHUNK_BYTES,
        database: failingInserts(collectionName, failAtCall, async () => {
          listedDuringWrite = await service().list(documentId);
          chunksDuringWrite = await db
            .collection('document_version_chunks')
            .countDocuments({ documentId });
        }),
      });

      await expect(
        failing.create(documentId, { label: 'halb', personId: 'p', name: 'P' }),
      ).rejects.toThrow('simulated write failure');
      expect(chunksDuringWrite).toBeGreaterThan(0);
      expect(listedDuringWrite).toEqual([]);
      expect(await service().list(documentId)).toEqual([]);
      expect(await db.collection('document_version_chunks').countDocuments({ documentId })).toBe(0);
    },
  );

  it('removes chunks older than an hour that no version lists, and keeps complete versions', async () => {
    const documentId = newDocumentId();
    const store = createVersionStore(db, { chunkBytes: CHUNK_BYTES });
    const kept = await store.insert(
      {
        _id: new mongo.ObjectId(),
        documentId,
        label: 'bleibt',
        createdBy: { personId: 'p', name: 'P' },
        createdAt: new Date(),
      },
      new Uint8Array(3 * CHUNK_BYTES).fill(7),
    );
    const orphanId = new mongo.ObjectId();
    await db.collection('document_version_chunks').insertOne({
      versionId: orphanId,
      documentId,
      part: 0,
      parts: 2,
      data: new mongo.Binary(new Uint8Array(10)),
      createdAt: new Date(Date.now() - 2 * 60 * 60 * 1000),
    });

    // Two hours on, the kept version's chunks are old too, but it has a header.
    expect(await store.removeOrphanedChunks(Date.now() + 2 * 60 * 60 * 1000)).toBe(1);
    expect(
      await db.collection('document_version_chunks').countDocuments({ versionId: orphanId }),
    ).toBe(0);
    const read = await store.read(documentId, kept._id.toHexString());
    expect(read.state.byteLength).toBe(3 * CHUNK_BYTES);
    expect(read.state.every((byte) => byte === 7)).toBe(true);
  });

  it('still reads a version stored before chunking, with its state inline', async () => {
    const documentId = newDocumentId();
    const doc = await fillDocument(documentId, 2 * 1024, 17);
    const state = Y.encodeStateAsUpdate(doc);
    const id = new mongo.ObjectId();
    await db.collection('document_versions').insertOne({
      _id: id,
      documentId,
      label: 'alt',
      createdBy: { personId: 'p', name: 'P' },
      createdAt: new Date(),
      state: new mongo.Binary(state),
      contentText: 'alt',
      contentHtml: '<p>alt</p>',
    });
    const versions = service();
    expect((await versions.list(documentId)).map((v) => v.label)).toEqual(['alt']);
    const view = await versions.view(documentId, id.toHexString());
    expect(Buffer.from(view.state, 'base64').equals(Buffer.from(state))).toBe(true);
  });

  it('stores a version above the 16 MB document limit with the default chunk size', async () => {
    const documentId = newDocumentId();
    // No chunkBytes: the production default.
    const versions = service({});
    const doc = await fillDocument(documentId, 16.1 * 1024 * 1024, 19);
    const state = Y.encodeStateAsUpdate(doc);
    expect(state.byteLength).toBeGreaterThan(16 * 1024 * 1024);

    const created = await versions.create(documentId, { label: 'groß', personId: 'p', name: 'P' });
    expect(await chunkCount(created.id)).toBe(3);
    const { state: stored } = await createVersionStore(db).read(documentId, created.id);
    expect(Buffer.from(stored).equals(Buffer.from(state))).toBe(true);
  });
});
