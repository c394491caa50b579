import { COLLAB_FRAGMENT, editorSchema } from '@lip/common';
import * as Y from 'yjs';
import { collabTimingsSchema } from '../config';
import { silentLogger } from '../logger';
import { createFakeClock } from '../testing/fake-clock';
import { createMemoryStore } from '../testing/memory-store';
import type { DocumentPeer } from './collab-document';
import { createDocumentRegistry } from './document-registry';

const DOC = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);
const schema = editorSchema();

const registries: Array<ReturnType<typeof createDocumentRegistry>> = [];

// Documents left open hold an awareness interval; free them so jest can exit.
afterEach(() => {
  for (const registry of registries.splice(0)) {
    for (const id of registry.ids()) registry.get(id)?.destroy();
  }
});

function setup(options: { seeds?: Record<string, unknown> } = {}) {
  const clock = createFakeClock();
  const memory = createMemoryStore();
  const projections: Array<{ documentId: string; text: string }> = [];
  const seedReads: string[] = [];
  const registry = createDocumentRegistry({
    store: memory.store,
    readSeedContent: async (documentId) => {
      seedReads.push(documentId);
      return options.seeds?.[documentId];
    },
    writeProjection: async (documentId, projection) => {
      projections.push({ documentId, text: projection.text });
    },
    schema,
    timings: collabTimingsSchema.parse({
      storeBatchMs: 50,
      evictAfterMs: 1000,
      projectionDebounceMs: 200,
      storeRetryMs: 100,
    }),
    metrics: { storeFailed: () => undefined, observePersistence: () => undefined },
    health: { markOk: () => undefined, markDegraded: () => undefined },
    logger: silentLogger,
    clock,
    shutdownFlushMs: 1000,
  });
  registries.push(registry);
  return { clock, memory, registry, projections, seedReads };
}

function peer(personId = 'p1'): DocumentPeer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return {
    personId,
    awarenessClients: new Set(),
    awarenessClaimed: false,
    identity: { name: personId, color: '#112233' },
    sent,
    send: (message) => sent.push(message),
  };
}

/** Applies an edit to the live document as a connected client would. */
function edit(doc: Y.Doc, text: string, origin: unknown): void {
  const remote = new Y.Doc();
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
  remote.getText('t').insert(remote.getText('t').length, text);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), origin);
  remote.destroy();
}

describe('document registry', () => {
  it('loads a document once for concurrent opens', async () => {
    const { registry, memory } = setup();
    const [a, b, c] = await Promise.all([
      registry.open(DOC),
      registry.open(DOC),
      registry.open(DOC),
    ]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(memory.calls.loadParts).toBe(1);
    expect(registry.ids()).toEqual([DOC]);
  });

  it('offers the stored state as one update while a document is being built, and not afterwards', async () => {
    const { registry, memory } = setup();
    const source = new Y.Doc();
    source.getText('t').insert(0, 'gespeichert');
    await memory.store.appendUpdates(DOC, [{ seq: 1, update: Y.encodeStateAsUpdate(source) }]);
    await memory.store.compact(DOC, { gen: 0 });
    source.getText('t').insert(0, '+');
    await memory.store.appendRound(
      DOC,
      { record: 2, writer: 'w.1', updates: [Y.encodeStateAsUpdate(source)] },
      { gen: 1 },
    );

    const opening = registry.open(DOC);
    const stored = registry.storedState(DOC);
    expect(stored).toBeDefined();
    const state = await (stored as Promise<Uint8Array>);
    const fromStored = new Y.Doc();
    Y.applyUpdate(fromStored, state);
    expect(fromStored.getText('t').toString()).toBe('+gespeichert');
    expect(registry.isStoredStateCurrent(DOC, stored as Promise<Uint8Array>)).toBe(true);

    const doc = await opening;
    expect(doc.ydoc.getText('t').toString()).toBe('+gespeichert');
    expect(registry.storedState(DOC)).toBeUndefined();
    expect(registry.isStoredStateCurrent(DOC, stored as Promise<Uint8Array>)).toBe(false);
  });

  it('seeds a new document from its seed content once and stores the seed as update 1', async () => {
    const { registry, memory, seedReads } = setup({
      seeds: {
        [DOC]: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Saat' }] }],
        },
      },
    });
    const doc = await registry.open(DOC);
    expect(doc.fragment().toString()).toContain('Saat');
    expect(memory.records(DOC).map((r) => r.rec)).toEqual([1]);
    expect(seedReads).toEqual([DOC]);
    // A document without seed content is opened empty and nothing is stored.
    const other = await registry.open(OTHER);
    expect(other.ydoc.getXmlFragment(COLLAB_FRAGMENT).length).toBe(0);
    expect(memory.records(OTHER)).toEqual([]);
  });

  it('does not remember a failed load: the next open tries again', async () => {
    const { registry, memory } = setup();
    memory.state.down = true;
    await expect(registry.open(DOC)).rejects.toThrow('store unavailable');
    expect(registry.ids()).toEqual([]);
    memory.state.down = false;
    await expect(registry.open(DOC)).resolves.toBeDefined();
    expect(memory.calls.loadParts).toBe(2);
  });

  it('evicts a document evictAfterMs after its last peer left, stored as one snapshot, and loads it back', async () => {
    const { registry, memory, clock, projections } = setup();
    const doc = await registry.open(DOC);
    const alice = peer('alice');
    doc.addPeer(alice);
    edit(doc.ydoc, 'bleibt', alice);
    await clock.advance(50);
    expect(memory.records(DOC)).toHaveLength(1);

    doc.removePeer(alice);
    await clock.advance(999);
    expect(registry.ids()).toEqual([DOC]);
    await clock.advance(1);
    expect(registry.ids()).toEqual([]);
    expect(doc.isDestroyed).toBe(true);
    expect(memory.records(DOC)).toHaveLength(0);
    expect(memory.snapshot(DOC)).toBeDefined();
    expect(projections.at(-1)).toEqual({ documentId: DOC, text: '' });

    const again = await registry.open(DOC);
    expect(again).not.toBe(doc);
    expect(again.ydoc.getText('t').toString()).toBe('bleibt');
  });

  it('keeps a document with a peer or a hold in memory, and evicts it once both are gone', async () => {
    const { registry, clock } = setup();
    const doc = await registry.open(DOC);
    const bob = peer('bob');
    doc.addPeer(bob);
    const release = doc.hold();
    await clock.advance(5000);
    doc.removePeer(bob);
    await clock.advance(5000);
    expect(registry.ids()).toEqual([DOC]);
    release();
    await clock.advance(1000);
    expect(registry.ids()).toEqual([]);
  });

  it('cancels the eviction when a peer comes back in time', async () => {
    const { registry, clock } = setup();
    const doc = await registry.open(DOC);
    const carol = peer('carol');
    doc.addPeer(carol);
    doc.removePeer(carol);
    await clock.advance(500);
    doc.addPeer(carol);
    await clock.advance(5000);
    expect(registry.ids()).toEqual([DOC]);
    expect(doc.isDestroyed).toBe(false);
  });

  it('keeps an idle document in memory while the store is down and evicts it once updates are stored', async () => {
    const { registry, memory, clock } = setup();
    const doc = await registry.open(DOC);
    const dave = peer('dave');
    doc.addPeer(dave);
    memory.state.down = true;
    edit(doc.ydoc, 'gerettet', dave);
    doc.removePeer(dave);
    await clock.advance(5000);
    expect(registry.ids()).toEqual([DOC]);
    expect(doc.pendingUpdates).toBe(1);

    memory.state.down = false;
    await clock.advance(5000);
    expect(registry.ids()).toEqual([]);
    expect(await memory.storedText(DOC)).toBe('gerettet');
  });

  it('stores every document on closeAll, retrying until the store answers', async () => {
    const { registry, memory, clock } = setup();
    const a = await registry.open(DOC);
    const b = await registry.open(OTHER);
    const erin = peer('erin');
    a.addPeer(erin);
    b.addPeer(erin);
    edit(a.ydoc, 'A', erin);
    edit(b.ydoc, 'B', erin);
    memory.state.down = true;
    const closing = registry.closeAll();
    await clock.advance(300);
    memory.state.down = false;
    await clock.advance(200);
    await closing;
    expect(registry.ids()).toEqual([]);
    expect(await memory.storedText(DOC)).toBe('A');
    expect(await memory.storedText(OTHER)).toBe('B');
  });

  it('gives up on a document whose updates cannot be stored by the shutdown deadline', async () => {
    const { registry, memory, clock } = setup();
    const doc = await registry.open(DOC);
    const frank = peer('frank');
    doc.addPeer(frank);
    edit(doc.ydoc, 'verloren', frank);
    memory.state.down = true;
    const closing = registry.closeAll();
    await clock.advance(2000);
    await closing;
    expect(doc.isDestroyed).toBe(true);
    expect(registry.ids()).toEqual([]);
  });
});
