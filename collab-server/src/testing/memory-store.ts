import * as Y from 'yjs';
import type { CollabStore, StoredParts, StoredUpdate } from '../persistence/collab-store';

interface MemoryRecord {
  rec: number;
  seq: number;
  updates: Uint8Array[];
}

/**
 * An in-memory {@link CollabStore} with the same semantics as the database one (records keyed
 * by sequence, duplicates ignored, snapshots replace what they cover), for unit tests of the
 * write-behind queue and the registry. `down = true` makes every call reject, like an outage;
 * `calls` counts operations so tests can see what the code under test asked for.
 */
export function createMemoryStore() {
  /** Records by record number, per document. */
  const records = new Map<string, Map<number, MemoryRecord>>();
  const snapshots = new Map<string, { seq: number; nextRecord: number; state: Uint8Array }>();
  const calls = { appendRound: 0, loadParts: 0, writeSnapshot: 0 };
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
    const fromSeq = snapshot?.seq ?? 0;
    const later = [...recordsOf(documentId).values()]
      .filter((record) => record.seq > fromSeq)
      .sort((a, b) => a.seq - b.seq);
    const parts = snapshot ? [snapshot.state] : [];
    for (const record of later) parts.push(...record.updates);
    const highest = [...recordsOf(documentId).keys()].reduce((max, rec) => Math.max(max, rec), 0);
    return {
      parts,
      lastSeq: Math.max(fromSeq, later.at(-1)?.seq ?? 0),
      nextRecord: Math.max(highest + 1, snapshot?.nextRecord ?? 1),
      updatesSinceSnapshot: later.length,
      bytesSinceSnapshot: later.reduce(
        (sum, record) => sum + record.updates.reduce((bytes, u) => bytes + u.byteLength, 0),
        0,
      ),
      exists: snapshot !== undefined || later.length > 0,
    };
  }

  const store: CollabStore = {
    async ensureIndexes() {
      available();
    },
    async appendUpdates(documentId: string, batch: readonly StoredUpdate[]) {
      available();
      for (const u of batch) {
        if (!recordsOf(documentId).has(u.seq)) {
          recordsOf(documentId).set(u.seq, { rec: u.seq, seq: u.seq, updates: [u.update] });
        }
      }
    },
    async appendRound(documentId, round) {
      calls.appendRound += 1;
      available();
      // Like the unique `_id`: a record number stored once is a lost acknowledgement on retry.
      if (round.updates.length === 0 || recordsOf(documentId).has(round.record)) return;
      recordsOf(documentId).set(round.record, {
        rec: round.record,
        seq: round.seq,
        updates: [...round.updates],
      });
      if (state.loseNextAck) {
        state.loseNextAck = false;
        throw new Error('acknowledgement lost');
      }
    },
    loadParts,
    async load(documentId) {
      const { parts, ...rest } = await loadParts(documentId);
      const doc = new Y.Doc();
      for (const part of parts) Y.applyUpdate(doc, part);
      const merged = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      return { state: merged, ...rest };
    },
    async writeSnapshot(documentId, cover, snapshotState) {
      calls.writeSnapshot += 1;
      available();
      snapshots.set(documentId, { ...cover, state: snapshotState });
      for (const [rec, record] of [...recordsOf(documentId).entries()]) {
        if (record.seq <= cover.seq) recordsOf(documentId).delete(rec);
      }
    },
  };

  return {
    store,
    state,
    calls,
    /** Stored records of a document, oldest first. */
    records: (documentId: string) =>
      [...recordsOf(documentId).values()].sort((a, b) => a.seq - b.seq),
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
