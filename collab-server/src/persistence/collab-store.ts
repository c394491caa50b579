import { mongo } from 'mongoose';
import * as Y from 'yjs';
import { DEFAULT_CHUNK_BYTES, joinChunks, splitIntoChunks, toBytes } from './binary-chunks';

/** One accepted Yjs update with its per-document sequence number. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
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
  /** Updates and bytes stored after the latest snapshot (drives compaction). */
  updatesSinceSnapshot: number;
  bytesSinceSnapshot: number;
  /** Whether anything at all was stored (an empty document is seeded). */
  exists: boolean;
}

/**
 * A stored update record: one update (`update`), or the updates of one write round in the order
 * they were applied (`updates`), with the round's last sequence number as `seq`.
 */
interface UpdateRecord {
  doc: string;
  seq: number;
  update?: mongo.Binary;
  updates?: mongo.Binary[];
  bytes: number;
  createdAt: Date;
}

interface SnapshotRecord {
  doc: string;
  /** Highest update sequence included in this snapshot. */
  seq: number;
  part: number;
  parts: number;
  data: mongo.Binary;
  createdAt: Date;
}

const DUPLICATE_KEY = 11000;

function isOnlyDuplicateKeyErrors(error: unknown): boolean {
  if (!(error instanceof mongo.MongoBulkWriteError)) {
    return error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY;
  }
  const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  return errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY);
}

/** The persistence operations a collab server needs from the database. */
export interface CollabStore {
  /** Creates the unique indexes that make appends and snapshot parts idempotent. */
  ensureIndexes(): Promise<void>;
  /** Appends single updates, one record each (seeding; older callers). */
  appendUpdates(documentId: string, batch: readonly StoredUpdate[]): Promise<void>;
  /** Appends one write round as a single record under the round's last sequence. */
  appendRound(
    documentId: string,
    round: { seq: number; updates: readonly Uint8Array[] },
  ): Promise<void>;
  /** The newest complete snapshot and every later update, unmerged, in order. */
  loadParts(documentId: string): Promise<StoredParts>;
  /** The stored document merged into one Yjs update. */
  load(documentId: string): Promise<LoadedDocument>;
  /** Stores a snapshot covering every update up to `seq` and drops what it replaces. */
  writeSnapshot(documentId: string, seq: number, state: Uint8Array): Promise<void>;
}

/**
 * The raw database operations of collab persistence: append updates (`collab_updates`), load a
 * document (latest complete snapshot in `collab_snapshots` plus later updates) and compact.
 * Appends are idempotent (unique `doc`+`seq`), so a retried batch never duplicates an update.
 */
export function createCollabStore(
  db: mongo.Db,
  options: { snapshotPartBytes?: number } = {},
): CollabStore {
  // Snapshots are split into parts well below MongoDB's 16 MB document limit.
  const partBytes = options.snapshotPartBytes ?? DEFAULT_CHUNK_BYTES;
  const updates = db.collection<UpdateRecord>('collab_updates');
  const snapshots = db.collection<SnapshotRecord>('collab_snapshots');

  async function ensureIndexes(): Promise<void> {
    await updates.createIndex({ doc: 1, seq: 1 }, { unique: true, name: 'doc_seq' });
    await snapshots.createIndex(
      { doc: 1, seq: 1, part: 1 },
      { unique: true, name: 'doc_seq_part' },
    );
  }

  async function appendUpdates(documentId: string, batch: readonly StoredUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const createdAt = new Date();
    const records = batch.map((u) => ({
      doc: documentId,
      seq: u.seq,
      update: new mongo.Binary(u.update),
      bytes: u.update.byteLength,
      createdAt,
    }));
    try {
      await updates.insertMany(records, { ordered: false });
    } catch (error) {
      // A retry after a lost acknowledgement: the updates are already stored.
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }

  /**
   * Stores the updates of one write round as a single record under the round's last sequence:
   * one small insert however fast people type, and no merging work on the hot path (merging
   * thousands of small updates with Y.mergeUpdates cost more CPU than relaying them). A retry
   * with the same `seq` is recognised as a duplicate.
   */
  async function appendRound(
    documentId: string,
    round: { seq: number; updates: readonly Uint8Array[] },
  ): Promise<void> {
    if (round.updates.length === 0) return;
    try {
      await updates.insertOne({
        doc: documentId,
        seq: round.seq,
        updates: round.updates.map((u) => new mongo.Binary(u)),
        bytes: round.updates.reduce((sum, u) => sum + u.byteLength, 0),
        createdAt: new Date(),
      });
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }

  /** The highest sequence of a complete snapshot (all parts present), or undefined. */
  async function latestSnapshot(
    documentId: string,
  ): Promise<{ seq: number; state: Uint8Array } | undefined> {
    const heads = await snapshots
      .find({ doc: documentId, part: 0 }, { projection: { seq: 1, parts: 1 } })
      .sort({ seq: -1 })
      .limit(3)
      .toArray();
    for (const head of heads) {
      const parts = await snapshots
        .find({ doc: documentId, seq: head.seq })
        .sort({ part: 1 })
        .toArray();
      // A snapshot whose parts are not all written yet is skipped for the one before it.
      const joined = joinChunks(parts, head.parts);
      if ('bytes' in joined) return { seq: head.seq, state: joined.bytes };
    }
    return undefined;
  }

  /**
   * What is stored for a document, unmerged: the newest complete snapshot and every later
   * update, in order. The live document applies these directly (one decode on a cold open).
   */
  async function loadParts(documentId: string): Promise<StoredParts> {
    const snapshot = await latestSnapshot(documentId);
    const fromSeq = snapshot?.seq ?? 0;
    const later = await updates
      .find({ doc: documentId, seq: { $gt: fromSeq } })
      .sort({ seq: 1 })
      .toArray();
    const parts: Uint8Array[] = snapshot ? [snapshot.state] : [];
    let bytes = 0;
    for (const u of later) {
      if (u.updates) for (const update of u.updates) parts.push(toBytes(update));
      else if (u.update) parts.push(toBytes(u.update));
      bytes += u.bytes;
    }
    return {
      parts,
      lastSeq: Math.max(fromSeq, later.at(-1)?.seq ?? 0),
      updatesSinceSnapshot: later.length,
      bytesSinceSnapshot: bytes,
      exists: snapshot !== undefined || later.length > 0,
    };
  }

  /** The stored document merged into one Yjs update. */
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
   * Writes a snapshot that includes every update up to `seq`, then deletes those updates and
   * older snapshots. No transaction is needed: until the last part is written the previous
   * snapshot plus updates still load, and updates after `seq` are never touched.
   */
  async function writeSnapshot(documentId: string, seq: number, state: Uint8Array): Promise<void> {
    const chunks = splitIntoChunks(state, partBytes);
    const createdAt = new Date();
    for (const [part, chunk] of chunks.entries()) {
      await snapshots.updateOne(
        { doc: documentId, seq, part },
        { $set: { parts: chunks.length, data: new mongo.Binary(chunk), createdAt } },
        { upsert: true },
      );
    }
    await updates.deleteMany({ doc: documentId, seq: { $lte: seq } });
    await snapshots.deleteMany({ doc: documentId, seq: { $lt: seq } });
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
    writeSnapshot: async (documentId, seq, state) =>
      (await get()).writeSnapshot(documentId, seq, state),
  };
}
