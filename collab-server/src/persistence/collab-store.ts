import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { mongo } from 'mongoose';
import * as Y from 'yjs';
import { DEFAULT_CHUNK_BYTES, joinChunks, splitIntoChunks, toBytes } from './binary-chunks';

/** One accepted Yjs update with its record number (seeding and tests). */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/**
 * Where a writer stands in a document's chain of heads: the newest head generation it knows.
 * Each writer (write-behind queue) keeps one and passes it to every append and compaction.
 */
export interface ChainPosition {
  gen: number;
  /** The highest cover of the heads up to `gen` it has seen: no record is stored below it. */
  cover?: number;
}

/** A document as stored: its snapshot and later updates, unmerged. */
export interface StoredParts extends Omit<LoadedDocument, 'state'> {
  parts: Uint8Array[];
}

/** A document as loaded from the database. */
export interface LoadedDocument {
  /** Snapshot plus all later updates, merged into one Yjs update (empty doc when nothing). */
  state: Uint8Array;
  /** The first record number not stored yet (records are numbered 1, 2, 3, … per document). */
  nextRecord: number;
  /** The newest head generation (0: no head in the chain yet). */
  gen: number;
  /** Records and bytes stored after the snapshot (drive compaction). */
  updatesSinceSnapshot: number;
  bytesSinceSnapshot: number;
  /** Whether anything at all was stored (an empty document is seeded). */
  exists: boolean;
}

/**
 * A stored update record: the updates of one write round of one writer, in the order they were
 * applied. `_id` is `<doc>/r/<rec>`; record numbers are dense per document and claimed by the
 * unique insert, whichever process writes; `writer` tells a retry of one's own round apart from
 * another writer's record. Older records hold one `update` and an ObjectId `_id`, or a `seq`.
 */
interface UpdateRecord {
  _id?: string | mongo.ObjectId;
  doc: string;
  rec?: number;
  seq?: number;
  writer?: string;
  update?: mongo.Binary;
  updates?: mongo.Binary[];
  bytes: number;
  createdAt: Date;
}

/**
 * One part of a snapshot. `_id` `<doc>/s/<cover>/<hash>/<part>`: it holds every record before
 * `cover`, and `hash` (of the whole state) makes the id a function of the content, so two
 * processes that compact the same records write the same ids and parts of different states
 * never mix. Older snapshots are `<doc>/s/<seq>/<part>` with a `seq` instead of `cover`.
 */
interface SnapshotRecord {
  _id?: string | mongo.ObjectId;
  doc: string;
  cover?: number;
  key?: string;
  seq?: number;
  part: number;
  parts: number;
  data: mongo.Binary;
  /** How the joined parts are encoded: absent = the Yjs update itself (before December 2026). */
  enc?: typeof SNAPSHOT_ENCODING;
  createdAt: Date;
}

/**
 * Snapshots are stored deflated (raw deflate, fastest level): a long text's Yjs state shrinks to
 * about a third (the B4 trace: 304 KB to 116 KB), and on a cold open reading the snapshot is the
 * longest wait, which the embedded FerretDB spends mostly on the bytes (it keeps binaries as
 * base64 text). Compressing runs on libuv's thread pool during compaction, off every open;
 * inflating on read takes about 2 ms for that document.
 */
const SNAPSHOT_ENCODING = 'deflate-raw';
const deflateRawAsync = promisify(deflateRaw);

/** The Yjs update a stored snapshot holds, from its joined parts. */
function decodeSnapshot(bytes: Uint8Array, encoding: SnapshotRecord['enc']): Uint8Array {
  return encoding === SNAPSHOT_ENCODING ? new Uint8Array(inflateRawSync(bytes)) : bytes;
}

/**
 * The chain of heads of a document: `_id` `<doc>/h/<gen>`, generations 1, 2, 3, … each claimed
 * by a unique insert, and a compactor claims `gen + 1` only after reading `gen` with a smaller
 * cover, so covers only grow along the chain. `<doc>` alone is a hint to the newest generation
 * (last write wins; a reader follows the chain forward from it). Generations are kept (a few
 * hundred bytes per compaction): a writer that knows an old one must be able to walk forward.
 * Before the chain, `<doc>` held `{seq, parts, nextRecord}`.
 */
interface HeadRecord {
  _id: string;
  doc?: string;
  gen?: number;
  cover?: number;
  key?: string;
  seq?: number;
  nextRecord?: number;
  parts: number;
  updatedAt: Date;
}

/** The head a load started from: which snapshot, which records after it. */
interface Head {
  gen: number;
  cover: number;
  snapshotIds: string[];
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
const headId = (documentId: string, gen: number) => `${documentId}/h/${gen}`;
const snapshotIds = (documentId: string, key: string, parts: number) =>
  Array.from({ length: parts }, (_, part) => `${documentId}/s/${key}/${part}`);
/** Records read per round trip while following the records after a snapshot. */
const PROBE_WINDOW = 16;
/** Loads retried from the head before falling back to the query path. */
const LOAD_ATTEMPTS = 3;
/** A snapshot whose parts are still incomplete after this long was abandoned by its writer. */
const ABANDONED_SNAPSHOT_MS = 60 * 60_000;

/** The persistence operations a collab server needs from the database. */
export interface CollabStore {
  /** Creates the indexes (unique `_id` is what makes appends and claims safe). */
  ensureIndexes(): Promise<void>;
  /** Inserts single updates of a new document as records `seq` (seeding, tests); duplicates ignored. */
  appendUpdates(documentId: string, batch: readonly StoredUpdate[]): Promise<void>;
  /**
   * Stores one write round as the next free record at or after `round.record`, claimed by a
   * unique insert, and answers the number it got. A retry of the same round (same `writer`
   * token) finds its own record and answers that number. Safe with any number of processes
   * writing the same document.
   */
  appendRound(
    documentId: string,
    round: { record: number; writer: string; updates: readonly Uint8Array[] },
    chain: ChainPosition,
  ): Promise<number>;
  /** The newest snapshot and every later record, unmerged. */
  loadParts(documentId: string): Promise<StoredParts>;
  /** The stored document merged into one Yjs update. */
  load(documentId: string): Promise<LoadedDocument>;
  /**
   * Merges what is stored into one snapshot and deletes exactly the records and snapshots it
   * merged. Answers false when another process compacted as much at the same time.
   */
  compact(documentId: string, chain: ChainPosition): Promise<boolean>;
}

/** What a load read, with the ids a compaction may delete once it has merged them. */
interface ReadState extends StoredParts {
  head: Head | undefined;
  recordIds: (string | mongo.ObjectId)[];
  snapshotIds: (string | mongo.ObjectId)[];
}

/**
 * Collab persistence in `collab_updates`, `collab_snapshots` and `collab_heads`, correct with
 * several processes writing and compacting the same document at once (MongoDB, and FerretDB,
 * where a unique insert is atomic and a guarded update is not): records are claimed by unique
 * inserts, never read-modified-written; a compaction inserts a snapshot whose id follows from
 * what it covers and holds, claims the next head generation by a unique insert, and only then
 * deletes the records and snapshots it merged. Nothing is deleted that is not inside a complete
 * snapshot that a head names.
 *
 * Loading follows the chain by `_id` (FerretDB on SQLite pushes nothing but `_id` equality
 * down, so any other filter reads the whole collection): the hint, the newest head, its
 * snapshot parts and the records after its cover until the first free number, then checks that
 * no newer head appeared meanwhile (a compaction deletes only after its head is there). A
 * document without a head, or whose reads do not add up, takes the query path, which is
 * always correct: the newest complete snapshot plus every record (applying a record twice is
 * harmless in Yjs).
 */
export function createCollabStore(
  db: mongo.Db,
  options: { snapshotPartBytes?: number; now?: () => number } = {},
): CollabStore {
  // Snapshots are split into parts well below MongoDB's 16 MB document limit.
  const partBytes = options.snapshotPartBytes ?? DEFAULT_CHUNK_BYTES;
  const now = options.now ?? Date.now;
  const updates = db.collection<UpdateRecord>('collab_updates');
  const snapshots = db.collection<SnapshotRecord>('collab_snapshots');
  const heads = db.collection<HeadRecord>('collab_heads');

  async function ensureIndexes(): Promise<void> {
    // Record numbers are unique through `_id`; the former unique (doc, seq) index would refuse
    // a new record whose number equals an old record's sequence.
    await updates.dropIndex('doc_seq').catch(() => undefined);
    await updates.createIndex({ doc: 1 }, { name: 'doc' });
    await snapshots.dropIndex('doc_seq_part').catch(() => undefined);
    await snapshots.createIndex({ doc: 1 }, { name: 'doc' });
  }

  async function insertIgnoringDuplicates(records: UpdateRecord[]): Promise<void> {
    try {
      if (records.length === 1) await updates.insertOne(records[0] as UpdateRecord);
      else await updates.insertMany(records, { ordered: false });
    } catch (error) {
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
    }
  }

  async function appendUpdates(documentId: string, batch: readonly StoredUpdate[]): Promise<void> {
    if (batch.length === 0) return;
    const createdAt = new Date(now());
    await insertIgnoringDuplicates(
      batch.map((u) => ({
        _id: recordId(documentId, u.seq),
        doc: documentId,
        rec: u.seq,
        writer: 'seed',
        update: new mongo.Binary(u.update),
        bytes: u.update.byteLength,
        createdAt,
      })),
    );
  }

  /** Follows the chain from `gen` to the newest head generation; undefined when `gen` is gone. */
  async function newestHead(documentId: string, gen: number): Promise<HeadRecord | undefined> {
    let current: HeadRecord | null = await heads.findOne({ _id: headId(documentId, gen) });
    if (!current) return undefined;
    for (let at = gen + 1; ; at += 1) {
      const next: HeadRecord | null = await heads.findOne({ _id: headId(documentId, at) });
      if (!next) return current;
      current = next;
    }
  }

  /** Walks the chain past the newest generation the writer knew, raising its known cover. */
  async function catchUp(documentId: string, chain: ChainPosition): Promise<void> {
    for (;;) {
      const next = await heads.findOne({ _id: headId(documentId, chain.gen + 1) });
      if (!next) return;
      chain.gen += 1;
      chain.cover = Math.max(chain.cover ?? 0, next.cover ?? 0);
    }
  }

  async function appendRound(
    documentId: string,
    round: { record: number; writer: string; updates: readonly Uint8Array[] },
    chain: ChainPosition,
  ): Promise<number> {
    let record = Math.max(round.record, chain.cover ?? 0);
    const bytes = round.updates.reduce((sum, u) => sum + u.byteLength, 0);
    for (;;) {
      const id = recordId(documentId, record);
      try {
        await updates.insertOne({
          _id: id,
          doc: documentId,
          rec: record,
          writer: round.writer,
          updates: round.updates.map((u) => new mongo.Binary(u)),
          bytes,
          createdAt: new Date(now()),
        });
      } catch (error) {
        if (!isOnlyDuplicateKeyErrors(error)) throw error;
        const existing = await updates.findOne({ _id: id }, { projection: { writer: 1 } });
        // Our own round, stored before its acknowledgement was lost.
        if (existing?.writer === round.writer) return record;
        // Another writer's record (or one already compacted away): take the next number.
        record += 1;
        continue;
      }
      // A compaction may have merged and deleted records up to a cover above this number
      // before our insert: then nobody reads this record after the snapshot. Store the round
      // again after the cover (a duplicate of an update is harmless) and drop this copy.
      await catchUp(documentId, chain);
      if ((chain.cover ?? 0) <= record) return record;
      await updates.deleteOne({ _id: id });
      record = chain.cover ?? record + 1;
    }
  }

  /** A snapshot's parts by `_id`, joined; undefined when a part is missing. */
  async function readSnapshot(ids: string[]): Promise<Uint8Array | undefined> {
    const parts = await Promise.all(ids.map((id) => snapshots.findOne({ _id: id })));
    const present = parts.filter((p) => p !== null);
    const joined = joinChunks(present, ids.length);
    return 'bytes' in joined ? decodeSnapshot(joined.bytes, present[0]?.enc) : undefined;
  }

  function partsOf(record: UpdateRecord): Uint8Array[] {
    if (record.updates) return record.updates.map(toBytes);
    return record.update ? [toBytes(record.update)] : [];
  }

  /** The head a document's hint leads to (the chain, or a head written before the chain). */
  async function readHead(documentId: string): Promise<Head | undefined> {
    const hint = await heads.findOne({ _id: documentId });
    if (hint?.gen !== undefined) {
      const head = await newestHead(documentId, hint.gen);
      if (!head?.key || head.cover === undefined) return undefined;
      return {
        gen: head.gen ?? hint.gen,
        cover: head.cover,
        snapshotIds: snapshotIds(documentId, head.key, head.parts),
      };
    }
    // No chain yet (a hint can be missing after a crash between the claim and the hint).
    const first = await newestHead(documentId, 1);
    if (first?.key && first.cover !== undefined) {
      return {
        gen: first.gen ?? 1,
        cover: first.cover,
        snapshotIds: snapshotIds(documentId, first.key, first.parts),
      };
    }
    if (hint?.seq !== undefined && hint.nextRecord !== undefined) {
      return {
        gen: 0,
        cover: hint.nextRecord,
        snapshotIds: snapshotIds(documentId, String(hint.seq), hint.parts),
      };
    }
    return undefined;
  }

  /** The head path: everything by `_id`; undefined when the reads do not add up. */
  async function readByHead(documentId: string): Promise<ReadState | undefined> {
    const head = await readHead(documentId);
    if (!head) return undefined;
    const probe = (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          updates.findOne({ _id: recordId(documentId, from + i) }),
        ),
      );
    // The snapshot and the first record after it at once: a cold open waits for one round trip
    // here, not two. A document leaving memory is compacted, so usually there is no such record,
    // and one probe costs the database far less than a window of them (the embedded FerretDB
    // scans the collection for each).
    const [snapshot, firstWindow] = await Promise.all([
      readSnapshot(head.snapshotIds),
      probe(head.cover, 1),
    ]);
    if (!snapshot) return undefined;
    const parts = [snapshot];
    const recordIds: string[] = [];
    let bytes = 0;
    let next = head.cover;
    let window = firstWindow;
    for (let done = false; !done;) {
      for (const record of window) {
        if (!record) {
          done = true;
          break;
        }
        parts.push(...partsOf(record));
        recordIds.push(record._id as string);
        bytes += record.bytes;
        next += 1;
      }
      if (!done) window = await probe(next, PROBE_WINDOW);
    }
    // A compaction deletes only after claiming the next head: none there means nothing we
    // read was deleted under us.
    if (
      await heads.findOne({ _id: headId(documentId, head.gen + 1) }, { projection: { _id: 1 } })
    ) {
      return undefined;
    }
    return {
      parts,
      nextRecord: next,
      gen: head.gen,
      updatesSinceSnapshot: recordIds.length,
      bytesSinceSnapshot: bytes,
      exists: true,
      head,
      recordIds,
      snapshotIds: head.snapshotIds,
    };
  }

  /** The query path: the newest complete snapshot plus every record of the document. */
  async function readByQuery(documentId: string): Promise<ReadState> {
    // Records first, then snapshots: a record deleted before we read it was inside a complete
    // snapshot before that, so the snapshot read finds what holds it.
    const records = await updates.find({ doc: documentId }).toArray();
    const allSnapshots = await snapshots.find({ doc: documentId }).toArray();
    const hint = await heads.findOne({ _id: documentId });
    const newest =
      (hint?.gen !== undefined ? await newestHead(documentId, hint.gen) : undefined) ??
      (await newestHead(documentId, 1));
    const groups = new Map<string, SnapshotRecord[]>();
    for (const part of allSnapshots) {
      const key = part.key ?? `legacy/${part.seq ?? 0}`;
      groups.set(key, [...(groups.get(key) ?? []), part]);
    }
    // Covers (record numbers) order the new snapshots; any of them is newer than one from
    // before the chain, whose `seq` counted updates.
    const rank = (p: SnapshotRecord) => (p.cover !== undefined ? 2 ** 40 + p.cover : (p.seq ?? 0));
    let best: { state: Uint8Array; group: SnapshotRecord[]; first: SnapshotRecord } | undefined;
    const complete: SnapshotRecord[][] = [];
    for (const group of groups.values()) {
      const sorted = group.sort((a, b) => a.part - b.part);
      const first = sorted[0] as SnapshotRecord;
      const joined = joinChunks(sorted, first.parts);
      if (!('bytes' in joined)) continue;
      complete.push(sorted);
      if (!best || rank(first) > rank(best.first))
        best = { state: joined.bytes, group: sorted, first };
    }
    const parts: Uint8Array[] = best ? [decodeSnapshot(best.state, best.first.enc)] : [];
    let bytes = 0;
    let highest = 0;
    for (const record of records) {
      parts.push(...partsOf(record));
      bytes += record.bytes;
      highest = Math.max(highest, record.rec ?? 0);
    }
    const cover = best?.first.cover ?? hint?.nextRecord ?? 1;
    // Older complete snapshots are inside the newest one: a compaction may delete them too.
    const merged = complete
      .filter((group) => rank(group[0] as SnapshotRecord) <= rank(best?.first as SnapshotRecord))
      .flat();
    return {
      parts,
      nextRecord: Math.max(highest + 1, cover, newest?.cover ?? 1),
      gen: newest?.gen ?? 0,
      updatesSinceSnapshot: records.length,
      bytesSinceSnapshot: bytes,
      exists: best !== undefined || records.length > 0,
      head: undefined,
      recordIds: records.map((r) => r._id as string | mongo.ObjectId),
      snapshotIds: merged.map((p) => p._id as string | mongo.ObjectId),
    };
  }

  async function read(documentId: string): Promise<ReadState> {
    for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt += 1) {
      const state = await readByHead(documentId);
      if (state) return state;
      // No head at all: the query path at once.
      if (attempt === 0 && !(await heads.findOne({ _id: documentId }))) break;
    }
    return readByQuery(documentId);
  }

  async function loadParts(documentId: string): Promise<StoredParts> {
    const {
      head: _head,
      recordIds: _records,
      snapshotIds: _snapshots,
      ...parts
    } = await read(documentId);
    return parts;
  }

  async function load(documentId: string): Promise<LoadedDocument> {
    const { parts, ...rest } = await loadParts(documentId);
    return { state: mergeParts(parts), ...rest };
  }

  /**
   * Claims the next head generation for a snapshot: a unique insert after the newest one the
   * compactor knows. Answers false when a head with at least this cover is already there.
   */
  async function claimHead(
    documentId: string,
    chain: ChainPosition,
    head: { cover: number; key: string; parts: number },
  ): Promise<{ gen: number } | { lost: HeadRecord }> {
    let gen = chain.gen + 1;
    for (;;) {
      try {
        await heads.insertOne({
          _id: headId(documentId, gen),
          doc: documentId,
          gen,
          ...head,
          updatedAt: new Date(now()),
        });
        return { gen };
      } catch (error) {
        if (!isOnlyDuplicateKeyErrors(error)) throw error;
        const other = await heads.findOne({ _id: headId(documentId, gen) });
        // Heads are never deleted, so a duplicate is always there to read.
        if (!other) throw new Error(`head ${gen} of ${documentId} vanished`, { cause: error });
        chain.gen = gen;
        chain.cover = Math.max(chain.cover ?? 0, other.cover ?? 0);
        if ((other.cover ?? 0) >= head.cover) return { lost: other };
        gen += 1;
      }
    }
  }

  async function compact(documentId: string, chain: ChainPosition): Promise<boolean> {
    const state = await read(documentId);
    await catchUp(documentId, chain);
    // Nothing after the newest snapshot: nothing to merge.
    if (state.head && state.recordIds.length === 0) return true;
    const merged = mergeParts(state.parts);
    const stored = new Uint8Array(await deflateRawAsync(merged, { level: 1 }));
    // The key names the stored bytes: two processes that merged the same records but deflated
    // them differently (another zlib) write separate snapshots instead of mixing their parts.
    const hash = createHash('sha256').update(stored).digest('hex').slice(0, 16);
    const key = `${state.nextRecord}/${hash}`;
    const chunks = splitIntoChunks(stored, partBytes);
    const ids = snapshotIds(documentId, key, chunks.length);
    const createdAt = new Date(now());
    for (const [part, chunk] of chunks.entries()) {
      try {
        await snapshots.insertOne({
          _id: ids[part],
          doc: documentId,
          cover: state.nextRecord,
          key,
          part,
          parts: chunks.length,
          data: new mongo.Binary(chunk),
          enc: SNAPSHOT_ENCODING,
          createdAt,
        });
      } catch (error) {
        // The same records merged by another process into the same bytes: already there.
        if (!isOnlyDuplicateKeyErrors(error)) throw error;
      }
    }
    const claim = await claimHead(documentId, chain, {
      cover: state.nextRecord,
      key,
      parts: chunks.length,
    });
    if ('lost' in claim) {
      // Another process compacted at least as much: ours is not needed (unless it is the very
      // same snapshot, which its head now names).
      if (claim.lost.key !== key) await snapshots.deleteMany({ _id: { $in: ids } });
      return false;
    }
    chain.gen = claim.gen;
    chain.cover = Math.max(chain.cover ?? 0, state.nextRecord);
    const hint = {
      gen: claim.gen,
      cover: state.nextRecord,
      key,
      parts: chunks.length,
      updatedAt: createdAt,
    };
    try {
      await heads.replaceOne({ _id: documentId }, hint, { upsert: true });
    } catch (error) {
      // Two processes creating a document's first hint at once: the database refuses the second
      // insert as a duplicate (FerretDB does not retry such upserts); the hint is there now.
      if (!isOnlyDuplicateKeyErrors(error)) throw error;
      await heads.replaceOne({ _id: documentId }, hint);
    }
    // Only now, with a head naming a complete snapshot that holds them: what it merged.
    if (state.recordIds.length > 0) await updates.deleteMany({ _id: { $in: state.recordIds } });
    const replaced = state.snapshotIds.filter((id) => !ids.includes(id as string));
    if (replaced.length > 0) await snapshots.deleteMany({ _id: { $in: replaced } });
    await snapshots.deleteMany({
      doc: documentId,
      cover: { $lt: state.nextRecord },
      createdAt: { $lt: new Date(now() - ABANDONED_SNAPSHOT_MS) },
    });
    return true;
  }

  return { ensureIndexes, appendUpdates, appendRound, loadParts, load, compact };
}

/** Applies stored parts to a fresh Y.Doc and encodes it: one update, deleted content dropped. */
function mergeParts(parts: readonly Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const part of parts) Y.applyUpdate(doc, part);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
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
    appendRound: async (documentId, round, chain) =>
      (await get()).appendRound(documentId, round, chain),
    loadParts: async (documentId) => (await get()).loadParts(documentId),
    load: async (documentId) => (await get()).load(documentId),
    compact: async (documentId, chain) => (await get()).compact(documentId, chain),
  };
}
