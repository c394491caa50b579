import { mongo } from 'mongoose';
import type { CollabLogger } from '../logger';

/** A row of `collab_revocations`, inserted by the API when a person loses access. */
export interface Revocation {
  personId: string;
  documentId?: string;
  sessionId?: string;
  reason: string;
}

interface RevocationRecord extends Revocation {
  _id: mongo.ObjectId;
  createdAt: Date;
}

/** Whether a revocation applies to a connection of `personId` on `documentId` in `sessionId`. */
export function isRevoked(
  revocation: Revocation,
  connection: { personId: string; documentId: string; sessionId: string },
): boolean {
  return (
    revocation.personId === connection.personId &&
    (revocation.documentId === undefined ||
      revocation.documentId === null ||
      revocation.documentId === connection.documentId) &&
    (revocation.sessionId === undefined ||
      revocation.sessionId === null ||
      revocation.sessionId === connection.sessionId)
  );
}

/**
 * Polls `collab_revocations` by increasing `_id` every `pollMs` and hands new rows to
 * `onRevocation`. Starts after the newest existing row (older rows concern connections that no
 * longer exist). A failed poll keeps its position and tries again on the next tick.
 */
export function startRevocationPoller(options: {
  db: mongo.Db;
  pollMs: number;
  logger: CollabLogger;
  onRevocation: (revocation: Revocation) => void;
}): { stop(): Promise<void>; ready: Promise<void> } {
  const collection = options.db.collection<RevocationRecord>('collab_revocations');
  let lastId: mongo.ObjectId | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    const newest = await collection.find({}).sort({ _id: -1 }).limit(1).toArray();
    lastId = newest[0]?._id ?? mongo.ObjectId.createFromTime(0);
  }

  async function poll(): Promise<void> {
    if (!lastId) await start();
    const rows = await collection
      .find({ _id: { $gt: lastId } })
      .sort({ _id: 1 })
      .limit(1000)
      .toArray();
    for (const row of rows) {
      lastId = row._id;
      options.onRevocation(row);
    }
  }

  function tick(): void {
    if (stopped) return;
    running = poll()
      .catch((error: unknown) => {
        options.logger.warn('polling revocations failed', { error: String(error) });
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs);
      });
  }

  const ready = start().catch((error: unknown) => {
    options.logger.warn('reading revocations failed; will retry', { error: String(error) });
  });
  void ready.then(() => {
    if (!stopped) timer = setTimeout(tick, options.pollMs);
  });

  return {
    ready,
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Whether a revocation written since the ticket was issued applies to it. Tickets live 120 s,
 * so without this check a revoked person could reconnect with the ticket they already hold.
 */
export async function isTicketRevoked(
  db: mongo.Db,
  connection: { personId: string; documentId: string; sessionId: string; issuedAtSeconds: number },
): Promise<boolean> {
  const rows = await db
    .collection<RevocationRecord>('collab_revocations')
    .find({
      personId: connection.personId,
      createdAt: { $gte: new Date(connection.issuedAtSeconds * 1000) },
    })
    .limit(100)
    .toArray();
  return rows.some((row) => isRevoked(row, connection));
}
