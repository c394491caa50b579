import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@lip/engine';
import mongoose, { type mongo } from 'mongoose';
import * as Y from 'yjs';
import { testDatabase } from '../../jest/database';
import { createCollabStore } from './persistence/collab-store';
import {
  TEST_SECRET,
  connectClient,
  issueTicket,
  newDocumentId,
  waitFor,
} from './testing/collab-test-kit';

jest.setTimeout(90_000);

const { uri, dbName } = testDatabase(__filename);
const repoRoot = join(__dirname, '..', '..');
const BATCH_MS = 50;
let connection: mongoose.Connection;
let db: mongo.Db;
let port: number;
const children: ChildProcess[] = [];

/** Starts `main.ts` as a separate process, as in production, and waits until it listens. */
async function startCollabProcess(): Promise<ChildProcess> {
  // `node --import tsx` keeps the server in this one process (the tsx CLI would fork a child that
  // survives a SIGKILL of its parent).
  const child = spawn(process.execPath, ['--import', 'tsx', 'collab-server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      MONGODB_URI: uri,
      MONGODB_DB: dbName,
      COLLAB_PORT: String(port),
      // Any free port: the one next to a free port may be taken.
      COLLAB_INTERNAL_PORT: '0',
      COLLAB_SECRET: TEST_SECRET,
      COLLAB_STORE_BATCH_MS: String(BATCH_MS),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'lip-collab-crash-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('collab-server listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`collab process exited (${code}): ${output}`)));
  });
  return child;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function storedEntries(documentId: string): Promise<string[]> {
  const loaded = await createCollabStore(db).load(documentId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loaded.state);
  return doc.getArray<string>('log').toArray();
}

beforeAll(async () => {
  connection = await mongoose.createConnection(uri, { dbName }).asPromise();
  if (!connection.db) throw new Error('no db');
  db = connection.db;
  port = await findFreePort();
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await db.dropDatabase();
  await connection.close();
});

describe('crash recovery of a separate collab process', () => {
  it('keeps every update older than the batching window through kill -9, reconverges, and survives a clean restart', async () => {
    const documentId = newDocumentId();
    const first = await startCollabProcess();
    const clients = [0, 1, 2].map((i) =>
      connectClient({
        port,
        documentId,
        ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: `typist-${i}` }),
      }),
    );
    try {
      await waitFor(() => clients.every((c) => c.provider.synced), 'clients synced', 20_000);
      // Every entry records when its client typed it.
      const typedAt = new Map<string, number>();
      let n = 0;
      const typing = setInterval(() => {
        for (const [i, c] of clients.entries()) {
          const entry = `${i}:${n}`;
          typedAt.set(entry, Date.now());
          c.doc.getArray<string>('log').push([entry]);
        }
        n += 1;
      }, 10);
      await waitFor(() => n >= 60, 'typing', 20_000);
      const killedAt = Date.now();
      first.kill('SIGKILL');
      await exited(first);
      clearInterval(typing);

      // Allow the batching window plus one local round trip to the database.
      const mustBeStored = [...typedAt].filter(([, at]) => at < killedAt - BATCH_MS - 150);
      expect(mustBeStored.length).toBeGreaterThan(100);
      const stored = new Set(await storedEntries(documentId));
      expect(mustBeStored.filter(([entry]) => !stored.has(entry))).toEqual([]);

      // Clients keep their local edits; after the restart they sync and agree on everything.
      clients[0]!.doc.getArray<string>('log').push(['offline-edit']);
      const second = await startCollabProcess();
      const everything = () => clients[0]!.doc.getArray<string>('log').toArray();
      await waitFor(
        () =>
          clients.every((c) => c.provider.synced) &&
          clients.every((c) => c.doc.getArray('log').length === everything().length),
        'clients reconverge',
        30_000,
      );
      const all = everything();
      expect(all).toContain('offline-edit');
      expect(all.length).toBe(typedAt.size + 1);
      for (const c of clients) expect(c.doc.getArray('log').toArray()).toEqual(all);

      // No clients, clean restart: the content is intact.
      for (const c of clients) c.provider.destroy();
      second.kill('SIGTERM');
      expect(await exited(second)).toBe(0);
      expect((await storedEntries(documentId)).sort()).toEqual([...all].sort());
      const third = await startCollabProcess();
      const reader = connectClient({
        port,
        documentId,
        ticket: issueTicket(TEST_SECRET, { doc: documentId, sub: 'reader', mode: 'read' }),
      });
      await waitFor(() => reader.provider.synced, 'reader synced', 20_000);
      expect(reader.doc.getArray('log').toArray()).toEqual(all);
      reader.provider.destroy();
      third.kill('SIGTERM');
      await exited(third);
    } finally {
      for (const c of clients) c.provider.destroy();
    }
  });
});
