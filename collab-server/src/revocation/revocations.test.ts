import { COLLAB_REVOCATIONS_COLLECTION } from '@lip/common';
import mongoose, { mongo } from 'mongoose';
import { testDatabase } from '../../../jest/database';
import { silentLogger } from '../logger';
import { waitFor } from '../testing/collab-test-kit';
import { ensureRevocationIndexes, isTicketRevoked, startRevocationPoller } from './revocations';

jest.setTimeout(30_000);

const { uri, dbName } = testDatabase(__filename);
let connection: mongoose.Connection;
let db: mongo.Db;

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  await ensureRevocationIndexes(db);
});

afterAll(async () => {
  await db.dropDatabase();
  await connection.close();
});

const rows = () => db.collection(COLLAB_REVOCATIONS_COLLECTION);

/** A poller collecting what it delivers, by person id. */
async function startCollecting() {
  const delivered: string[] = [];
  const poller = startRevocationPoller({
    db,
    pollMs: 50,
    clock: { now: () => Date.now() },
    logger: silentLogger,
    onRevocation: (row) => {
      delivered.push(row.personId ?? `doc:${row.documentId}`);
    },
  });
  await poller.ready;
  return { delivered, poller };
}

describe('revocation polling', () => {
  it('does not deliver rows that existed before it started', async () => {
    await rows().insertOne({ personId: 'before', reason: 'sign-out', createdAt: new Date() });
    const { delivered, poller } = await startCollecting();
    try {
      await rows().insertOne({ personId: 'after', reason: 'sign-out', createdAt: new Date() });
      await waitFor(() => delivered.includes('after'), 'the new row');
      expect(delivered).not.toContain('before');
    } finally {
      await poller.stop();
    }
  });

  it('delivers a row from another writer whose _id sorts before rows already seen, once', async () => {
    const { delivered, poller } = await startCollecting();
    try {
      // Writer A's ids come from a clock a minute ahead; writer B's from now. Polling by _id
      // would skip B's row for good once A's was seen.
      const ahead = mongo.ObjectId.createFromTime(Math.floor(Date.now() / 1000) + 60);
      await rows().insertOne({
        _id: ahead,
        personId: 'writer-a',
        reason: 'sign-out',
        createdAt: new Date(),
      });
      await waitFor(() => delivered.includes('writer-a'), 'writer A');
      await rows().insertOne({ personId: 'writer-b', reason: 'sign-out', createdAt: new Date() });
      await waitFor(() => delivered.includes('writer-b'), 'writer B');
      // Several more polls over the same window deliver nothing twice.
      await rows().insertOne({ personId: 'marker', reason: 'sign-out', createdAt: new Date() });
      await waitFor(() => delivered.includes('marker'), 'marker');
      expect(delivered.filter((p) => p === 'writer-a')).toHaveLength(1);
      expect(delivered.filter((p) => p === 'writer-b')).toHaveLength(1);
    } finally {
      await poller.stop();
    }
  });

  it('delivers a fast-path notice at once and not again when the poll reads its record', async () => {
    const { delivered, poller } = await startCollecting();
    try {
      const _id = new mongo.ObjectId();
      const createdAt = new Date();
      poller.offer({ _id: _id.toHexString(), personId: 'noticed', reason: 'sign-out', createdAt });
      expect(delivered).toEqual(['noticed']);
      await rows().insertOne({ _id, personId: 'noticed', reason: 'sign-out', createdAt });
      await rows().insertOne({ personId: 'marker', reason: 'sign-out', createdAt: new Date() });
      await waitFor(() => delivered.includes('marker'), 'marker');
      expect(delivered.filter((p) => p === 'noticed')).toHaveLength(1);
    } finally {
      await poller.stop();
    }
  });

  it('delivers a row whose writer clock is a few seconds behind', async () => {
    const { delivered, poller } = await startCollecting();
    try {
      await rows().insertOne({ personId: 'now', reason: 'sign-out', createdAt: new Date() });
      await waitFor(() => delivered.includes('now'), 'current row');
      await rows().insertOne({
        personId: 'skewed',
        reason: 'role-changed',
        createdAt: new Date(Date.now() - 4000),
      });
      await waitFor(() => delivered.includes('skewed'), 'the row from a clock 4 s behind');
    } finally {
      await poller.stop();
    }
  });
});

describe('revocation retention', () => {
  it('deletes records older than the retention once a minute and keeps newer ones', async () => {
    let now = Date.now();
    await rows().insertMany([
      { personId: 'old', reason: 'sign-out', createdAt: new Date(now - 11 * 60_000) },
      { personId: 'recent', reason: 'sign-out', createdAt: new Date(now - 60_000) },
    ]);
    const poller = startRevocationPoller({
      db,
      pollMs: 20,
      clock: { now: () => now },
      logger: silentLogger,
      onRevocation: () => undefined,
    });
    try {
      await poller.ready;
      now += 61_000;
      await waitFor(
        async () => (await rows().countDocuments({ personId: 'old' })) === 0,
        'the old record deleted',
      );
      expect(await rows().countDocuments({ personId: 'recent' })).toBe(1);
    } finally {
      await poller.stop();
    }
  });
});

describe('revocation check at connect', () => {
  const documentId = 'c'.repeat(24);
  const issuedAtMs = Date.now() - 5000;
  const connect = (personId: string) => ({
    personId,
    documentId,
    sessionId: 's1',
    issuedAtMs,
  });

  it('refuses a ticket issued before a document-wide revocation of its document', async () => {
    expect(await isTicketRevoked(db, connect('anyone'))).toBe(false);
    await rows().insertOne({
      documentId,
      reason: 'document-status-changed',
      createdAt: new Date(),
    });
    expect(await isTicketRevoked(db, connect('anyone'))).toBe(true);
    expect(
      await isTicketRevoked(db, { ...connect('anyone'), issuedAtMs: issuedAtMs + 3_600_000 }),
    ).toBe(false);
    expect(await isTicketRevoked(db, { ...connect('anyone'), documentId: 'd'.repeat(24) })).toBe(
      false,
    );
  });
});
