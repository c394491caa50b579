import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveEngine } from '@lip/engine';
import { ConfigError, loadConfig } from '../api/src/config';
import { openConnection } from '../api/src/db/connection';
import { readManifest, restoreDatabase, verifyBackup } from './backup/database-backup';

/**
 * `npm run restore -- <folder>`: restores a backup made by `npm run backup` into the configured
 * database, which must hold no documents (`MONGODB_URI` + `MONGODB_DB`, or the embedded engine
 * under `DATA_DIR` while the product is stopped). `--verify` only checks the folder (checksums,
 * every line, counts) without a database.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { verify: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1 || !positionals[0]) {
    throw new Error('Usage: npm run restore -- <backup folder> [--verify]');
  }
  const dir = resolve(positionals[0]);
  const manifest = readManifest(dir);
  const total = manifest.collections.reduce((sum, c) => sum + c.count, 0);
  console.log(
    `Backup of ${manifest.database} from ${manifest.finishedAt}: ${manifest.collections.length} collections, ${total} documents.`,
  );
  if (values.verify) {
    const problems = await verifyBackup(dir);
    if (problems.length > 0) throw new Error(`The backup is damaged:\n  ${problems.join('\n  ')}`);
    console.log('Verified: every file matches its checksum and count.');
    return;
  }
  const config = loadConfig();
  const engine = await resolveEngine({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  const connection = await openConnection(engine.uri, config.dbName);
  try {
    const db = connection.db;
    if (!db) throw new Error('no database handle');
    console.log(`Restoring into ${config.dbName} on ${engine.description}`);
    await restoreDatabase(db, dir, { log: (line) => console.log(line) });
    console.log('Done: every collection holds the number of documents in the manifest.');
  } finally {
    await connection.close();
    await engine.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
