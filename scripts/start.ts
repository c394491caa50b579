import { join } from 'node:path';
import { revocationChannel } from '@lip/common';
import { installProcessGuards } from '@lip/common/server';
import { resolveEngine, repoRoot } from '@lip/engine';
import { createApp } from '../api/src/app';
import { ConfigError, loadConfig } from '../api/src/config';
import { createLogger } from '../api/src/logger';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../api/src/modules/seed/seed.data';
import { seedOnStart } from '../api/src/modules/seed/seed';
import { assertSafeForProduction } from '../api/src/production-safety';
import { CollabConfigError, loadCollabConfig } from '../collab-server/src/config';
import { createCollabServer } from '../collab-server/src/server';
import { startWebDevServer } from './dev-web';

/**
 * `npm start` (and `npm run dev`, which adds the Vite dev server with hot reload): checks the
 * configuration (NODE_ENV=production refuses unsafe settings), resolves the database engine
 * (starting the embedded FerretDB under DATA_DIR when no MONGODB_URI is set), seeds the demo
 * workspace on an empty database when SEED_DEMO allows it, starts the API (which also serves
 * web/dist) and the collab server, each with its own configuration loader, in this process,
 * prints one `LIP_READY api=… collab=…` line and a start banner when both listen, logs JSON
 * lines (pino) to stdout, and stops everything, the engine child included, on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const env = { ...process.env };
  const config = loadConfig(env);
  // Under `npm start` the collab server listens where the API does unless COLLAB_HOST says so.
  const collabConfig = loadCollabConfig({ ...env, COLLAB_HOST: env.COLLAB_HOST || env.HOST });
  const logger = createLogger({ level: config.logLevel });
  assertSafeForProduction(config, logger, { host: collabConfig.host });

  const stops: { name: string; stop: () => Promise<void> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stops.splice(0).reverse()) {
      const started = Date.now();
      try {
        await stop();
        logger.info({ part: name, ms: Date.now() - started }, 'stopped');
      } catch (error) {
        logger.error({ part: name, err: error }, 'while stopping');
      }
    }
  };
  installProcessGuards({ logger, shutdown: stopAll });
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void stopAll().then(() => process.exit(0));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  try {
    const engine = await resolveEngine({
      mongodbUri: config.mongodbUri,
      dataDir: config.dataDir,
      log: (line) => logger.info({ component: 'engine' }, line),
    });
    stops.push({ name: 'database engine', stop: () => engine.stop() });
    const app = await createApp({
      config,
      mongodbUri: engine.uri,
      webDistDir: join(repoRoot, 'web', 'dist'),
      logger: logger.child({ component: 'api' }),
    });
    stops.push({ name: 'api', stop: () => app.stop() });
    const seed = await seedOnStart(app.deps.models, { config, logger });
    const collab = createCollabServer({
      database: { mongoUri: engine.uri, dbName: config.dbName },
      secret: app.deps.secrets.collabSecret,
      limits: collabConfig.limits,
      timings: collabConfig.timings,
      logger: logger.child({ component: 'collab' }),
      relay: collabConfig.redisUrl
        ? {
            redisUrl: collabConfig.redisUrl,
            prefix: `${collabConfig.redisPrefix}collab:`,
            revocationChannel: revocationChannel(collabConfig.redisPrefix),
          }
        : undefined,
    });
    stops.push({ name: 'collab server', stop: () => collab.close() });
    const bound = await collab.listen(collabConfig.port, collabConfig.host, {
      port: collabConfig.internalPort,
      host: collabConfig.internalHost,
    });
    const collabPort = bound.port;
    // Tickets and internal calls must use the ports really bound (COLLAB_PORT and
    // COLLAB_INTERNAL_PORT may be 0 = any free one).
    if (!config.collabPublicUrl) config.collabPort = collabPort;
    config.collabInternalPort = bound.internalPort;
    config.collabInternalUrl ??= `http://${reachableHost(collabConfig.internalHost)}:${bound.internalPort}`;
    const apiPort = await app.start(config.port);
    const web = dev ? await startWebDevServer({ apiPort, host: config.host }) : undefined;
    if (web) stops.push({ name: 'vite dev server', stop: () => web.close() });

    const apiUrl = `http://${reachableHost(config.host)}:${apiPort}`;
    process.stdout.write(
      `LIP_READY api=http://127.0.0.1:${apiPort} collab=ws://127.0.0.1:${collabPort}${web ? ` web=${web.url}` : ''}\n`,
    );
    process.stdout.write(
      banner({
        openUrl: web?.url ?? config.publicUrl ?? `${apiUrl}/`,
        apiUrl,
        database: engine.description,
        env: config.env,
        demo: seed.demoPresent && config.env !== 'production',
        hotReload: web !== undefined,
        mail: config.smtpUrl
          ? `Mail: sent through ${new URL(config.smtpUrl).host} as ${config.mailFrom}`
          : `Mail: no SMTP_URL set, so mail stays in the development outbox: ${apiUrl}/dev/outbox (sign in as an admin)`,
      }),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The human-readable start banner (the JSON log lines around it are for machines). */
function banner(info: {
  openUrl: string;
  apiUrl: string;
  database: string;
  env: string;
  demo: boolean;
  hotReload: boolean;
  /** Where mail goes: the SMTP server or the development outbox. */
  mail: string;
}): string {
  const lines = [
    '',
    `LIP-Werkstatt is running (NODE_ENV=${info.env}).`,
    `Open ${info.openUrl}${info.hotReload ? ' (Vite dev server with hot reload)' : ''}`,
  ];
  if (info.demo) {
    lines.push(
      'Demo accounts, for example:',
      ...DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(26)} ${p.name} (${p.systemRole})`),
      `Password for all demo accounts: ${DEMO_PASSWORD}`,
    );
  }
  lines.push(`GraphQL: ${info.apiUrl}/graphql   Database: ${info.database}`, info.mail, '', '');
  return lines.join('\n');
}

/** Where this machine reaches a server listening on `host` (any-address means loopback). */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof CollabConfigError;
  process.stderr.write(`${known || error instanceof Error ? error.message : String(error)}\n`);
  if (!known && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
