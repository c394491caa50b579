import { mongo } from 'mongoose';
import * as Y from 'yjs';
import { DEFAULT_CHUNK_BYTES, joinChunks, splitIntoChunks, toBytes } from './binary-chunks';

/** One accepted Yjs update with its per-document sequence number. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** What a snapshot covers: every update up to `seq`, and every record before `nextRecord`. */
export interface SnapshotCover {
  seq: number;
  nextRecord: number;
}

/** A document as stored: its snapshot and later updates, unmerged, in the order to apply. */
export interface StoredParts extends Omit<LoadedDocument, 'state'> {
  parts: Uint8Array[];
}

/** A document as loaded from the database: merged state plus the highest stored sequence. */
export interface LoadedDocument {
  /** Snapshot plus all later updates, merged into one Yjs update (empty doc when nothing). */
  state: Uint8Array;
  /** Highest sequence number seen (snapshot or update); the next update gets `lastSeq + 1`. */
  lastSeq: number;
  /** Number the next stored record gets (records are numbered 1, 2, 3, … per document). */
  nextRecord: number;
  /** Updates and bytes stored after the latest snapshot (drives compaction). */
  updatesSinceSnapshot: number;
  bytesSinceSnapshot: number;
  /** Whether anything at all was stored (an empty document is seeded). */
  exists: boolean;
}

/**
 * A stored update record: one update (`update`), or the updates of one write round in the order
 * they were applied (`updates`), with the round's last sequence number as `seq`. Records written
 * since record numbers exist have `_id` `<doc>/r/<rec>`; older ones an ObjectId.
 */
interface UpdateRecord {
  _id?: string | mongo.ObjectId;
  doc: string;
  seq: number;
  rec?: number;
  update?: mongo.Binary;
  updates?: mongo.Binary[];
  bytes: number;
  createdAt: Date;
}

interface SnapshotRecord {
  _id?: string | mongo.ObjectId;
  doc: string;
  /** Highest update sequence included in this snapshot. */
  seq: number;
  part: number;
  parts: number;
  data: mongo.Binary;
  createdAt: Date;
}

/** Which snapshot is current and what it covers, one per document (`_id` is the document). */
interface HeadRecord {
  _id: string;
  seq: number;
  parts: number;
  nextRecord: number;
  updatedAt: Date;
}

const DUPLICATE_KEY = 11000;

function isOnlyDuplicateKeyErrors(error: unknown): boolean {
  if (!(error instanceof mongo.MongoBulkWriteError)) {
    return error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY;
  }
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY);
}

const recordId = (documentId: string, rec: number) => `${documentId}/r/${rec}`;
const snapshotId = (documentId: string, seq: number, part: number) =>
  `${documentId}/s/${seq}/${part}`;

/** The persistence operations a collab server needs from the database. */
export interface CollabStore {
  /** Creates the unique indexes that make appends and snapshot parts idempotent. */
  ensureIndexes(): Promise<void>;
  /**
   * Appends single updates of a new document, one record each, numbered by their sequence
   * (seeding, tests).
   */
  appendUpdates(documentId: string, batch: readonly StoredUpdate[]): Promise<void>;
  /**
   * Appends one write round as record `record` under the round's last sequence. Records are
   * appended in order, one at a time, and a retry repeats the same round: a duplicate is then
   * a lost acknowledgement, already stored.
   */
  appendRound(
    documentId: string,
    round: { record: number; seq: number; updates: readonly Uint8Array[] },
  ): Promise<void>;
  /** The newest complete snapshot and every later update, unmerged, in order. */
  loadParts(documentId: string): Promise<StoredParts>;
  /** The stored document merged into one Yjs update. */
  load(documentId: string): Promise<LoadedDocument>;
  /** Stores a snapshot covering `cover` and drops the records and snapshots it replaces. */
  writeSnapshot(documentId: string, cover: SnapshotCover, state: Uint8Array): Promise<void>;
}

/**
 * The raw database operations of collab persistence: append update records (`collab_updates`),
 * load a document and compact into snapshots (`collab_snapshots`, with the current one named in
 * `collab_heads`). Appends are idempotent (unique `_id` and `doc`+`seq`).
 *
 * Loading reads by `_id` only where it can: FerretDB on SQLite pushes nothing but `_id`
 * equality down to SQLite, so any other filter reads the whole collection. The head names the
 * snapshot's parts and the first record after it; a document whose head exists and has no such
 * record (every document that was compacted when it left memory) loads with three `_id`
 * lookups. Anything else (no head yet, records after the snapshot, a missing part) takes the
 * query path, which is always correct.
 */
export function createCollabStore(
  db: mongo.Db,
  options: { snapshotPartBytes?: number } = {},
): CollabStore {
  // Snapshots are split into parts well below MongoDB's 16 MB document limit.
  const partBytes = options.snapshotPartBytes ?? DEFAULT_CHUNK_BYTES;
  const updates = db.collection<UpdateRecord>('collab_updates');
  const snapshots = db.collection<SnapshotRecord>('collab_snapshots');
  const heads = db.collection<HeadRecord>('collab_heads');

  async function ensureIndexes(): Promise<void> {
    await updates.createIndex({ doc: 1, seq: 1 }, { unique: true, name: 'doc_seq' });
    await snapshots.createIndex(
      { doc: 1, seq: 1, part: 1 },
      { unique: true, name: 'doc_seq_part' },
    );
  }

  async function insertIgnoringDuplicates(records: UpdateRecord[]): Promise<void> {
    try {
      if (records.length === 1) await updates.insertOne(records[0] as UpdateRecord);
      else await updates.insertMany(records, { ordered: false });
    } catch (error) {
      // A retry after a lost acknowledgement: already stored.
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }

  async function appendUpdates(documentId: string, batch: readonly StoredUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const createdAt = new Date();
    await insertIgnoringDuplicates(
      batch.map((u) => ({
        _id: recordId(documentId, u.seq),
        doc: documentId,
        seq: u.seq,
        rec: u.seq,
        update: new mongo.Binary(u.update),
        bytes: u.update.byteLength,
        createdAt,
      })),
    );
  }

  /**
   * Stores the updates of one write round as a single record: one small insert however fast
   * people type, and no merging work on the hot path (merging thousands of small updates with
   * Y.mergeUpdates cost more CPU than relaying them).
   */
  async function appendRound(
    documentId: string,
    round: { record: number; seq: number; updates: readonly Uint8Array[] },
  ): Promise<void> {
    if (round.updates.length === 0) return;
    await insertIgnoringDuplicates([
      {
        _id: recordId(documentId, round.record),
        doc: documentId,
        seq: round.seq,
        rec: round.record,
        updates: round.updates.map((u) => new mongo.Binary(u)),
        bytes: round.updates.reduce((sum, u) => sum + u.byteLength, 0),
        createdAt: new Date(),
      },
    ]);
  }

  /** The snapshot a head names, read part by part by `_id`; undefined when a part is missing. */
  async function snapshotOfHead(
    documentId: string,
    head: HeadRecord,
  ): Promise<Uint8Array | undefined> {
    const parts = await Promise.all(
      Array.from({ length: head.parts }, (_, part) =>
        snapshots.findOne({ _id: snapshotId(documentId, head.seq, part) }),
      ),
    );
    const present = parts.filter((p) => p !== null);
    const joined = joinChunks(present, head.parts);
    return 'bytes' in joined ? joined.bytes : undefined;
  }

  /** The newest complete snapshot by query (documents without a usable head). */
  async function latestSnapshotByQuery(
    documentId: string,
  ): Promise<{ seq: number; state: Uint8Array } | undefined> {
    const candidates = await snapshots
      .find({ doc: documentId, part: 0 }, { projection: { seq: 1, parts: 1 } })
      .sort({ seq: -1 })
      .limit(3)
      .toArray();
    for (const candidate of candidates) {
      const parts = await snapshots
        .find({ doc: documentId, seq: candidate.seq })
        .sort({ part: 1 })
        .toArray();
      // A snapshot whose parts are not all written yet is skipped for the one before it.
      const joined = joinChunks(parts, candidate.parts);
      if ('bytes' in joined) return { seq: candidate.seq, state: joined.bytes };
    }
    return undefined;
  }

  /** The fast path: head, its snapshot and no record after it, all by `_id`. */
  async function loadByHead(documentId: string): Promise<StoredParts | undefined> {
    const head = await heads.findOne({ _id: documentId });
    if (!head) return undefined;
    const [state, next] = await Promise.all([
      snapshotOfHead(documentId, head),
      updates.findOne({ _id: recordId(documentId, head.nextRecord) }, { projection: { _id: 1 } }),
    ]);
    if (!state || next) return undefined;
    return {
      parts: [state],
      lastSeq: head.seq,
      nextRecord: head.nextRecord,
      updatesSinceSnapshot: 0,
      bytesSinceSnapshot: 0,
      exists: true,
    };
  }

  async function loadByQuery(documentId: string): Promise<StoredParts> {
    const [snapshot, records] = await Promise.all([
      latestSnapshotByQuery(documentId),
      updates.find({ doc: documentId }).sort({ seq: 1 }).toArray(),
    ]);
    const fromSeq = snapshot?.seq ?? 0;
    // Records the snapshot covers (left by a compaction that stopped before deleting them).
    const later = records.filter((u) => u.seq > fromSeq);
    const parts: Uint8Array[] = snapshot ? [snapshot.state] : [];
    let bytes = 0;
    for (const u of later) {
      if (u.updates) for (const update of u.updates) parts.push(toBytes(update));
      else if (u.update) parts.push(toBytes(u.update));
      bytes += u.bytes;
    }
    const highestRecord = records.reduce((max, u) => Math.max(max, u.rec ?? 0), 0);
    const head = await heads.findOne({ _id: documentId });
    return {
      parts,
      lastSeq: Math.max(fromSeq, later.at(-1)?.seq ?? 0),
      nextRecord: Math.max(highestRecord + 1, head?.nextRecord ?? 1),
      updatesSinceSnapshot: later.length,
      bytesSinceSnapshot: bytes,
      exists: snapshot !== undefined || later.length > 0,
    };
  }

  async function loadParts(documentId: string): Promise<StoredParts> {
    return (await loadByHead(documentId)) ?? loadByQuery(documentId);
  }

  async function load(documentId: string): Promise<LoadedDocument> {
    const { parts, ...rest } = await loadParts(documentId);
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      for (const part of parts) Y.applyUpdate(doc, part);
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { state, ...rest };
  }

  /**
   * Writes a snapshot that covers `cover`, points the head at it, then deletes the records and
   * snapshots it replaces. No transaction is needed: until the head is written the previous
   * snapshot plus records still load (and a head whose parts are incomplete is not used), and
   * records after `cover` are never touched.
   */
  async function writeSnapshot(
    documentId: string,
    cover: SnapshotCover,
    state: Uint8Array,
  ): Promise<void> {
    const chunks = splitIntoChunks(state, partBytes);
    const createdAt = new Date();
    for (const [part, chunk] of chunks.entries()) {
      await snapshots.replaceOne(
        { _id: snapshotId(documentId, cover.seq, part) },
        {
          doc: documentId,
          seq: cover.seq,
          part,
          parts: chunks.length,
          data: new mongo.Binary(chunk),
          createdAt,
        },
        { upsert: true },
      );
    }
    await heads.replaceOne(
      { _id: documentId },
      { seq: cover.seq, parts: chunks.length, nextRecord: cover.nextRecord, updatedAt: createdAt },
      { upsert: true },
    );
    await updates.deleteMany({ doc: documentId, seq: { $lte: cover.seq } });
    await snapshots.deleteMany({ doc: documentId, seq: { $lt: cover.seq } });
  }

  return { ensureIndexes, appendUpdates, appendRound, loadParts, load, writeSnapshot };
}

/**
 * A {@link CollabStore} on a database that is connected on first use, so the document registry
 * can be built before the server connects.
 */
export function createLazyCollabStore(
  database: () => Promise<mongo.Db>,
  options: { snapshotPartBytes?: number } = {},
): CollabStore {
  let store: CollabStore | undefined;
  const get = async () => (store ??= createCollabStore(await database(), options));
  return {
    ensureIndexes: async () => (await get()).ensureIndexes(),
    appendUpdates: async (documentId, batch) => (await get()).appendUpdates(documentId, batch),
    appendRound: async (documentId, round) => (await get()).appendRound(documentId, round),
    loadParts: async (documentId) => (await get()).loadParts(documentId),
    load: async (documentId) => (await get()).load(documentId),
    writeSnapshot: async (documentId, cover, state) =>
      (await get()).writeSnapshot(documentId, cover, state),
  };
}
