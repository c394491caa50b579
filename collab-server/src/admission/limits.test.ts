import { CollabCloseCode, toCollabDocumentName } from '@lip/common';
import * as decoding from 'lib0/decoding';
import mongoose, { type mongo } from 'mongoose';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { testDatabase } from '../../../jest/database';
import { encodeSyncStep1 } from '../protocol/messages';
import { createCollabServer, type CollabServer } from '../server';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from '../testing/collab-test-kit';
import { takeToken, type TokenBucket } from './limits';

// Generous limits: CI runs these beside other suites on two shared cores.
jest.setTimeout(30_000);

/** A full bucket and a `take()` on it, reading the test's clock. */
function bucketTaker(limits: { ratePerSecond: number; burst: number }, now: () => number) {
  const bucket: TokenBucket = { tokens: limits.burst, refilledAt: now() };
  return () => takeToken(bucket, limits, now());
}

describe('message rate limiter (token bucket)', () => {
  it('accepts a burst up to its capacity at once and refuses the next message', () => {
    const now = 1_000_000;
    const take = bucketTaker({ ratePerSecond: 10, burst: 30 }, () => now);
    for (let i = 0; i < 30; i += 1) expect(take()).toBe(true);
    expect(take()).toBe(false);
  });

  it('refills at the sustained rate and never above the burst capacity', () => {
    let now = 0;
    const take = bucketTaker({ ratePerSecond: 10, burst: 5 }, () => now);
    for (let i = 0; i < 5; i += 1) take();
    expect(take()).toBe(false);
    now += 100; // one token at 10/s
    expect(take()).toBe(true);
    expect(take()).toBe(false);
    now += 60_000; // a long pause fills the bucket to its capacity, not beyond
    for (let i = 0; i < 5; i += 1) expect(take()).toBe(true);
    expect(take()).toBe(false);
  });

  it('lets a client that stays at its sustained rate send forever', () => {
    let now = 0;
    const take = bucketTaker({ ratePerSecond: 100, burst: 3 }, () => now);
    for (let i = 0; i < 10_000; i += 1) {
      now += 10;
      expect(take()).toBe(true);
    }
  });
});

describe('message rate limit on a live server', () => {
  const RATE = 20;
  const BURST = 40;
  const { uri, dbName } = testDatabase(__filename);
  let connection: mongoose.Connection;
  let db: mongo.Db;
  let server: CollabServer;
  let port: number;
  // The server's clock; frozen, no tokens are refilled, so a burst is measured exactly.
  let frozenAtMs: number | undefined;

  beforeAll(async () => {
    connection = await mongoose.createConnection(uri, { dbName }).asPromise();
    if (!connection.db) throw new Error('no db');
    db = connection.db;
    server = createCollabServer({
      database: { db },
      secret: TEST_SECRET,
      limits: { maxMessagesPerSecond: RATE, maxMessageBurst: BURST },
      clock: { now: () => frozenAtMs ?? Date.now() },
    });
    ({ port } = await server.listen(0));
  });

  afterAll(async () => {
    await server.close();
    await db.dropDatabase();
    await connection.close();
  });

  /** Whether a server frame is a sync step 2 (the answer to each sync step 1 we send). */
  function isSyncStep2(data: Buffer): boolean {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1;
  }

  it('accepts a burst of up to the capacity and closes with 4430 on the message after it', async () => {
    frozenAtMs = Date.now();
    const documentId = newDocumentId();
    const ticket = issueTicket(TEST_SECRET, { doc: documentId });
    const socket = new WebSocket(
      `ws://127.0.0.1:${port}/${toCollabDocumentName(documentId)}?ticket=${ticket}`,
    );
    try {
      let answered = 0;
      let closeCode: number | undefined;
      socket.on('message', (data: Buffer) => {
        if (isSyncStep2(data)) answered += 1;
      });
      socket.on('close', (code) => {
        closeCode = code;
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      const step1 = encodeSyncStep1(new Y.Doc());
      for (let i = 0; i < BURST; i += 1) socket.send(step1);
      await waitFor(() => answered === BURST, 'every message of the burst answered');
      expect(closeCode).toBeUndefined();

      socket.send(step1);
      await waitFor(() => closeCode !== undefined, 'close after the burst');
      expect(closeCode).toBe(CollabCloseCode.RateLimited);
    } finally {
      frozenAtMs = undefined;
      socket.terminate();
    }
  });

  it('closes only the flooding connection; the other clients and the document carry on', async () => {
    const documentId = newDocumentId();
    const connect = (sub: string) =>
      connectClient({
        port,
        documentId,
        ticket: issueTicket(TEST_SECRET, { doc: documentId, sub }),
      });
    const alice = connect('alice');
    const bob = connect('bob');
    const flooder = connect('flooder');
    try {
      await waitFor(
        () => alice.provider.synced && bob.provider.synced && flooder.provider.synced,
        'synced',
      );
      // About 500 messages a second, far above the sustained 20, for at most three seconds.
      const deadline = Date.now() + 3000;
      for (let i = 0; flooder.closeCodes.length === 0 && Date.now() < deadline; i += 1) {
        flooder.doc.getText('t').insert(0, 'x');
        if (i % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await waitFor(() => flooder.closeCodes.length > 0, 'the flooder is closed');
      expect(flooder.closeCodes[0]).toBe(CollabCloseCode.RateLimited);
      // The official y-websocket client treats 4400-4499 as final and does not reconnect.
      expect(flooder.provider.shouldConnect).toBe(false);

      alice.doc.getText('t').insert(0, 'A');
      bob.doc.getText('t').insert(0, 'B');
      await waitFor(
        () =>
          alice.doc.getText('t').toString() === bob.doc.getText('t').toString() &&
          alice.doc.getText('t').toString().includes('A') &&
          alice.doc.getText('t').toString().includes('B'),
        'alice and bob converge after the flood',
      );
      expect(alice.closeCodes).toEqual([]);
      expect(bob.closeCodes).toEqual([]);
      expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
    } finally {
      alice.provider.destroy();
      bob.provider.destroy();
      flooder.provider.destroy();
    }
  });
});
