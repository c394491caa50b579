import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Request, type Response } from 'express';
import { createRateLimiter } from './auth/rate-limit';
import { createRevocationWatch } from './auth/revocation-watch';
import { createSecretBox } from './auth/secret-box';
import { resolveSecrets } from './auth/secrets';
import { createSessionService, SESSION_COOKIE, type ActiveSession } from './auth/session.service';
import type { Config } from './config';
import { openConnection } from './db/connection';
import { createLeaseLock } from './db/keyed-lock';
import { registerModels } from './db/models';
import type { GraphQLContext } from './graphql/context';
import { createDocumentStore } from './graphql/document-store';
import { createErrorFormatter } from './graphql/errors';
import { limitRules, OPERATION_LIMITS } from './graphql/limits';
import { operationLimitsPlugin } from './graphql/operation-limits.plugin';
import { buildSchema } from './graphql/schema';
import { createGraphQLSocketServer } from './graphql/websocket';
import { createClientAddress } from './http/client-address';
import { readCookie } from './http/cookies';
import {
  checkGraphQLRequest,
  finalErrorHandler,
  graphqlBodyParser,
  graphqlErrorHandler,
} from './http/graphql-http';
import { localeFromHeader } from './http/locale';
import { securityHeaders } from './http/security-headers';
import { createLoaders } from './loaders';
import { createLogger, type Logger } from './logger';
import { createMailTransport, createMailWorker, type MailRetryPolicy } from './modules/mail';
import { createAuditPrune } from './modules/audit';
import {
  createNotificationJobs,
  createUnsubscribeRouter,
  publicBaseUrl,
} from './modules/notification';
import { createOidcRelyingParty, createOidcRouter } from './modules/oidc';
import { createPrivacyRouter } from './modules/privacy';
import { createSearchIndex } from './modules/search';
import { createExportRoutes } from './modules/export/export.routes';
import { EXPORT_LIMITS } from './modules/export/export.service';
import { createJobQueue } from './modules/export/job-queue';
import { createOfficeConverter } from './modules/export/office-converter';
import { notifyDueStatements } from './modules/review/review-reminders';
import { responseTableDownload } from './modules/review/response-table.routes';
import { createInProcessPubSub, type PubSub } from './pubsub/pubsub';
import { createRedisBroker } from './pubsub/redis-pubsub';
import { createRequestLog } from './request-log';
import { toActor, type AppDeps, type RequestScope } from './scope';

/** What `createApp` needs from outside: configuration and the database URI to use. */
export interface AppOptions {
  config: Config;
  /** Connection string of the engine (from `resolveEngine`), without the database name. */
  mongodbUri: string;
  /** Folder with the built web app to serve (SPA fallback); skipped when missing. */
  webDistDir?: string;
  pubsub?: PubSub;
  /** The process's logger (`npm start` shares one with the collab server). */
  logger?: Logger;
  /** Without `logger`: where the JSON log lines go (default stdout); tests pass a no-op. */
  log?: (line: string) => void;
  /** Mail retry timing (tests shorten it); default 30 s doubling to 30 min. */
  mailRetry?: MailRetryPolicy;
  /** How often the outbox worker looks for due mail (default 5 s). */
  mailPollMs?: number;
  /** How often the search index catches up from the database (default 2 s). */
  searchCatchUpMs?: number;
  /** Run the due-task reminders and digests (default: on, except under NODE_ENV=test). */
  notificationJobs?: boolean;
}

/** A built, not yet listening, API. */
export interface App {
  deps: AppDeps;
  httpServer: Server;
  /** Listens on `port` (0 = a free one) on the configured host; resolves to the bound port. */
  start(port?: number): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Builds the whole API inside this factory: its own mongoose connection and models, pub/sub,
 * rate limiters, Apollo Server over HTTP and graphql-ws on the same `/graphql` path, `/healthz`
 * and the web app. Nothing is module-level, so tests can run two apps in one process.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel, sink: options.log });
  const requestLog = createRequestLog(logger);
  // Errors of background work (mail, search catch-up) that must not fail a request.
  const backgroundLog = (line: string) => logger.warn(line);
  const logError = (error: unknown) => requestLog.current().error({ err: error }, 'request failed');
  const connection = await openConnection(options.mongodbUri, config.dbName);
  let stopped = false;
  connection.on('disconnected', () => {
    if (!stopped) logger.warn('database disconnected');
  });
  connection.on('reconnected', () => logger.info('database reconnected'));
  const models = registerModels(connection);
  await Promise.all(Object.values(models).map((model) => model.init()));
  const secrets = resolveSecrets({
    dataDir: config.dataDir,
    collabSecret: config.collabSecret,
    sessionSecret: config.sessionSecret,
  });
  const office = createOfficeConverter({
    command: config.sofficePath,
    slots: config.exportConversionSlots,
    timeoutMs: config.exportConversionTimeoutMs,
  });
  // Found once at start; ODT and PDF exports say so clearly when LibreOffice is missing.
  void office
    .status()
    .then((status) =>
      logger.info(
        status.available
          ? `exports: ${status.version} converts ODT and PDF`
          : `exports: ${status.reason}; ODT and PDF exports are unavailable, DOCX and Markdown work`,
      ),
    );
  // With REDIS_URL, subscriptions and revocation notices reach every API and collab process.
  const redis = config.redisUrl
    ? createRedisBroker({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        secret: secrets.collabSecret,
        logger,
      })
    : undefined;
  const revocationSink = redis
    ? redis.announcing(models.CollabRevocation)
    : models.CollabRevocation;
  const deps: AppDeps = {
    config,
    logger,
    connection,
    models,
    secrets,
    pubsub: options.pubsub ?? redis?.pubsub ?? createInProcessPubSub(),
    revocationSink,
    sessions: createSessionService({
      models,
      sessionSecret: secrets.sessionSecret,
      ttlDays: config.sessionTtlDays,
      revocationSink,
    }),
    writeLock: createLeaseLock({ model: models.WriteLease }),
    mail: createMailWorker({
      models,
      transport: createMailTransport(config.smtpUrl),
      from: config.mailFrom,
      retry: options.mailRetry,
      pollMs: options.mailPollMs,
      log: backgroundLog,
    }),
    search: createSearchIndex({ models, catchUpMs: options.searchCatchUpMs, log: backgroundLog }),
    office,
    exportQueue: createJobQueue(EXPORT_LIMITS.concurrency),
    limiters: {
      signInPerAccount: createRateLimiter({ limit: 5, windowMs: 15 * 60_000 }),
      signInPerAddress: createRateLimiter({ limit: 30, windowMs: 15 * 60_000 }),
      secondFactorPerAccount: createRateLimiter({ limit: 5, windowMs: 15 * 60_000 }),
    },
    oidc: config.oidc
      ? createOidcRelyingParty(config.oidc, { allowHttp: config.env !== 'production' })
      : null,
    secondFactorBox: createSecretBox(
      config.totpEncryptionKey ?? secrets.sessionSecret,
      'second-factor-secret',
    ),
  };
  const clientAddressOf = createClientAddress(config.trustProxy);
  const revocations = createRevocationWatch({ models, log: logError });

  const scopeFor = (session: ActiveSession | null, req: IncomingMessage): RequestScope => {
    const viewer = session
      ? {
          person: session.person,
          sessionId: session.sessionId,
          method: session.method,
          actor: toActor(session.person, {
            method: session.method,
            secondFactorRoles: config.secondFactorRoles,
          }),
        }
      : null;
    return {
      ...deps,
      viewer,
      locale: viewer?.person.locale ?? localeFromHeader(req.headers['accept-language']),
      loaders: createLoaders(models),
      clientAddress: clientAddressOf(req),
      userAgent: req.headers['user-agent']?.slice(0, 200) ?? null,
    };
  };
  const buildScope = async (req: IncomingMessage): Promise<RequestScope> =>
    scopeFor(await deps.sessions.resolve(readCookie(req.headers.cookie, SESSION_COOKIE)), req);

  const jobs = createNotificationJobs(deps, [notifyDueStatements]);
  const auditPrune = createAuditPrune({
    models,
    retentionDays: config.auditRetentionDays,
    log: backgroundLog,
  });
  const runJobs = options.notificationJobs ?? config.env !== 'test';

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog.assignId);
  app.use(securityHeaders(config));
  const httpServer = createServer(app);
  const schema = buildSchema();

  const formatError = createErrorFormatter({
    production: config.env === 'production',
    log: (error) => requestLog.current().error({ err: error }, 'graphql error'),
  });
  const sockets = createGraphQLSocketServer({
    httpServer,
    schema,
    path: '/graphql',
    resolveSession: (token) => deps.sessions.resolve(token),
    scopeFor,
    isAllowedOrigin: (origin, req) => isSameSiteOrigin(origin, req, config),
    revocations,
    formatError,
    limits: config.graphqlLimits,
    log: logError,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    parseOptions: { maxTokens: OPERATION_LIMITS.maxTokens },
    validationRules: limitRules,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would let any client fill a server-side cache; the web app
    // sends full queries.
    persistedQueries: false,
    documentStore: createDocumentStore(),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      operationLimitsPlugin(config.graphqlLimits),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await sockets.dispose();
              revocations.stop();
            },
          };
        },
      },
    ],
    logger: {
      debug: (message: unknown) => requestLog.current().debug(String(message)),
      info: (message: unknown) => requestLog.current().info(String(message)),
      warn: (message: unknown) => requestLog.current().warn(String(message)),
      error: (message: unknown) => requestLog.current().error(String(message)),
    },
    // The entry points handle SIGINT/SIGTERM; Apollo's own handler would re-raise the signal
    // after stopping and kill the process before the database engine child is stopped.
    stopOnTerminationSignals: false,
    introspection: config.env !== 'production',
    includeStacktraceInErrorResponses: false,
    formatError,
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await connection.db?.admin().ping();
      // Redis down: this process still serves; only live events of other processes are missed.
      const redisStatus = redis?.status();
      res.json({
        status: redisStatus === 'degraded' ? 'degraded' : 'ok',
        database: 'ok',
        ...(redisStatus ? { redis: redisStatus } : {}),
      });
    } catch {
      res.status(503).json({ status: 'degraded', database: 'unreachable' });
    }
  });

  app.use('/mail', createUnsubscribeRouter(deps));
  app.use(createPrivacyRouter({ buildScope, logger }));
  app.use(
    createOidcRouter({
      buildScope,
      setSessionCookie: (res, token, expiresAt) => setCookie(res, config, token, expiresAt),
      cookieSecure: config.cookieSecure,
      logger,
    }),
  );

  app.use(
    '/graphql',
    graphqlBodyParser(),
    checkGraphQLRequest(),
    requestLog.enterContext,
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => ({
        scope: await buildScope(req),
        setSessionCookie: (token, expiresAt) => setCookie(res, config, token, expiresAt),
        clearSessionCookie: () => setCookie(res, config, '', new Date(0)),
        publicOrigin: publicBaseUrl(deps),
        // Set for queries once the operation is known (operation-limits.plugin.ts).
        deadline: null,
      }),
    }),
    graphqlErrorHandler(logError),
  );

  app.use(createExportRoutes(buildScope));
  app.get(
    '/exports/review-rounds/:roundId/response-table.:format',
    responseTableDownload(buildScope),
  );

  const webDist = options.webDistDir;
  if (webDist && existsSync(join(webDist, 'index.html'))) {
    app.use(express.static(webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|exports\/).*/, (_req: Request, res: Response) => {
      res.sendFile(join(webDist, 'index.html'));
    });
  }
  app.use(finalErrorHandler(logError));

  return {
    deps,
    httpServer,
    start: (port = config.port) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, config.host, () => {
          const address = httpServer.address();
          const bound = typeof address === 'object' && address ? address.port : port;
          // Links in mail use the port really bound when no PUBLIC_URL says otherwise (port 0).
          if (!config.publicUrl) config.port = bound;
          // Background work starts with listening, i.e. after a seed: the index sees the data.
          // Under test the index builds on its first query instead, so tests without search
          // do not pay for it.
          if (config.env !== 'test') {
            deps.search
              .build()
              .catch((error: unknown) => logger.warn({ err: error }, 'search index build failed'));
            deps.search.start();
          }
          deps.mail.start();
          if (runJobs) jobs.start();
          if (runJobs) auditPrune.start();
          resolve(bound);
        });
      }),
    stop: async () => {
      stopped = true;
      await jobs.stop();
      auditPrune.stop();
      await deps.mail.stop();
      await deps.search.stop();
      await apollo.stop();
      await deps.exportQueue.idle();
      await office.close();
      if (httpServer.listening) {
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      }
      await redis?.close();
      await connection.close();
    },
  };
}

function setCookie(res: Response, config: Config, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

/**
 * Whether a page of `origin` may open the GraphQL socket: the configured PUBLIC_URL's origin, or
 * a page served by the host the request was sent to (the app serves itself; Vite's dev proxy
 * keeps the Host header). Any other site is refused, so its pages cannot use a person's cookie.
 */
export function isSameSiteOrigin(origin: string, req: IncomingMessage, config: Config): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (config.publicUrl && new URL(config.publicUrl).origin === url.origin) return true;
  return req.headers.host !== undefined && url.host === req.headers.host.toLowerCase();
}
