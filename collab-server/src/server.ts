import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { CollabCloseCode, editorSchema, isRevocationFor } from '@lip/common';
import { verifyRevocationNotice } from '@lip/common/server';
import type { BaseLogger } from 'pino';
import { WebSocketServer } from 'ws';
import { createAdmission } from './admission/admission';
import { createConnectionCounter } from './admission/limits';
import {
  collabLimitsSchema,
  collabTimingsSchema,
  type CollabLimits,
  type CollabTimings,
} from './config';
import { CollabSocket } from './connections/collab-socket';
import { createConnectionHandlers } from './connections/connection-handlers';
import { createContentRoutes } from './content/content-routes';
import { createContentService } from './content/content.service';
import { createDocumentRegistry } from './documents/document-registry';
import { createInternalRoutes } from './http/internal-routes';
import { createPublicRoutes } from './http/public-routes';
import {
  systemScheduler,
  toCollabLogger,
  type CollabClock,
  type CollabLogger,
  type CollabTimers,
} from './logger';
import { createCollabMetrics } from './metrics';
import { createLazyCollabStore } from './persistence/collab-store';
import {
  createDatabase,
  createDocumentsCollection,
  type DatabaseSource,
} from './persistence/database';
import { createDocumentRelay } from './relay/document-relay';
import { createRedisBus, type RelayBus } from './relay/relay-bus';
import {
  ensureRevocationIndexes,
  isTicketRevoked,
  startRevocationPoller,
} from './revocation/revocations';
import { createLazyVersionsService, createVersionRoutes } from './versions/version-routes';

/** What `createCollabServer` needs; everything else has defaults. */
export interface CollabServerDeps {
  /** A connected database, or a URI the server connects to (and disconnects on close). */
  database: DatabaseSource;
  /** Shared secret for tickets and the internal bearer token. */
  secret: string;
  limits?: Partial<CollabLimits>;
  timings?: Partial<CollabTimings>;
  /** A `CollabLogger` or a pino logger; silent when absent. */
  logger?: CollabLogger | BaseLogger;
  clock?: CollabClock;
  timers?: CollabTimers;
  /**
   * The cross-process relay: a Redis URL (`REDIS_URL`) or a bus (tests). Without it the server
   * works alone, exactly as a single process.
   */
  relay?: ({ redisUrl: string } | { bus: RelayBus }) & {
    /** Prefix of the document channels (default `lip:collab:`). */
    prefix?: string;
    /** The revocation fast-path channel (`revocationChannel` in `@lip/common`), if any. */
    revocationChannel?: string;
  };
  /** This process's id on the relay; random by default. */
  instanceId?: string;
}

/** Health of the store: `degraded` while database writes fail and updates wait in memory. */
export type StoreStatus = 'ok' | 'degraded';

/** Where the internal listener (metrics, internal endpoints) binds; port 0 picks a free one. */
export interface InternalListen {
  port: number;
  host?: string;
}

function listenOn(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Builds a y-websocket compatible collab server by wiring its parts: the document registry
 * (`documents/`), admission at the upgrade (`admission/`), the connections (`connections/`),
 * revocation polling (`revocation/`), and two HTTP listeners: the public one (websocket and
 * `/healthz`) and the internal one (`/metrics`, versions and content for the API). All state
 * lives in the returned object, so several servers can run in one process.
 */
export function createCollabServer(deps: CollabServerDeps) {
  const limits = collabLimitsSchema.parse(deps.limits ?? {});
  const timings = collabTimingsSchema.parse(deps.timings ?? {});
  const logger = toCollabLogger(deps.logger);
  const clock = {
    now: deps.clock ? () => (deps.clock as CollabClock).now() : systemScheduler.now,
    setTimeout: deps.timers?.setTimeout ?? systemScheduler.setTimeout,
    clearTimeout: deps.timers?.clearTimeout ?? systemScheduler.clearTimeout,
  };
  const schema = editorSchema();
  const { database, close: closeDatabase } = createDatabase(deps.database);
  const store = createLazyCollabStore(database);
  const documentsCollection = createDocumentsCollection(database, clock);
  let storeStatus: StoreStatus = 'ok';
  let closing = false;
  let poller: ReturnType<typeof startRevocationPoller> | undefined;
  let pingTimer: NodeJS.Timeout | undefined;

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
  const counts = { connections: () => 0, documents: () => 0, pendingUpdates: () => 0 };
  const metrics = createCollabMetrics({
    connections: () => counts.connections(),
    documents: () => counts.documents(),
    pendingUpdates: () => counts.pendingUpdates(),
  });

  const instanceId = deps.instanceId ?? randomBytes(9).toString('base64url');
  const bus = deps.relay
    ? 'bus' in deps.relay
      ? deps.relay.bus
      : createRedisBus({ url: deps.relay.redisUrl, logger })
    : undefined;
  const relay =
    deps.relay && bus
      ? createDocumentRelay({
          bus,
          secret: deps.secret,
          instanceId,
          prefix: deps.relay.prefix ?? 'lip:collab:',
          metrics,
          logger,
          clock,
          handoverMs: timings.handoverMs,
          probeIntervalMs: timings.relayProbeMs,
          slowAfterMs: timings.relaySlowAfterMs,
        })
      : undefined;
  const registry = createDocumentRegistry({
    store,
    readSeedContent: documentsCollection.readSeedContent,
    writeProjection: documentsCollection.writeProjection,
    schema,
    timings,
    metrics,
    health,
    logger,
    clock,
    relay,
  });
  const counter = createConnectionCounter(limits);
  const connections = createConnectionHandlers({
    limits,
    registry,
    counter,
    health,
    metrics,
    logger,
    clock,
    onServe: relay ? (documentId) => relay.noteArrival(documentId) : undefined,
  });
  relay?.onHandOver((documentId) =>
    connections.closeWhere(
      (socket) => socket.documentId === documentId,
      CollabCloseCode.GoingAway,
      'document moved to another process, reconnect',
    ),
  );
  counts.connections = () => connections.connections.size;
  counts.documents = () => registry.size;
  counts.pendingUpdates = () => registry.pendingUpdates();

  const wss = new WebSocketServer({
    noServer: true,
    WebSocket: CollabSocket,
    // ws enforces a hard ceiling itself (close 1009); frames between the configured maximum
    // and this ceiling get our own 4413 so clients see the documented code.
    maxPayload: limits.maxMessageBytes * 2,
  });
  const admission = createAdmission({
    secret: deps.secret,
    clock,
    counter,
    isTicketRevoked: async (connection) => isTicketRevoked(await database(), connection),
    wss,
    metrics,
    logger,
    isClosing: () => closing,
    onAdmitted: (socket, admitted) => connections.start(socket, admitted),
  });

  const versions = createLazyVersionsService({
    database,
    openDocument: registry.open,
    schema,
    clock,
  });
  const content = createContentService({ openDocument: registry.open, versions, schema });

  /** What an operator should know when `/healthz` says degraded, in plain words. */
  function healthWarnings(): string[] {
    const warnings: string[] = [];
    if (storeStatus === 'degraded') {
      warnings.push('database writes fail: changes wait in memory and are retried');
    }
    const relayStatus = relay?.status();
    if (relayStatus === 'down') {
      warnings.push(
        'Redis unreachable: this process edits alone and resyncs with the others when Redis is back',
      );
    } else if (relayStatus === 'slow') {
      warnings.push(
        `Redis slow (round trip ${relay?.roundTripMs() ?? '?'} ms, more than ${timings.relaySlowAfterMs} ms): changes from other processes arrive late; local editing is unaffected, and documents resync when Redis is fast again`,
      );
    }
    if (closing) warnings.push('shutting down');
    return warnings;
  }

  const publicServer = createServer(
    createPublicRoutes({
      health: () => ({
        status:
          storeStatus === 'ok' && !closing && (relay?.status() ?? 'ok') === 'ok'
            ? 'ok'
            : 'degraded',
        store: storeStatus,
        relay: relay ? (relay.status() === 'ok' ? 'ok' : 'degraded') : 'off',
        relayRoundTripMs: relay?.roundTripMs() ?? null,
        warnings: healthWarnings(),
        instance: instanceId,
        connections: connections.connections.size,
        documents: registry.size,
        pendingUpdates: registry.pendingUpdates(),
      }),
    }),
  );
  publicServer.on('upgrade', admission.onUpgrade);
  const internalServer = createServer(
    createInternalRoutes({
      secret: deps.secret,
      clock,
      metrics: metrics.registry,
      routes: {
        ...createVersionRoutes({ versions, logger }),
        ...createContentRoutes({ content, logger }),
      },
      logger,
    }),
  );

  return {
    /**
     * Connects the database, starts revocation polling and listens: the public listener on
     * `port`/`host` (websocket and `/healthz`), the internal one on `internal` (default: any
     * free port on 127.0.0.1). Port 0 picks a free port; the bound ports are returned.
     */
    async listen(
      port: number,
      host = '127.0.0.1',
      internal: InternalListen = { port: 0 },
    ): Promise<{ port: number; internalPort: number }> {
      const db = await database();
      await store.ensureIndexes();
      await ensureRevocationIndexes(db);
      poller = startRevocationPoller({
        db,
        pollMs: timings.revocationPollMs,
        overlapMs: timings.revocationOverlapMs,
        clock,
        logger,
        onRevocation: (revocation) =>
          connections.revokeWhere((socket) => isRevocationFor(revocation, socket)),
      });
      await poller.ready;
      const revocationChannel = deps.relay?.revocationChannel;
      if (bus && revocationChannel) {
        const fastPath = poller;
        // Not awaited: while Redis is down the subscription waits, and polling still works.
        bus
          .listen(revocationChannel, (data) => {
            const notice = verifyRevocationNotice(Buffer.from(data).toString('utf8'), deps.secret);
            if (!notice) {
              metrics.relayIgnored('unknown-instance');
              return;
            }
            const { id, createdAtMs, ...fields } = notice;
            fastPath.offer({ _id: id, ...fields, createdAt: new Date(createdAtMs) });
          })
          .catch((error: unknown) =>
            logger.warn('relay: listening for revocations failed', { error: String(error) }),
          );
      }
      pingTimer = setInterval(() => connections.pingSweep(), timings.pingIntervalMs);
      const bound = await listenOn(publicServer, port, host);
      const internalHost = internal.host ?? '127.0.0.1';
      const internalPort = await listenOn(internalServer, internal.port, internalHost);
      logger.info('collab server listening', { port: bound, host, internalPort, internalHost });
      return { port: bound, internalPort };
    },

    /**
     * Stops accepting connections, closes the open ones with 1001 (going away), stores every
     * pending update (retrying for up to 10 s) and the projection, and disconnects.
     */
    async close(): Promise<void> {
      closing = true;
      await poller?.stop();
      clearInterval(pingTimer);
      connections.closeAll(CollabCloseCode.GoingAway, 'server shutting down');
      const closed = Promise.all(
        [publicServer, internalServer].map(
          (server) =>
            new Promise<void>((resolve) => {
              if (!server.listening) resolve();
              else server.close(() => resolve());
            }),
        ),
      );
      await registry.closeAll();
      for (const client of wss.clients) client.terminate();
      wss.close();
      publicServer.closeAllConnections();
      internalServer.closeAllConnections();
      await closed;
      await relay?.close();
      await closeDatabase();
    },

    /** `ok`, or `degraded` while database writes fail. */
    storeStatus(): StoreStatus {
      return storeStatus;
    },
    /** Ids of the documents held in memory. */
    documentsInMemory(): string[] {
      return registry.ids();
    },
    /** Stores every pending update of every document now (tests and shutdown). */
    async flush(): Promise<void> {
      await registry.flushAll();
    },
    metrics: metrics.registry,
  };
}

/** A running collab server. */
export type CollabServer = ReturnType<typeof createCollabServer>;
