import { CollabCloseCode, toCollabDocumentName } from '@lip/common';
import * as encoding from 'lib0/encoding';
import mongoose, { type mongo } from 'mongoose';
import { WebSocket } from 'ws';
import { testDatabase } from '../../../jest/database';
import { MessageType } from '../protocol/messages';
import { createCollabServer, type CollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../testing/collab-test-kit';

jest.setTimeout(30_000);

const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;
let server: CollabServer;
let port: number;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  server = createCollabServer({
    database: { db },
    secret: TEST_SECRET,
    limits: { maxAwarenessBytes: 8 * 1024, maxAwarenessPerSecond: 10, maxAwarenessBurst: 5 },
  });
  ({ port } = await server.listen(0));
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

afterAll(async () => {
  await server.close();
  await db.dropDatabase();
  await connection.close();
});

type State = { user?: { name?: string; color?: string }; cursor?: unknown };

function client(documentId: string, sub: string, mode: 'edit' | 'read' | 'comment', name: string) {
  const c = connectClient({
    port,
    documentId,
    ticket: issueTicket(TEST_SECRET, { doc: documentId, sub, mode, name, color: '#0a7f86' }),
  });
  cleanups.push(() => c.provider.destroy());
  return c;
}

/** A websocket speaking raw frames, resolved once the server sent its sync step 1. */
async function rawClient(documentId: string, sub: string, mode: 'edit' | 'read' = 'read') {
  const ticket = issueTicket(TEST_SECRET, {
    doc: documentId,
    sub,
    mode,
    name: sub,
    color: '#0a7f86',
  });
  const socket = new WebSocket(
    `ws://127.0.0.1:${port}/${toCollabDocumentName(documentId)}?ticket=${ticket}`,
  );
  cleanups.push(() => socket.terminate());
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}

/** An awareness frame with raw entries (any client id, clock and state). */
function awarenessFrame(entries: Array<[clientId: number, clock: number, state: unknown]>) {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, MessageType.Awareness);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(inner));
  return encoding.toUint8Array(frame);
}

function stateSeenBy(observer: ReturnType<typeof client>, clientId: number): State | undefined {
  return observer.provider.awareness.getStates().get(clientId) as State | undefined;
}

describe('awareness', () => {
  it('shows every official client under the name and colour from its ticket, read-only ones too', async () => {
    const documentId = newDocumentId();
    const editor = client(documentId, 'ed', 'edit', 'Erika Editor');
    const reader = client(documentId, 'rd', 'read', 'Rolf Reader');
    reader.provider.awareness.setLocalStateField('user', {
      name: 'Erika Editor',
      color: '#000000',
    });
    reader.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });
    await waitFor(
      () => stateSeenBy(editor, reader.doc.clientID)?.cursor !== undefined,
      'the editor sees the reader’s caret',
    );
    expect(stateSeenBy(editor, reader.doc.clientID)).toEqual({
      user: { name: 'Rolf Reader', color: '#0a7f86' },
      cursor: { anchor: 1, head: 1 },
    });
  });

  it('does not let a read-only connection move or remove another person’s caret', async () => {
    const documentId = newDocumentId();
    const alice = client(documentId, 'alice', 'edit', 'Alice');
    const observer = client(documentId, 'obs', 'edit', 'Olga');
    alice.provider.awareness.setLocalStateField('cursor', { anchor: 3, head: 3 });
    const aliceId = alice.doc.clientID;
    await waitFor(
      () => (stateSeenBy(observer, aliceId)?.cursor as { anchor?: number })?.anchor === 3,
      'the observer sees alice',
    );

    const mallory = await rawClient(documentId, 'mallory', 'read');
    // Its first update claims its own id and tries alice's; the next ones move and remove her
    // caret; the last one, its own again, shows the observer that all of them were processed.
    mallory.socket.send(
      awarenessFrame([
        [555, 1, { cursor: null }],
        [aliceId, 1000, { user: { name: 'Alice' }, cursor: { anchor: 9, head: 9 } }],
      ]),
    );
    mallory.socket.send(awarenessFrame([[aliceId, 1001, { cursor: { anchor: 9, head: 9 } }]]));
    mallory.socket.send(awarenessFrame([[aliceId, 1002, null]]));
    mallory.socket.send(awarenessFrame([[555, 2, { done: true }]]));
    await waitFor(
      () => (stateSeenBy(observer, 555) as { done?: boolean } | undefined)?.done === true,
      'mallory’s own last update arrives',
    );
    expect(stateSeenBy(observer, aliceId)).toEqual({
      user: { name: 'Alice', color: '#0a7f86' },
      cursor: { anchor: 3, head: 3 },
    });
    expect(stateSeenBy(observer, 555)?.user).toEqual({ name: 'mallory', color: '#0a7f86' });
    const metrics = await server.metrics.metrics();
    expect(metrics).toMatch(/collab_rejected_messages_total\{reason="awareness-foreign"\} [1-9]/);
  });

  it('closes a connection that sends an awareness update over the size limit with 4413', async () => {
    const documentId = newDocumentId();
    const observer = client(documentId, 'obs', 'edit', 'Olga');
    await waitFor(() => observer.provider.synced, 'synced');
    const big = await rawClient(documentId, 'big', 'read');
    big.socket.send(awarenessFrame([[424242, 1, { junk: 'x'.repeat(9 * 1024) }]]));
    expect(await big.closed).toBe(CollabCloseCode.MessageTooBig);
    expect(stateSeenBy(observer, 424242)).toBeUndefined();
    expect(observer.closeCodes).toEqual([]);
  });

  it('coalesces awareness faster than its rate instead of relaying every update', async () => {
    const documentId = newDocumentId();
    const observer = client(documentId, 'obs', 'edit', 'Olga');
    await waitFor(() => observer.provider.synced, 'synced');
    let received = 0;
    observer.provider.awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(777)) received += 1;
    });
    const fast = await rawClient(documentId, 'fast', 'read');
    const startedAt = Date.now();
    for (let i = 1; i <= 60; i += 1) fast.socket.send(awarenessFrame([[777, i, { n: i }]]));
    await waitFor(() => (stateSeenBy(observer, 777) as { n?: number })?.n === 60, 'newest state');
    const elapsedSeconds = (Date.now() - startedAt) / 1000;
    // Burst 5 at once, then at most 10 a second (plus one for the timer granularity).
    expect(received).toBeLessThanOrEqual(5 + Math.ceil(elapsedSeconds * 10) + 1);
    expect(received).toBeLessThan(60);
    expect(fast.socket.readyState).toBe(WebSocket.OPEN);
  });
});
