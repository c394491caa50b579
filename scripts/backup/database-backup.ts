import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { mongo } from 'mongoose';

/**
 * A logical backup of one database through the driver, for MongoDB and FerretDB alike (there is
 * no mongodump for FerretDB's SQLite backend): one gzip file of canonical Extended JSON lines per
 * collection (binary, dates, int/long/double kept exactly) and `manifest.json` with collections,
 * counts, index definitions, SHA-256 of each file and the time.
 */

const { EJSON } = mongo.BSON;

/** `manifest.json` of a backup folder. */
export interface BackupManifest {
  format: 'lip-backup';
  version: 1;
  database: string;
  /** Engine version reported by `buildInfo` (FerretDB reports its MongoDB compatibility). */
  engineVersion: string | undefined;
  startedAt: string;
  finishedAt: string;
  collections: BackupCollection[];
}

/** One collection in a backup. */
export interface BackupCollection {
  name: string;
  file: string;
  count: number;
  /** SHA-256 (hex) of the gzip file. */
  sha256: string;
  /** Index definitions from `listIndexes`, without the implicit `_id_` index. */
  indexes: IndexDefinition[];
}

/** What `listIndexes` reports and `createIndexes` accepts back. */
export interface IndexDefinition {
  name: string;
  key: Record<string, number | string>;
  unique?: boolean;
  sparse?: boolean;
  expireAfterSeconds?: number;
  partialFilterExpression?: Record<string, unknown>;
}

export const MANIFEST_FILE = 'manifest.json';

/**
 * Dump order: append-only data before what is derived from it, because without transactions a
 * backup of a running product reads collections one after another. Compaction writes a snapshot
 * and then deletes the update records it covers: reading `collab_updates` first never loses an
 * update (the later snapshot or the records still hold it). A version header is written only
 * after its chunks: reading `document_versions` before `document_version_chunks` finds every
 * chunk of every header read.
 */
const DUMP_LAST = [
  'collab_updates',
  'collab_snapshots',
  'document_versions',
  'document_version_chunks',
];

/** Orders collection names for the dump (see {@link DUMP_LAST}). */
export function dumpOrder(names: string[]): string[] {
  const rest = names.filter((name) => !DUMP_LAST.includes(name)).sort();
  return [...rest, ...DUMP_LAST.filter((name) => names.includes(name))];
}

async function collectionNames(db: mongo.Db): Promise<string[]> {
  const listed = await db.listCollections({}, { nameOnly: true }).toArray();
  return listed.map((c) => c.name).filter((name) => !name.startsWith('system.'));
}

function toIndexDefinition(index: mongo.Document): IndexDefinition {
  const definition: IndexDefinition = {
    name: String(index.name),
    key: index.key as Record<string, number | string>,
  };
  if (index.unique) definition.unique = true;
  if (index.sparse) definition.sparse = true;
  if (typeof index.expireAfterSeconds === 'number') {
    definition.expireAfterSeconds = index.expireAfterSeconds;
  }
  if (index.partialFilterExpression) {
    definition.partialFilterExpression = index.partialFilterExpression as Record<string, unknown>;
  }
  return definition;
}

/** Writes every collection of `db` into `dir` (created; must be new or empty) and the manifest. */
export async function backupDatabase(
  db: mongo.Db,
  dir: string,
  options: { log?: (line: string) => void; now?: () => Date } = {},
): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => new Date());
  // A backup holds password and session hashes: readable by its owner only.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const startedAt = now().toISOString();
  const info = await db
    .admin()
    .command({ buildInfo: 1 })
    .catch(() => undefined);
  const collections: BackupCollection[] = [];
  for (const name of dumpOrder(await collectionNames(db))) {
    const collection = db.collection(name);
    const indexes = (await collection.listIndexes().toArray())
      .filter((index) => index.name !== '_id_')
      .map(toIndexDefinition);
    const file = `${encodeURIComponent(name)}.ejsonl.gz`;
    const hash = createHash('sha256');
    const lines = new PassThrough();
    const gzip = createGzip();
    gzip.on('data', (chunk: Buffer) => hash.update(chunk));
    const written = pipeline(lines, gzip, createWriteStream(join(dir, file), { mode: 0o600 }));
    let count = 0;
    for await (const doc of collection.find({})) {
      const ok = lines.write(`${EJSON.stringify(doc, { relaxed: false })}\n`);
      count += 1;
      if (!ok) await new Promise((resolve) => lines.once('drain', resolve));
    }
    lines.end();
    await written;
    collections.push({ name, file, count, sha256: hash.digest('hex'), indexes });
    log(`  ${name}: ${count} documents`);
  }
  const manifest: BackupManifest = {
    format: 'lip-backup',
    version: 1,
    database: db.databaseName,
    engineVersion: typeof info?.version === 'string' ? info.version : undefined,
    startedAt,
    finishedAt: now().toISOString(),
    collections,
  };
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, {
    mode: 0o600,
  });
  return manifest;
}

/** Reads and checks the manifest's shape. */
export function readManifest(dir: string): BackupManifest {
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BackupManifest;
  if (manifest.format !== 'lip-backup' || manifest.version !== 1) {
    throw new Error(`${join(dir, MANIFEST_FILE)} is not a version 1 LIP backup manifest`);
  }
  return manifest;
}

/** Streams the documents of one backup file, parsed back into BSON values. */
async function* readDocuments(
  dir: string,
  entry: BackupCollection,
): AsyncGenerator<mongo.Document> {
  const lines = createInterface({
    input: createReadStream(join(dir, entry.file)).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line.length > 0) yield EJSON.parse(line, { relaxed: false }) as mongo.Document;
  }
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * Checks a backup without a database: every file is there with the manifest's SHA-256, every line
 * parses, and the counts match. Returns the problems found (empty = good).
 */
export async function verifyBackup(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const manifest = readManifest(dir);
  for (const entry of manifest.collections) {
    try {
      const sha256 = await sha256Of(join(dir, entry.file));
      if (sha256 !== entry.sha256) {
        problems.push(`${entry.file}: checksum differs from the manifest`);
        continue;
      }
      let count = 0;
      for await (const _doc of readDocuments(dir, entry)) count += 1;
      if (count !== entry.count) {
        problems.push(`${entry.file}: ${count} documents, the manifest says ${entry.count}`);
      }
    } catch (error) {
      problems.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/** Largest insert batch; well below the 48 MB message limit of the wire protocol. */
const BATCH_DOCUMENTS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Restores a verified backup into an empty database (collections may exist without documents,
 * e.g. after the API created its indexes): indexes first, then the documents in batches, then
 * each count is compared with the manifest. Refuses a database that holds any document.
 */
export async function restoreDatabase(
  db: mongo.Db,
  dir: string,
  options: { log?: (line: string) => void } = {},
): Promise<BackupManifest> {
  const log = options.log ?? (() => undefined);
  const problems = await verifyBackup(dir);
  if (problems.length > 0) throw new Error(`The backup is damaged:\n  ${problems.join('\n  ')}`);
  for (const name of await collectionNames(db)) {
    if ((await db.collection(name).estimatedDocumentCount()) > 0) {
      throw new Error(
        `Database ${db.databaseName} is not empty (${name} has documents); restore only into an empty database`,
      );
    }
  }
  const manifest = readManifest(dir);
  for (const entry of manifest.collections) {
    const collection = db.collection(entry.name);
    await db.createCollection(entry.name).catch((error: unknown) => {
      // An existing (empty) collection is fine: code 48 NamespaceExists.
      if ((error as { code?: number }).code !== 48) throw error;
    });
    if (entry.indexes.length > 0) {
      await collection.createIndexes(
        entry.indexes.map(({ key, ...rest }) => ({ key, ...rest }) as mongo.IndexDescription),
      );
    }
    let batch: mongo.Document[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await collection.insertMany(batch, { ordered: true });
      batch = [];
      batchBytes = 0;
    };
    for await (const doc of readDocuments(dir, entry)) {
      batch.push(doc);
      batchBytes += mongo.BSON.calculateObjectSize(doc);
      if (batch.length >= BATCH_DOCUMENTS || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    const count = await collection.countDocuments({});
    if (count !== entry.count) {
      throw new Error(
        `${entry.name}: restored ${count} documents, the backup holds ${entry.count}`,
      );
    }
    log(`  ${entry.name}: ${count} documents`);
  }
  return manifest;
}
