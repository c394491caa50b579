import { mongo } from 'mongoose';
import {
  DEFAULT_CHUNK_BYTES,
  joinChunks,
  splitIntoChunks,
  toBytes,
} from '../persistence/binary-chunks';
import { VersionError, versionNotFound } from './versions.errors';

/** The header of a named version in `document_versions` (its state is in chunks). */
export interface VersionHeader {
  _id: mongo.ObjectId;
  documentId: string;
  label: string;
  createdBy: { personId: string; name: string };
  createdAt: Date;
  /** Byte length of the Yjs state and how many chunks hold it. */
  stateBytes: number;
  stateParts: number;
}

/** A header as stored: versions written before chunking carry their whole state inline. */
interface VersionRecord extends Omit<VersionHeader, 'stateBytes' | 'stateParts'> {
  stateBytes?: number;
  stateParts?: number;
  state?: mongo.Binary;
}

/** One chunk of a version's state in `document_version_chunks`. */
interface VersionChunkRecord {
  versionId: mongo.ObjectId;
  documentId: string;
  part: number;
  parts: number;
  data: mongo.Binary;
  createdAt: Date;
}

/** Fields of a header that are never sent to `list` (legacy inline state and projection). */
const SUMMARY_PROJECTION = { state: 0, contentText: 0, contentHtml: 0 } as const;

/** Chunks without a header that are older than this are left over from a failed write. */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/**
 * The database side of named versions. A version's Yjs state is split into chunks
 * (`document_version_chunks`, like the snapshots in `collab_snapshots`) so it may exceed the
 * 16 MB document limit. The header in `document_versions` is inserted only after every chunk,
 * so a header always means a complete version; no transaction is needed (FerretDB has none).
 */
export function createVersionStore(db: mongo.Db, options: { chunkBytes?: number } = {}) {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const headers = db.collection<VersionRecord>('document_versions');
  const chunks = db.collection<VersionChunkRecord>('document_version_chunks');

  async function ensureIndexes(): Promise<void> {
    await headers.createIndex({ documentId: 1, createdAt: -1 }, { name: 'document_created' });
    await chunks.createIndex({ versionId: 1, part: 1 }, { unique: true, name: 'version_part' });
  }

  /** Deletes a version's header (if it got written) and then its chunks. */
  async function remove(versionId: mongo.ObjectId): Promise<void> {
    await headers.deleteOne({ _id: versionId });
    await chunks.deleteMany({ versionId });
  }

  return {
    ensureIndexes,

    /**
     * Stores a version: its chunks first, then the header that makes it visible. When a write
     * fails, the header (in case it landed after all) and the chunks are deleted again, and the
     * error is rethrown; chunks a crash leaves behind are removed by `removeOrphanedChunks`.
     */
    async insert(header: Omit<VersionHeader, 'stateBytes' | 'stateParts'>, state: Uint8Array) {
      const parts = splitIntoChunks(state, chunkBytes);
      const createdAt = new Date();
      const stored: VersionHeader = {
        ...header,
        stateBytes: state.byteLength,
        stateParts: parts.length,
      };
      try {
        for (const [part, data] of parts.entries()) {
          await chunks.insertOne({
            versionId: header._id,
            documentId: header.documentId,
            part,
            parts: parts.length,
            data: new mongo.Binary(data),
            createdAt,
          });
        }
        await headers.insertOne(stored);
      } catch (error) {
        // Best effort: if the database is gone, the chunks stay invisible (no header) until
        // the orphan sweep finds them.
        await remove(header._id).catch(() => undefined);
        throw error;
      }
      return stored;
    },

    /** Headers of a document's versions, newest first (at most `limit`). */
    async list(documentId: string, limit = 500): Promise<VersionHeader[]> {
      const rows = await headers
        .find({ documentId }, { projection: SUMMARY_PROJECTION })
        .sort({ createdAt: -1 })
        .limit(limit)
        .toArray();
      return rows.map((row) => ({
        ...row,
        stateBytes: row.stateBytes ?? 0,
        stateParts: row.stateParts ?? 0,
      }));
    },

    /**
     * A version's header and full state, reassembled from its chunks in order. Throws
     * `VERSION_NOT_FOUND` for an unknown id or another document's version, and
     * `VERSION_DAMAGED` when a chunk is missing or the bytes do not add up, never a truncated
     * state.
     */
    async read(
      documentId: string,
      versionId: string,
    ): Promise<{ header: VersionHeader; state: Uint8Array }> {
      if (!mongo.ObjectId.isValid(versionId)) throw versionNotFound();
      const id = new mongo.ObjectId(versionId);
      const row = await headers.findOne(
        { _id: id, documentId },
        { projection: { contentText: 0, contentHtml: 0 } },
      );
      if (!row) throw versionNotFound();
      const { state: inline, stateBytes, stateParts, ...rest } = row;
      if (inline) {
        const state = toBytes(inline);
        return { header: { ...rest, stateBytes: state.byteLength, stateParts: 0 }, state };
      }
      const header: VersionHeader = {
        ...rest,
        stateBytes: stateBytes ?? 0,
        stateParts: stateParts ?? 0,
      };
      const rows = await chunks.find({ versionId: id }).sort({ part: 1 }).toArray();
      const joined = joinChunks(rows, header.stateParts);
      if ('missingPart' in joined) {
        throw new VersionError(
          'VERSION_DAMAGED',
          `Version ${versionId} is damaged: chunk ${joined.missingPart + 1} of ${header.stateParts} is missing`,
        );
      }
      if (joined.bytes.byteLength !== header.stateBytes) {
        throw new VersionError(
          'VERSION_DAMAGED',
          `Version ${versionId} is damaged: ${joined.bytes.byteLength} of ${header.stateBytes} bytes stored`,
        );
      }
      return { header, state: joined.bytes };
    },

    /**
     * Deletes chunks older than an hour whose version has no header (a write that failed and
     * could not clean up, e.g. a crash). Returns how many versions' chunks were removed.
     */
    async removeOrphanedChunks(nowMs = Date.now()): Promise<number> {
      const cutoff = new Date(nowMs - ORPHAN_AGE_MS);
      const candidates = (await chunks.distinct('versionId', {
        createdAt: { $lt: cutoff },
      })) as mongo.ObjectId[];
      let removed = 0;
      for (let i = 0; i < candidates.length; i += 500) {
        const batch = candidates.slice(i, i + 500);
        const present = await headers
          .find({ _id: { $in: batch } }, { projection: { _id: 1 } })
          .toArray();
        const kept = new Set(present.map((row) => row._id.toHexString()));
        const orphans = batch.filter((id) => !kept.has(id.toHexString()));
        if (orphans.length === 0) continue;
        await chunks.deleteMany({ versionId: { $in: orphans } });
        removed += orphans.length;
      }
      return removed;
    },
  };
}

/** The database operations of named versions. */
export type VersionStore = ReturnType<typeof createVersionStore>;
