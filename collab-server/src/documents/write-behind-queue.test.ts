import * as Y from 'yjs';
import { collabTimingsSchema } from '../config';
import { silentLogger } from '../logger';
import { createFakeClock, type FakeClock } from '../testing/fake-clock';
import { createMemoryStore, type MemoryStore } from '../testing/memory-store';
import { createWriteBehindQueue } from './write-behind-queue';

const DOC = 'a'.repeat(24);

/** A queue on a memory store and a fake clock, fed by a real Y.Doc's updates. */
function setup(overrides: Partial<ReturnType<typeof collabTimingsSchema.parse>> = {}) {
  const clock: FakeClock = createFakeClock();
  const memory: MemoryStore = createMemoryStore();
  const timings = collabTimingsSchema.parse({
    storeBatchMs: 50,
    storeRetryMs: 100,
    storeRetryMaxMs: 800,
    compactAfterUpdates: 1000,
    ...overrides,
  });
  const health = { ok: 0, degraded: 0 };
  const latencies: number[] = [];
  const ydoc = new Y.Doc();
  const queue = createWriteBehindQueue({
    documentId: DOC,
    store: memory.store,
    nextRecord: 1,
    gen: 0,
    recordsSinceSnapshot: 0,
    bytesSinceSnapshot: 0,
    timings,
    metrics: { storeFailed: () => undefined, observePersistence: (ms) => latencies.push(ms) },
    health: {
      markOk: () => (health.ok += 1),
      markDegraded: () => (health.degraded += 1),
    },
    logger: silentLogger,
    clock,
  });
  ydoc.on('update', (update: Uint8Array) => queue.push(update));
  const type = (text: string) => ydoc.getText('t').insert(ydoc.getText('t').length, text);
  return { clock, memory, queue, health, latencies, type, ydoc };
}

describe('write-behind queue', () => {
  it('stores every update of one batching window as one record, within storeBatchMs', async () => {
    const { clock, memory, queue, type, latencies } = setup();
    for (const letter of 'Hallo') type(letter);
    expect(queue.pending).toBe(5);
    await clock.advance(49);
    expect(memory.records(DOC)).toHaveLength(0);
    await clock.advance(1);
    expect(memory.records(DOC)).toEqual([
      { rec: 1, writer: expect.any(String), updates: expect.any(Array) },
    ]);
    expect(memory.records(DOC)[0]?.updates).toHaveLength(5);
    expect(queue.pending).toBe(0);
    expect(latencies).toEqual([50, 50, 50, 50, 50]);
    expect(await memory.storedText(DOC)).toBe('Hallo');
  });

  it('keeps updates in memory while the store is down and retries with doubling backoff', async () => {
    const { clock, memory, queue, type, health } = setup();
    memory.state.down = true;
    type('a');
    await clock.advance(50); // first attempt fails
    expect(memory.calls.appendRound).toBe(1);
    expect(health.degraded).toBe(1);
    type('b');
    // Retries after 100, then 200, then 400 ms.
    await clock.advance(100);
    expect(memory.calls.appendRound).toBe(2);
    await clock.advance(199);
    expect(memory.calls.appendRound).toBe(2);
    await clock.advance(1);
    expect(memory.calls.appendRound).toBe(3);
    expect(queue.pending).toBe(2);

    memory.state.down = false;
    await clock.advance(400);
    expect(queue.pending).toBe(0);
    expect(health.ok).toBeGreaterThan(0);
    // The failed round is repeated as it was; what came later is the next record.
    expect(memory.records(DOC).map((r) => [r.rec, r.updates.length])).toEqual([
      [1, 1],
      [2, 1],
    ]);
    expect(await memory.storedText(DOC)).toBe('ab');
  });

  it('repeats a round whose acknowledgement was lost exactly, so nothing added later is lost', async () => {
    const { clock, memory, queue, type } = setup();
    memory.state.loseNextAck = true;
    type('a');
    await clock.advance(50); // stored, but the store answered with an error
    expect(memory.records(DOC)).toHaveLength(1);
    type('b');
    await clock.advance(100); // the retry: a duplicate of record 1, then 'b' as record 2
    await clock.advance(50);
    expect(queue.pending).toBe(0);
    expect(memory.records(DOC).map((r) => r.rec)).toEqual([1, 2]);
    expect(await memory.storedText(DOC)).toBe('ab');
  });

  it('caps the backoff at storeRetryMaxMs and resets it after a success', async () => {
    const { clock, memory, type } = setup({ storeRetryMs: 100, storeRetryMaxMs: 300 });
    memory.state.down = true;
    type('x');
    await clock.advance(50 + 100 + 200 + 300); // attempts at 50, 150, 350, 650
    expect(memory.calls.appendRound).toBe(4);
    await clock.advance(299);
    expect(memory.calls.appendRound).toBe(4);
    await clock.advance(1); // capped at 300
    expect(memory.calls.appendRound).toBe(5);
    memory.state.down = false;
    await clock.advance(300);
    const before = memory.calls.appendRound;
    type('y');
    await clock.advance(50);
    expect(memory.calls.appendRound).toBe(before + 1);
    expect(await memory.storedText(DOC)).toBe('xy');
  });

  it('compacts into a snapshot after compactAfterUpdates records and loads back the same text', async () => {
    const { clock, memory, type } = setup({ compactAfterUpdates: 3 });
    for (const word of ['eins ', 'zwei ', 'drei ']) {
      type(word);
      await clock.advance(50);
    }
    expect(memory.calls.compact).toBe(1);
    expect(memory.snapshot(DOC)?.nextRecord).toBe(4);
    expect(memory.records(DOC)).toHaveLength(0);
    type('vier');
    await clock.advance(50);
    expect(memory.records(DOC).map((r) => r.rec)).toEqual([4]);
    expect(await memory.storedText(DOC)).toBe('eins zwei drei vier');
  });

  it('flushAndCompact stores what is pending and leaves one snapshot', async () => {
    const { memory, queue, type } = setup();
    type('a');
    type('b');
    await queue.flushAndCompact();
    expect(memory.records(DOC)).toHaveLength(0);
    expect(memory.snapshot(DOC)?.nextRecord).toBe(2);
    expect(await memory.storedText(DOC)).toBe('ab');
  });

  it('flushAll rejects while the store is down and keeps every update for the next try', async () => {
    const { memory, queue, type } = setup();
    memory.state.down = true;
    type('bleibt');
    await expect(queue.flushAll()).rejects.toThrow('store unavailable');
    expect(queue.pending).toBe(1);
    memory.state.down = false;
    await queue.flushAll();
    expect(await memory.storedText(DOC)).toBe('bleibt');
  });

  it('splits a backlog bigger than one record into several records in order', async () => {
    const clock = createFakeClock();
    const memory = createMemoryStore();
    const ydoc = new Y.Doc();
    const queue = createWriteBehindQueue({
      documentId: DOC,
      store: memory.store,
      nextRecord: 3,
      gen: 0,
      recordsSinceSnapshot: 0,
      bytesSinceSnapshot: 0,
      timings: collabTimingsSchema.parse({}),
      metrics: { storeFailed: () => undefined, observePersistence: () => undefined },
      health: { markOk: () => undefined, markDegraded: () => undefined },
      logger: silentLogger,
      clock,
      maxBatchBytes: 100,
    });
    ydoc.on('update', (update: Uint8Array) => queue.push(update));
    for (let i = 0; i < 10; i += 1) ydoc.getText('t').insert(0, 'x'.repeat(40));
    await queue.flushAll();
    const recs = memory.records(DOC).map((r) => r.rec);
    expect(recs.length).toBeGreaterThan(1);
    expect(recs).toEqual(Array.from({ length: recs.length }, (_, i) => i + 3));
    expect((await memory.storedText(DOC)).length).toBe(400);
  });

  it('takes the next free record number when another writer stored the one it expected', async () => {
    const { memory, queue, type } = setup();
    await memory.store.appendRound(
      DOC,
      { record: 1, writer: 'other-process.1', updates: [] },
      { gen: 0 },
    );
    type('mine');
    await queue.flushAll();
    expect(memory.records(DOC).map((r) => [r.rec, r.writer.startsWith('other')])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await memory.storedText(DOC)).toBe('mine');
  });

  it('writes nothing after stop', async () => {
    const { clock, memory, queue, type } = setup();
    type('verworfen');
    queue.stop();
    await clock.advance(10_000);
    expect(memory.calls.appendRound).toBe(0);
    expect(clock.pendingTimers()).toBe(0);
  });
});
