import mongoose, { mongo } from 'mongoose';
import type { CollabClock } from '../logger';
import type { ContentProjection } from './projection';

/** A connected database, or a URI the server connects to (and disconnects from on close). */
export type DatabaseSource = { db: mongo.Db } | { mongoUri: string; dbName?: string };

/**
 * The database of one collab server, connected on first use. A given `db` is used as it is
 * (and left open); a URI gets its own connection, closed by `close`.
 */
export function createDatabase(source: DatabaseSource) {
  let owned: mongoose.Connection | undefined;
  let pending: Promise<mongo.Db> | undefined;

  function database(): Promise<mongo.Db> {
    if (pending) return pending;
    if ('db' in source) {
      pending = Promise.resolve(source.db);
    } else {
      pending = mongoose
        .createConnection(source.mongoUri, source.dbName ? { dbName: source.dbName } : {})
        .asPromise()
        .then((connection) => {
          owned = connection;
          const db = connection.db;
          if (!db) throw new Error('database connection has no db');
          return db;
        });
    }
    return pending;
  }

  return {
    database,
    async close(): Promise<void> {
      await owned?.close();
    },
  };
}

/**
 * The collab server's reads and writes in the API-owned `documents` collection: `seedContent`
 * for a document with no stored state, and the text/HTML projection.
 */
export function createDocumentsCollection(database: () => Promise<mongo.Db>, clock: CollabClock) {
  return {
    async readSeedContent(documentId: string): Promise<unknown> {
      const db = await database();
      const row = await db
        .collection('documents')
        .findOne({ _id: new mongo.ObjectId(documentId) }, { projection: { seedContent: 1 } });
      return row?.seedContent;
    },
    async writeProjection(documentId: string, projection: ContentProjection): Promise<void> {
      const db = await database();
      await db.collection('documents').updateOne(
        { _id: new mongo.ObjectId(documentId) },
        {
          $set: {
            contentText: projection.text,
            contentHtml: projection.html,
            contentUpdatedAt: new Date(clock.now()),
          },
        },
      );
    },
  };
}
