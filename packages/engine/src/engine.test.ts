import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { EngineUnavailableError, redactUri, resolveEngine, type Engine } from './engine';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lip-engine-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function ping(uri: string): Promise<number> {
  const connection = await mongoose.createConnection(uri, { dbName: 'engine_test' }).asPromise();
  try {
    const reply = await connection.db?.admin().ping();
    return Number(reply?.ok);
  } finally {
    await connection.close();
  }
}

describe('resolveEngine', () => {
  it('uses MONGODB_URI as is and starts nothing', async () => {
    const engine = await resolveEngine({
      mongodbUri: 'mongodb://user:secret@db.example:27017/',
      dataDir: tempDir(),
    });
    expect(engine.kind).toBe('uri');
    expect(engine.uri).toBe('mongodb://user:secret@db.example:27017/');
    expect(engine.description).not.toContain('secret');
    await engine.stop();
  });

  it('starts the embedded FerretDB on a free port and it answers a ping', async () => {
    const engine = await resolveEngine({ dataDir: tempDir(), searchPath: [] });
    try {
      expect(engine.kind).toBe('ferretdb');
      expect(engine.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await ping(engine.uri)).toBe(1);
    } finally {
      await engine.stop();
    }
  }, 30_000);

  it('keeps data across a restart when not in memory', async () => {
    const dataDir = tempDir();
    let engine: Engine = await resolveEngine({ dataDir, searchPath: [] });
    let connection = await mongoose.createConnection(engine.uri, { dbName: 'persist' }).asPromise();
    await connection.db?.collection('things').insertOne({ name: 'bleibt' });
    await connection.close();
    await engine.stop();

    engine = await resolveEngine({ dataDir, searchPath: [] });
    try {
      connection = await mongoose.createConnection(engine.uri, { dbName: 'persist' }).asPromise();
      const found = await connection.db?.collection('things').findOne({ name: 'bleibt' });
      expect(found?.name).toBe('bleibt');
      await connection.close();
    } finally {
      await engine.stop();
    }
  }, 60_000);

  it('fails with a clear message when no engine is available', async () => {
    const attempt = resolveEngine({
      dataDir: tempDir(),
      searchPath: [],
      ferretdbBin: join(tempDir(), 'no-such-ferretdb'),
    });
    await expect(attempt).rejects.toBeInstanceOf(EngineUnavailableError);
    await expect(attempt).rejects.toThrow(/MONGODB_URI.*npm run setup/s);
  });

  it('redacts passwords in connection strings', () => {
    expect(redactUri('mongodb://ann:pa55@host/')).toBe('mongodb://ann:***@host/');
  });
});
