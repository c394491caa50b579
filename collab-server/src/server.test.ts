import { CollabCloseCode, COLLAB_FRAGMENT, toCollabDocumentName } from '@lip/common';
import { collabInternalToken } from '@lip/common/server';
import mongoose, { mongo } from 'mongoose';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { testDatabase } from '../../jest/database';
import { createCollabStore } from './persistence/collab-store';
import { createCollabServer, type CollabServer } from './server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  seededRandom,
  waitFor,
} from './testing/collab-test-kit';

// Generous limits: CI runs these beside other suites on two shared cores.
jest.setTimeout(30_000);

const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;
let server: CollabServer;
let port: number;
let internalPort: number;
const cleanups: Array<() => void | Promise<void>> = [];

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  server = createCollabServer({
    database: { db },
    secret: TEST_SECRET,
    limits: { maxMessageBytes: 64 * 1024, maxConnectionsPerPerson: 8 },
    timings: { projectionDebounceMs: 50, evictAfterMs: 100, compactAfterUpdates: 10_000 },
  });
  ({ port, internalPort } = await server.listen(0));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

afterAll(async () => {
  await server.close();
  await db.dropDatabase();
  await connection.close();
});

function client(documentId: string, ticket = issueTicket(TEST_SECRET, { doc: documentId })) {
  const c = connectClient({ port, documentId, ticket });
  cleanups.push(() => c.provider.destroy());
  return c;
}

function text(doc: Y.Doc): string {
  return doc.getText('t').toString();
}

async function storedDoc(documentId: string): Promise<Y.Doc> {
  const loaded = await createCollabStore(db).load(documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state);
  return doc;
}

async function waitForClose(codes: number[], what: string, timeoutMs = 5000): Promise<number> {
  await waitFor(() => codes.length > 0, what, timeoutMs);
  return codes[0] as number;
}

describe('collab server', () => {
  it('converges N clients making seeded random edits and stores the state they agree on', async () => {
    const documentId = newDocumentId();
    const clients = Array.from({ length: 5 }, (_, i) =>
      client(documentId, issueTicket(TEST_SECRET, { doc: documentId, sub: `p${i}` })),
    );
    await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced');
    const random = seededRandom(42);
    for (let round = 0; round < 40; round += 1) {
      for (const c of clients) {
        const t = c.doc.getText('t');
        if (random() < 0.75 || t.length === 0) {
          t.insert(Math.floor(random() * (t.length + 1)), String.fromCharCode(97 + (round % 26)));
        } else {
          const at = Math.floor(random() * t.length);
          t.delete(at, Math.min(2, t.length - at));
        }
      }
      if (round % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(
      () => clients.every((c) => text(c.doc) === text(clients[0]!.doc)),
      'clients converged',
    );
    const expected = text(clients[0]!.doc);
    expect(expected.length).toBeGreaterThan(20);
    await server.flush();
    expect(text(await storedDoc(documentId))).toBe(expected);
  });

  it('ignores updates from read-only connections: they reach neither other clients nor the database', async () => {
    const documentId = newDocumentId();
    const editor = client(documentId);
    const reader = client(
      documentId,
      issueTicket(TEST_SECRET, { doc: documentId, sub: 'reader', mode: 'read' }),
    );
    const commenter = client(
      documentId,
      issueTicket(TEST_SECRET, { doc: documentId, sub: 'commenter', mode: 'comment' }),
    );
    await waitFor(
      () => editor.provider.synced && reader.provider.synced && commenter.provider.synced,
      'synced',
    );
    reader.doc.getText('t').insert(0, 'reader was here');
    commenter.doc.getText('t').insert(0, 'commenter too');
    editor.doc.getText('t').insert(0, 'editor');
    await waitFor(() => text(reader.doc).includes('editor'), 'reader sees the editor');
    await waitFor(() => text(commenter.doc).includes('editor'), 'commenter sees the editor');
    // A later edit from the editor arrives after anything the readers sent.
    editor.doc.getText('t').insert(0, '!');
    await waitFor(() => text(reader.doc).includes('!editor'), 'reader sees the second edit');
    await server.flush();
    expect(text(editor.doc)).toBe('!editor');
    expect(text(await storedDoc(documentId))).toBe('!editor');
    const metrics = await server.metrics.metrics();
    expect(metrics).toMatch(/collab_rejected_messages_total\{reason="read-only"\} [1-9]/);
  });

  it('shows read-only people as present through awareness, under the name from their ticket', async () => {
    const documentId = newDocumentId();
    const editor = client(documentId);
    const reader = client(
      documentId,
      issueTicket(TEST_SECRET, { doc: documentId, sub: 'reader', mode: 'read', name: 'Reader' }),
    );
    reader.provider.awareness.setLocalStateField('user', { name: 'Someone else' });
    await waitFor(
      () =>
        [...editor.provider.awareness.getStates().values()].some(
          (state) => (state as { user?: { name?: string } }).user?.name === 'Reader',
        ),
      'editor sees the reader',
    );
  });

  it.each([
    ['missing', () => '', CollabCloseCode.Unauthenticated],
    [
      'forged',
      (doc: string) => issueTicket('another-secret-0123456789abcdef0123456789', { doc }),
      CollabCloseCode.Unauthenticated,
    ],
    [
      'expired',
      (doc: string) => issueTicket(TEST_SECRET, { doc, exp: Math.floor(Date.now() / 1000) - 1 }),
      CollabCloseCode.TicketExpired,
    ],
    [
      'for another document',
      () => issueTicket(TEST_SECRET, { doc: newDocumentId() }),
      CollabCloseCode.Forbidden,
    ],
  ])('refuses a %s ticket with its close code', async (_name, ticketFor, code) => {
    const documentId = newDocumentId();
    const c = client(documentId, ticketFor(documentId));
    expect(await waitForClose(c.closeCodes, 'close')).toBe(code);
    expect(c.provider.synced).toBe(false);
  });

  it('closes the connections of a revoked person within one second', async () => {
    const documentId = newDocumentId();
    const revoked = client(documentId, issueTicket(TEST_SECRET, { doc: documentId, sub: 'gone' }));
    const other = client(documentId, issueTicket(TEST_SECRET, { doc: documentId, sub: 'stays' }));
    await waitFor(() => revoked.provider.synced && other.provider.synced, 'synced');
    const startedAt = Date.now();
    await db.collection('collab_revocations').insertOne({
      personId: 'gone',
      documentId,
      reason: 'membership removed',
      createdAt: new Date(),
    });
    expect(await waitForClose(revoked.closeCodes, 'revocation close', 1500)).toBe(
      CollabCloseCode.AccessRevoked,
    );
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(other.closeCodes).toEqual([]);
    expect(other.provider.wsconnected).toBe(true);
  });

  it('refuses a ticket issued before a revocation of its person', async () => {
    const documentId = newDocumentId();
    const issuedAt = Math.floor(Date.now() / 1000) - 5;
    await db.collection('collab_revocations').insertOne({
      personId: 'signed-out',
      sessionId: 'session-1',
      reason: 'sign-out',
      createdAt: new Date(),
    });
    const stale = client(
      documentId,
      issueTicket(TEST_SECRET, { doc: documentId, sub: 'signed-out', iat: issuedAt }),
    );
    expect(await waitForClose(stale.closeCodes, 'revoked at connect')).toBe(
      CollabCloseCode.AccessRevoked,
    );
    const fresh = client(
      documentId,
      issueTicket(TEST_SECRET, { doc: documentId, sub: 'signed-out', iat: issuedAt + 10 }),
    );
    await waitFor(() => fresh.provider.synced, 'a ticket issued after the revocation works');
  });

  it('closes only the connection that sent a malformed frame', async () => {
    const documentId = newDocumentId();
    const good = client(documentId);
    await waitFor(() => good.provider.synced, 'synced');
    const raw = new WebSocket(
      `ws://127.0.0.1:${port}/${toCollabDocumentName(documentId)}?ticket=${issueTicket(TEST_SECRET, { doc: documentId, sub: 'raw' })}`,
    );
    cleanups.push(() => raw.terminate());
    await new Promise((resolve) => raw.once('open', resolve));
    const closed = new Promise<number>((resolve) => raw.once('close', (code) => resolve(code)));
    // Sync message, "update" type, then a length prefix far beyond the frame.
    raw.send(new Uint8Array([0, 2, 0xff, 0xff, 0x03, 1, 2]));
    expect(await closed).toBe(CollabCloseCode.MalformedMessage);
    good.doc.getText('t').insert(0, 'still fine');
    await waitFor(
      async () => text(await storedDoc(documentId)) === 'still fine',
      'the good client keeps editing and storing',
    );
    expect(good.provider.wsconnected).toBe(true);
  });

  it('closes a connection that sends a frame over the size limit with 4413', async () => {
    const documentId = newDocumentId();
    const c = client(documentId);
    await waitFor(() => c.provider.synced, 'synced');
    c.doc.getText('t').insert(0, 'x'.repeat(100 * 1024));
    expect(await waitForClose(c.closeCodes, 'too big')).toBe(CollabCloseCode.MessageTooBig);
  });

  it('refuses connections beyond the per-person limit with 4429', async () => {
    const documentId = newDocumentId();
    const many = Array.from({ length: 9 }, () =>
      client(documentId, issueTicket(TEST_SECRET, { doc: documentId, sub: 'busy' })),
    );
    await waitFor(
      () =>
        many.filter((c) => c.closeCodes.includes(CollabCloseCode.TooManyConnections)).length === 1,
      'one refused',
    );
    await waitFor(() => many.filter((c) => c.provider.synced).length === 8, 'eight synced');
  });

  it('seeds a new document from seedContent once, on the server, and projects text and HTML', async () => {
    const documentId = newDocumentId();
    await db.collection('documents').insertOne({
      _id: new mongo.ObjectId(documentId),
      title: 'Entwurf',
      seedContent: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Ziele' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Teilhabe ' },
              { type: 'text', marks: [{ type: 'bold' }], text: 'für alle' },
            ],
          },
        ],
      },
    });
    const first = client(documentId);
    const second = client(documentId, issueTicket(TEST_SECRET, { doc: documentId, sub: 'p2' }));
    await waitFor(() => first.provider.synced && second.provider.synced, 'synced');
    const fragmentText = (doc: Y.Doc) => doc.getXmlFragment(COLLAB_FRAGMENT).toString();
    expect(fragmentText(first.doc)).toContain('Ziele');
    expect(fragmentText(second.doc)).toBe(fragmentText(first.doc));
    expect(fragmentText(first.doc).match(/Ziele/g)).toHaveLength(1);

    // Leave, let the document be evicted, and come back: no second seed.
    first.provider.destroy();
    second.provider.destroy();
    await waitFor(() => !server.documentsInMemory().includes(documentId), 'evicted');
    const again = client(documentId);
    await waitFor(() => again.provider.synced, 'synced again');
    expect(fragmentText(again.doc).match(/Ziele/g)).toHaveLength(1);
    // Eviction compacted the seed into a snapshot: a cold open reads one record.
    expect(await db.collection('collab_updates').countDocuments({ doc: documentId })).toBe(0);
    expect(await db.collection('collab_snapshots').countDocuments({ doc: documentId })).toBe(1);

    // An edit refreshes the projection.
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Neuer Absatz')]);
    again.doc.getXmlFragment(COLLAB_FRAGMENT).push([paragraph]);
    await waitFor(async () => {
      const row = await db.collection('documents').findOne({ _id: new mongo.ObjectId(documentId) });
      return typeof row?.contentText === 'string' && row.contentText.includes('Neuer Absatz');
    }, 'projection');
    const row = await db.collection('documents').findOne({ _id: new mongo.ObjectId(documentId) });
    expect(row?.contentText).toBe('Ziele\n\nTeilhabe für alle\n\nNeuer Absatz');
    expect(row?.contentHtml).toBe(
      '<h2>Ziele</h2><p>Teilhabe <strong>für alle</strong></p><p>Neuer Absatz</p>',
    );
    expect(row?.contentUpdatedAt).toBeInstanceOf(Date);
  });

  it('removes content no editor writes, keeps projecting the rest and still evicts the document', async () => {
    const documentId = newDocumentId();
    await db.collection('documents').insertOne({ _id: new mongo.ObjectId(documentId), title: 'X' });
    const c = client(documentId);
    await waitFor(() => c.provider.synced, 'synced');
    const kept = new Y.XmlElement('paragraph');
    kept.insert(0, [new Y.XmlText('Bleibt')]);
    const hostile = new Y.XmlElement('paragraph');
    c.doc.getXmlFragment(COLLAB_FRAGMENT).push([kept, hostile]);
    // A valid Yjs update no editor sends: a map and a plain value inside a paragraph. Reading
    // them threw, so the projection retried forever and the document never left memory.
    (hostile as unknown as Y.Array<unknown>).insert(0, [new Y.Map(), 42]);
    await waitFor(async () => {
      const row = await db.collection('documents').findOne({ _id: new mongo.ObjectId(documentId) });
      return row?.contentText === 'Bleibt\n\n';
    }, 'projection of the readable content');
    await waitFor(() => hostile.length === 0, 'the removal reaching the client');
    c.provider.destroy();
    await waitFor(() => !server.documentsInMemory().includes(documentId), 'evicted');
  });

  it('persists a document with no clients, evicts it, and loads it back intact', async () => {
    const documentId = newDocumentId();
    const c = client(documentId);
    await waitFor(() => c.provider.synced, 'synced');
    c.doc.getText('t').insert(0, 'kept');
    await waitFor(() => server.documentsInMemory().includes(documentId), 'loaded');
    c.provider.destroy();
    await waitFor(() => !server.documentsInMemory().includes(documentId), 'evicted');
    const back = client(documentId);
    await waitFor(() => back.provider.synced && text(back.doc) === 'kept', 'content back');
  });

  it('stores a burst of typing as a few round records that load back to the same text', async () => {
    const documentId = newDocumentId();
    const c = client(documentId);
    await waitFor(() => c.provider.synced, 'synced');
    for (let i = 0; i < 60; i += 1) c.doc.getText('t').insert(i, String(i % 10));
    await waitFor(async () => text(await storedDoc(documentId)) === text(c.doc), 'burst stored');
    const records = await db.collection('collab_updates').countDocuments({ doc: documentId });
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThan(60);
    expect(text(await storedDoc(documentId))).toBe('012345678901234567890123456789'.repeat(2));
  });

  it('reports health on the public listener and Prometheus metrics only on the internal one', async () => {
    const health = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as {
      status: string;
      store: string;
    };
    expect(health).toMatchObject({ status: 'ok', store: 'ok' });
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const metrics = await (await fetch(`http://127.0.0.1:${internalPort}/metrics`)).text();
    expect(metrics).toContain('collab_connections');
    expect(metrics).toContain('collab_documents_in_memory');
    expect(metrics).toContain('collab_pending_updates');
    expect(metrics).toContain('collab_persistence_latency_seconds_bucket');
  });

  describe('versions (internal endpoints)', () => {
    const auth = {
      get authorization() {
        return `Bearer ${collabInternalToken(TEST_SECRET)}`;
      },
    };
    const base = () => `http://127.0.0.1:${internalPort}/internal/documents`;

    function paragraphs(doc: Y.Doc): string[] {
      return doc
        .getXmlFragment(COLLAB_FRAGMENT)
        .toArray()
        .map((node) => (node instanceof Y.XmlElement ? node.toArray().join('') : ''));
    }
    function addParagraph(doc: Y.Doc, content: string, at?: number): void {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(content)]);
      const fragment = doc.getXmlFragment(COLLAB_FRAGMENT);
      fragment.insert(at ?? fragment.length, [paragraph]);
    }

    it('refuses requests without the internal token, with an expired one, and on the public listener', async () => {
      const path = `/internal/documents/${newDocumentId()}/versions`;
      expect((await fetch(`http://127.0.0.1:${internalPort}${path}`)).status).toBe(401);
      const expired = `Bearer ${collabInternalToken(TEST_SECRET, Date.now() - 120_000)}`;
      expect(
        (
          await fetch(`http://127.0.0.1:${internalPort}${path}`, {
            headers: { authorization: expired },
          })
        ).status,
      ).toBe(401);
      const onPublic = await fetch(`http://127.0.0.1:${port}${path}`, {
        headers: { authorization: auth.authorization },
      });
      expect(onPublic.status).toBe(404);
    });

    it('creates, lists, views and restores a version as a new change that keeps concurrent edits', async () => {
      const documentId = newDocumentId();
      const alice = client(documentId);
      const bob = client(documentId, issueTicket(TEST_SECRET, { doc: documentId, sub: 'bob' }));
      await waitFor(() => alice.provider.synced && bob.provider.synced, 'synced');
      addParagraph(alice.doc, 'Eins');
      await waitFor(() => paragraphs(bob.doc).length === 1, 'bob sees Eins');

      const created = await fetch(`${base()}/${documentId}/versions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ label: 'Erster Stand', personId: 'alice', name: 'Alice' }),
      });
      expect(created.status).toBe(201);
      const { version } = (await created.json()) as { version: { id: string; label: string } };
      expect(version.label).toBe('Erster Stand');

      const list = (await (
        await fetch(`${base()}/${documentId}/versions`, { headers: auth })
      ).json()) as {
        versions: Array<{ id: string; createdBy: { name: string } }>;
      };
      expect(list.versions.map((v) => v.id)).toEqual([version.id]);
      expect(list.versions[0]?.createdBy.name).toBe('Alice');

      const view = (await (
        await fetch(`${base()}/${documentId}/versions/${version.id}`, { headers: auth })
      ).json()) as { html: string; text: string };
      expect(view.html).toBe('<p>Eins</p>');

      // After the version: Alice rewrites, Bob adds a paragraph of his own.
      const fragment = alice.doc.getXmlFragment(COLLAB_FRAGMENT);
      const first = fragment.get(0) as Y.XmlElement;
      (first.get(0) as Y.XmlText).insert(4, ' geändert');
      addParagraph(bob.doc, 'Bobs Absatz');
      await waitFor(
        () => paragraphs(alice.doc).join('|') === 'Eins geändert|Bobs Absatz',
        'both edits everywhere',
      );

      const restored = await fetch(`${base()}/${documentId}/versions/${version.id}/restore`, {
        method: 'POST',
        headers: auth,
      });
      expect(restored.status).toBe(200);
      await waitFor(() => paragraphs(alice.doc).join('|') === 'Eins', 'alice sees the restore');
      await waitFor(() => paragraphs(bob.doc).join('|') === 'Eins', 'bob sees the restore');

      // The restore was a new change on top: Alice's and Bob's edits stay in the stored
      // history (deleted, not erased), so every change their clients made is still contained.
      await server.flush();
      const stored = await storedDoc(documentId);
      expect(paragraphs(stored)).toEqual(['Eins']);
      for (const client of [alice.doc, bob.doc]) {
        expect(Y.getState(stored.store, client.clientID)).toBe(
          Y.getState(client.store, client.clientID),
        );
        expect(Y.getState(stored.store, client.clientID)).toBeGreaterThan(0);
      }

      // Edits made right after a restore still apply.
      addParagraph(bob.doc, 'Danach');
      await waitFor(() => paragraphs(alice.doc).join('|') === 'Eins|Danach', 'edit after restore');
    });

    it('answers 404 with a stable code for an unknown version', async () => {
      const response = await fetch(
        `${base()}/${newDocumentId()}/versions/${new mongo.ObjectId().toHexString()}`,
        { headers: auth },
      );
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'VERSION_NOT_FOUND' } });
    });
  });
});
