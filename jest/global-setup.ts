import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveEngine, type Engine } from '@lip/engine';

declare global {
  var __LIP_TEST_ENGINE__: Engine | undefined;
}

/**
 * Starts one real database engine for the whole jest run (FerretDB on SQLite files in a temporary
 * folder unless MONGODB_URI is given) and hands its URI to the workers through the environment.
 * Not FerretDB's in-memory mode: in 1.24 every update command hangs there (inserts and reads work).
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lip-test-'));
  const engine = await resolveEngine({
    mongodbUri: process.env.MONGODB_URI,
    dataDir,
    inMemory: false,
  });
  globalThis.__LIP_TEST_ENGINE__ = engine;
  process.env.LIP_TEST_MONGODB_URI = engine.uri;
  process.env.LIP_TEST_DATA_DIR = dataDir;
}
