import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CollabCloseCode, editorSchema } from '@lip/common';
import mongoose, { mongo } from 'mongoose';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  collabLimitsSchema,
  collabTimingsSchema,
  type CollabLimits,
  type CollabTimings,
} from './config';
import { CollabSocket } from './connections/collab-socket';
import { createCollabDocument, type CollabDocument } from './documents/collab-document';
import { authenticateUpgrade } from './hooks/authenticate';
import { createConnectionCounter, takeToken } from './hooks/limits';
import {
  isRevoked,
  isTicketRevoked,
  startRevocationPoller,
  type Revocation,
} from './hooks/revocation';
import { silentLogger, type CollabClock, type CollabLogger } from './logger';
import { createCollabMetrics } from './metrics';
import { createCollabStore } from './persistence/collab-store';
import type { ContentProjection } from './persistence/projection';
import { toSeedUpdate } from './persistence/seed';
import { encodeAwarenessMessage, encodeSyncStep1, handleMessage } from './protocol/messages';
import { createVersionRoutes } from './versions/version-routes';

/** What `createCollabServer` needs; everything else has defaults. */
export interface CollabServerDeps {
  /** A connected database, or a URI the server connects to (and disconnects on close). */
  database: { db: mongo.Db } | { mongoUri: string; dbName?: string };
  /** Shared secret for tickets and the internal version endpoints. */
  secret: string;
  limits?: Partial<CollabLimits>;
  timings?: Partial<CollabTimings>;
  logger?: CollabLogger;
  clock?: CollabClock;
}

/** Health of the store: `degraded` while database writes fail and updates wait in memory. */
export type StoreStatus = 'ok' | 'degraded';

const SHUTDOWN_FLUSH_MS = 10_000;

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function messageSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.byteLength, 0);
  return data.byteLength;
}

/**
 * Builds a y-websocket compatible collab server: ticket authentication at the upgrade,
 * read-only modes, limits, revocation polling, write-behind persistence to MongoDB, projection,
 * versions (internal HTTP), `/healthz` and `/metrics`. All state lives in the returned object,
 * so several servers can run in one process.
 */
export function createCollabServer(deps: CollabServerDeps) {
  const limits = collabLimitsSchema.parse(deps.limits ?? {});
  const timings = collabTimingsSchema.parse(deps.timings ?? {});
  const logger = deps.logger ?? silentLogger;
  const clock = deps.clock ?? { now: () => Date.now() };
  const schema = editorSchema();

  let ownedConnection: mongoose.Connection | undefined;
  let dbPromise: Promise<mongo.Db> | undefined;
  const documents = new Map<string, Promise<CollabDocument>>();
  const connections = new Set<CollabSocket>();
  const rate = { ratePerSecond: limits.maxMessagesPerSecond, burst: limits.maxMessageBurst };
  let pingTimer: NodeJS.Timeout | undefined;
  const counter = createConnectionCounter(limits);
  let storeStatus: StoreStatus = 'ok';
  let closing = false;
  let poller: ReturnType<typeof startRevocationPoller> | undefined;

  const metrics = createCollabMetrics({
    connections: () => connections.size,
    documents: () => documents.size,
    pendingUpdates: () => pendingUpdates(),
  });
  const health = {
    markOk(): void {
      if (storeStatus !== 'ok') logger.info('store is back', {});
      storeStatus = 'ok';
    },
    markDegraded(error: unknown): void {
      if (storeStatus !== 'degraded') logger.warn('store degraded', { error: String(error) });
      storeStatus = 'degraded';
    },
  };

  const loadedDocuments = new Map<string, CollabDocument>();
  function pendingUpdates(): number {
    let total = 0;
    for (const doc of loadedDocuments.values()) total += doc.pendingUpdates;
    return total;
  }

  function database(): Promise<mongo.Db> {
    if (!dbPromise) {
      const source = deps.database;
      if ('db' in source) {
        dbPromise = Promise.resolve(source.db);
      } else {
        dbPromise = mongoose
          .createConnection(source.mongoUri, source.dbName ? { dbName: source.dbName } : {})
          .asPromise()
          .then((connection) => {
            ownedConnection = connection;
            const db = connection.db;
            if (!db) throw new Error('database connection has no db');
            return db;
          });
      }
    }
    return dbPromise;
  }

  async function writeProjection(documentId: string, projection: ContentProjection) {
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
  }

  async function readSeedContent(db: mongo.Db, documentId: string): Promise<unknown> {
    const row = await db
      .collection('documents')
      .findOne({ _id: new mongo.ObjectId(documentId) }, { projection: { seedContent: 1 } });
    return row?.seedContent;
  }

  async function loadDocument(documentId: string): Promise<CollabDocument> {
    const db = await database();
    const store = createCollabStore(db);
    let loaded = await store.loadParts(documentId);
    if (!loaded.exists) {
      // Seed on the server, once: the seed becomes update 1, and a concurrent seeder's insert
      // of the same sequence is ignored; reloading gives everyone the same state.
      const seed = toSeedUpdate(await readSeedContent(db, documentId), schema);
      if (seed) {
        await store.appendUpdates(documentId, [{ seq: 1, update: seed }]);
        loaded = await store.loadParts(documentId);
        logger.info('seeded document', { documentId });
      }
    }
    const doc: CollabDocument = createCollabDocument({
      documentId,
      ...loaded,
      store,
      writeProjection,
      schema,
      timings,
      metrics,
      health,
      logger,
      clock,
      onIdle: () => {
        loadedDocuments.delete(documentId);
        documents.delete(documentId);
        doc.destroy();
        logger.info('evicted document', { documentId });
      },
    });
    loadedDocuments.set(documentId, doc);
    return doc;
  }

  /** The live document, loading it (and seeding a new one) when it is not in memory. */
  async function openDocument(documentId: string): Promise<CollabDocument> {
    for (;;) {
      let promise = documents.get(documentId);
      if (!promise) {
        promise = loadDocument(documentId);
        documents.set(documentId, promise);
        promise.catch(() => {
          if (documents.get(documentId) === promise) documents.delete(documentId);
        });
      }
      const doc = await promise;
      if (!doc.isDestroyed) return doc;
      if (documents.get(documentId) === promise) documents.delete(documentId);
    }
  }

  function closeSocket(socket: WebSocket, code: number, message: string): void {
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) {
      socket.close(code, message);
    }
  }

  /** Applies one frame from a connection whose document is ready. */
  function processFrame(socket: CollabSocket, data: Uint8Array, doc: CollabDocument): void {
    const outcome = handleMessage(data, doc.ydoc, doc.awareness, {
      canWrite: socket.canWrite,
      origin: socket,
    });
    switch (outcome.kind) {
      case 'handled':
        if (outcome.reply && outcome.reply.byteLength > 1) socket.send(outcome.reply);
        return;
      case 'ignored-read-only':
        metrics.reject('read-only');
        logger.info('ignored a document update from a read-only connection', {
          documentId: socket.documentId,
          personId: socket.personId,
          mode: socket.mode,
        });
        return;
      case 'malformed':
        metrics.reject('malformed');
        logger.warn('closing a connection after a malformed frame', {
          documentId: socket.documentId,
          personId: socket.personId,
          reason: outcome.reason,
        });
        closeSocket(socket, CollabCloseCode.MalformedMessage, 'malformed message');
        return;
    }
  }

  // The socket event handlers are shared by all connections: `this` is the connection.
  function onSocketMessage(this: WebSocket, data: RawData): void {
    const socket = this as CollabSocket;
    if (messageSize(data) > limits.maxMessageBytes) {
      metrics.reject('too-big');
      closeSocket(socket, CollabCloseCode.MessageTooBig, 'message too big');
      return;
    }
    if (!takeToken(socket, rate, clock.now())) {
      metrics.reject('rate-limited');
      closeSocket(socket, CollabCloseCode.RateLimited, 'too many messages');
      return;
    }
    const bytes = toUint8Array(data);
    if (socket.doc) processFrame(socket, bytes, socket.doc);
    else (socket.queued ??= []).push(bytes);
  }

  function onSocketPong(this: WebSocket): void {
    (this as CollabSocket).alive = true;
  }

  function onSocketClose(this: WebSocket): void {
    const socket = this as CollabSocket;
    connections.delete(socket);
    if (socket.counted) {
      socket.counted = false;
      counter.release(socket.documentId, socket.personId);
    }
    socket.doc?.removePeer(socket);
    socket.queued = undefined;
  }

  function onSocketError(this: WebSocket, error: Error): void {
    logger.warn('websocket error', {
      documentId: (this as CollabSocket).documentId,
      error: String(error),
    });
  }

  /** One sweep for all connections: drop those that did not answer the last ping. */
  function pingSweep(): void {
    for (const socket of connections) {
      if (!socket.alive) {
        socket.terminate();
        continue;
      }
      socket.alive = false;
      socket.ping();
    }
  }

  /**
   * Starts serving an authenticated, counted connection: frames are queued until the document
   * is loaded and the ticket has been checked against revocations (`admitted`).
   */
  function onConnection(socket: CollabSocket, admitted: Promise<boolean>): void {
    connections.add(socket);
    socket.tokens = rate.burst;
    socket.refilledAt = clock.now();
    socket.on('message', onSocketMessage);
    socket.on('pong', onSocketPong);
    socket.on('close', onSocketClose);
    socket.on('error', onSocketError);

    Promise.all([admitted, openDocument(socket.documentId)]).then(
      ([allowed, opened]) => {
        if (!allowed || socket.readyState !== WebSocket.OPEN) return;
        socket.doc = opened;
        opened.addPeer(socket);
        socket.send(encodeSyncStep1(opened.ydoc));
        const states = Array.from(opened.awareness.getStates().keys());
        if (states.length > 0) socket.send(encodeAwarenessMessage(opened.awareness, states));
        const queued = socket.queued ?? [];
        socket.queued = undefined;
        for (const data of queued) {
          if (socket.readyState !== WebSocket.OPEN) break;
          processFrame(socket, data, opened);
        }
      },
      (error: unknown) => {
        health.markDegraded(error);
        logger.error('loading a document failed', {
          documentId: socket.documentId,
          error: String(error),
        });
        closeSocket(socket, CollabCloseCode.DocumentUnavailable, 'document unavailable, try again');
      },
    );
  }

  const wss = new WebSocketServer({
    noServer: true,
    WebSocket: CollabSocket,
    // ws enforces a hard ceiling itself (close 1009); frames between the configured maximum
    // and this ceiling get our own 4413 so clients see the documented code.
    maxPayload: limits.maxMessageBytes * 2,
  });

  /**
   * The `upgrade` listener: nothing may throw out of it, since an exception there ends the
   * process (and under `npm start` the API with it). A failure refuses this one upgrade.
   */
  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    try {
      upgrade(request, socket, head);
    } catch (error) {
      logger.error('refused an upgrade that failed', { error: String(error) });
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      socket.destroy();
    }
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (closing) {
      socket.destroy();
      return;
    }
    const auth = authenticateUpgrade(request.url ?? '/', deps.secret, clock.now());
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!auth.ok) {
        metrics.reject(auth.reason);
        closeSocket(ws, auth.code, auth.message);
        return;
      }
      const { ticket } = auth;
      if (!counter.admit(auth.documentId, ticket.sub)) {
        metrics.reject('too-many-connections');
        closeSocket(ws, CollabCloseCode.TooManyConnections, 'too many connections');
        return;
      }
      const connection = ws as CollabSocket;
      connection.counted = true;
      connection.documentId = auth.documentId;
      connection.personId = ticket.sub;
      connection.sessionId = ticket.sid;
      connection.mode = ticket.mode;
      connection.canWrite = auth.canWrite;
      // A ticket issued before a revocation must not reopen access: the document is sent only
      // after this check. It fails open (logged) while the database is unreachable.
      const admitted = database()
        .then((db) =>
          isTicketRevoked(db, {
            personId: ticket.sub,
            documentId: auth.documentId,
            sessionId: ticket.sid,
            issuedAtSeconds: ticket.iat,
          }),
        )
        .then(
          (revoked) => {
            if (!revoked) return true;
            metrics.reject('revoked');
            closeSocket(ws, CollabCloseCode.AccessRevoked, 'access revoked');
            return false;
          },
          (error: unknown) => {
            logger.warn('checking revocations at connect failed', { error: String(error) });
            return true;
          },
        );
      onConnection(connection, admitted);
    });
  }

  function revoke(revocation: Revocation): void {
    for (const socket of connections) {
      const matches = isRevoked(revocation, {
        personId: socket.personId,
        documentId: socket.documentId,
        sessionId: socket.sessionId,
      });
      if (matches) {
        metrics.reject('revoked');
        closeSocket(socket, CollabCloseCode.AccessRevoked, 'access revoked');
      }
    }
  }

  const versionRoutes = createVersionRoutes({
    secret: deps.secret,
    database,
    openDocument,
    schema,
    clock,
    logger,
  });

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://collab.invalid').pathname;
    if (request.method === 'GET' && path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          status: storeStatus === 'ok' && !closing ? 'ok' : 'degraded',
          store: storeStatus,
          connections: connections.size,
          documents: documents.size,
          pendingUpdates: pendingUpdates(),
        }),
      );
      return;
    }
    if (request.method === 'GET' && path === '/metrics') {
      response.writeHead(200, { 'content-type': metrics.registry.contentType });
      response.end(await metrics.registry.metrics());
      return;
    }
    if (path.startsWith('/internal/')) {
      await versionRoutes.handle(request, response, path);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }

  const httpServer = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      logger.error('request failed', { url: request.url, error: String(error) });
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'internal error' } }));
    });
  });
  httpServer.on('upgrade', onUpgrade);

  return {
    /** Connects the database, starts revocation polling and listens; port 0 picks a free one. */
    async listen(port: number, host = '127.0.0.1'): Promise<{ port: number }> {
      const db = await database();
      await createCollabStore(db).ensureIndexes();
      poller = startRevocationPoller({
        db,
        pollMs: timings.revocationPollMs,
        logger,
        onRevocation: revoke,
      });
      await poller.ready;
      pingTimer = setInterval(pingSweep, timings.pingIntervalMs);
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const address = httpServer.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      logger.info('collab server listening', { port: bound, host });
      return { port: bound };
    },

    /**
     * Stops accepting connections, closes the open ones with 1001 (going away), stores every
     * pending update (retrying for up to 10 s) and the projection, and disconnects.
     */
    async close(): Promise<void> {
      closing = true;
      await poller?.stop();
      clearInterval(pingTimer);
      for (const socket of connections) {
        closeSocket(socket, CollabCloseCode.GoingAway, 'server shutting down');
      }
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      const deadline = clock.now() + SHUTDOWN_FLUSH_MS;
      for (const promise of documents.values()) {
        const doc = await promise.catch(() => undefined);
        if (!doc) continue;
        for (;;) {
          try {
            await doc.close();
            break;
          } catch (error) {
            if (clock.now() > deadline) {
              logger.error('shutting down with unstored updates', {
                documentId: doc.documentId,
                pending: doc.pendingUpdates,
                error: String(error),
              });
              doc.destroy();
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, timings.storeRetryMs));
          }
        }
      }
      documents.clear();
      loadedDocuments.clear();
      for (const client of wss.clients) client.terminate();
      wss.close();
      httpServer.closeAllConnections();
      await closed;
      await ownedConnection?.close();
    },

    /** `ok`, or `degraded` while database writes fail. */
    storeStatus(): StoreStatus {
      return storeStatus;
    },
    /** Ids of the documents held in memory. */
    documentsInMemory(): string[] {
      return [...documents.keys()];
    },
    /** Stores every pending update of every document now (tests and shutdown). */
    async flush(): Promise<void> {
      for (const doc of loadedDocuments.values()) await doc.flushAll();
    },
    metrics: metrics.registry,
  };
}

/** A running collab server. */
export type CollabServer = ReturnType<typeof createCollabServer>;
