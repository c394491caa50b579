import * as Y from 'yjs';
import type { CollabStore, StoredParts, StoredUpdate } from '../persistence/collab-store';

interface MemoryRecord {
  rec: number;
  writer: string;
  updates: Uint8Array[];
}

/**
 * An in-memory {@link CollabStore} with the same semantics as the database one (record numbers
 * claimed once, a retry of one's own round recognised by its writer token, compaction merging
 * what is stored), for unit tests of the write-behind queue and the registry. `down = true`
 * makes every call reject, like an outage; `calls` counts operations so tests can see what the
 * code under test asked for.
 */
export function createMemoryStore() {
  /** Records by record number, per document. */
  const records = new Map<string, Map<number, MemoryRecord>>();
  const snapshots = new Map<string, { nextRecord: number; gen: number; state: Uint8Array }>();
  const calls = { appendRound: 0, loadParts: 0, compact: 0 };
  /** `down`: every call fails; `loseNextAck`: the next round is stored, then reported failed. */
  const state = { down: false, loseNextAck: false };

  function available(): void {
    if (state.down) throw new Error('store unavailable');
  }
  function recordsOf(documentId: string): Map<number, MemoryRecord> {
    let map = records.get(documentId);
    if (!map) {
      map = new Map();
      records.set(documentId, map);
    }
    return map;
  }

  async function loadParts(documentId: string): Promise<StoredParts> {
    calls.loadParts += 1;
    available();
    const snapshot = snapshots.get(documentId);
    const later = [...recordsOf(documentId).values()].sort((a, b) => a.rec - b.rec);
    const parts = snapshot ? [snapshot.state] : [];
    for (const record of later) parts.push(...record.updates);
    const highest = later.reduce((max, record) => Math.max(max, record.rec), 0);
    return {
      parts,
      nextRecord: Math.max(highest + 1, snapshot?.nextRecord ?? 1),
      gen: snapshot?.gen ?? 0,
      updatesSinceSnapshot: later.length,
      bytesSinceSnapshot: later.reduce(
        (sum, record) => sum + record.updates.reduce((bytes, u) => bytes + u.byteLength, 0),
        0,
      ),
      exists: snapshot !== undefined || later.length > 0,
    };
  }

  async function load(documentId: string) {
    const { parts, ...rest } = await loadParts(documentId);
    const doc = new Y.Doc();
    for (const part of parts) Y.applyUpdate(doc, part);
    const merged = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { state: merged, ...rest };
  }

  const store: CollabStore = {
    async ensureIndexes() {
      available();
    },
    async appendUpdates(documentId: string, batch: readonly StoredUpdate[]) {
      available();
      for (const u of batch) {
        if (!recordsOf(documentId).has(u.seq)) {
          recordsOf(documentId).set(u.seq, { rec: u.seq, writer: 'seed', updates: [u.update] });
        }
      }
    },
    async appendRound(documentId, round) {
      calls.appendRound += 1;
      available();
      let record = Math.max(round.record, snapshots.get(documentId)?.nextRecord ?? 1);
      for (;;) {
        const existing = recordsOf(documentId).get(record);
        if (!existing) break;
        // Like the unique `_id`: our own round stored before a lost acknowledgement.
        if (existing.writer === round.writer) return record;
        record += 1;
      }
      recordsOf(documentId).set(record, {
        rec: record,
        writer: round.writer,
        updates: [...round.updates],
      });
      if (state.loseNextAck) {
        state.loseNextAck = false;
        throw new Error('acknowledgement lost');
      }
      return record;
    },
    loadParts,
    load,
    async compact(documentId, chain) {
      calls.compact += 1;
      available();
      const loaded = await load(documentId);
      const gen = Math.max(chain.gen, snapshots.get(documentId)?.gen ?? 0) + 1;
      snapshots.set(documentId, { nextRecord: loaded.nextRecord, gen, state: loaded.state });
      chain.gen = gen;
      for (const rec of [...recordsOf(documentId).keys()]) {
        if (rec < loaded.nextRecord) recordsOf(documentId).delete(rec);
      }
      return true;
    },
  };

  return {
    store,
    state,
    calls,
    /** Stored records of a document, oldest first. */
    records: (documentId: string) =>
      [...recordsOf(documentId).values()].sort((a, b) => a.rec - b.rec),
    snapshot: (documentId: string) => snapshots.get(documentId),
    /** The text of `Y.Text('t')` as stored (snapshot plus records). */
    async storedText(documentId: string): Promise<string> {
      const wasDown = state.down;
      state.down = false;
      const loaded = await store.load(documentId);
      state.down = wasDown;
      const doc = new Y.Doc();
      Y.applyUpdate(doc, loaded.state);
      const text = doc.getText('t').toString();
      doc.destroy();
      return text;
    },
  };
}

/** A memory store from {@link createMemoryStore}. */
export type MemoryStore = ReturnType<typeof createMemoryStore>;
