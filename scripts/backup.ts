import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveEngine } from '@lip/engine';
import { ConfigError, loadConfig } from '../api/src/config';
import { openConnection } from '../api/src/db/connection';
import { backupDatabase } from './backup/database-backup';

/**
 * `npm run backup -- [--out <folder>]`: dumps every collection of the configured database
 * (`MONGODB_URI` + `MONGODB_DB`, or the embedded engine under `DATA_DIR`, which must not be in
 * use by a running product) into a new folder, default `./backups/<db>-<UTC time>`. See
 * docs/operations.md for consistency and verification.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
  const config = loadConfig();
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const dir = resolve(values.out ?? `backups/${config.dbName}-${stamp}`);
  const engine = await resolveEngine({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  const connection = await openConnection(engine.uri, config.dbName);
  try {
    const db = connection.db;
    if (!db) throw new Error('no database handle');
    console.log(`Backing up ${config.dbName} on ${engine.description} into ${dir}`);
    const manifest = await backupDatabase(db, dir, { log: (line) => console.log(line) });
    const total = manifest.collections.reduce((sum, c) => sum + c.count, 0);
    console.log(
      `Done: ${manifest.collections.length} collections, ${total} documents, ${manifest.startedAt} to ${manifest.finishedAt}.`,
    );
  } finally {
    await connection.close();
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
