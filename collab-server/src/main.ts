import { revocationChannel } from '@lip/common';
import { installProcessGuards, readOrCreateSharedSecrets } from '@lip/common/server';
import { resolveEngine } from '@lip/engine';
import pino from 'pino';
import { loadCollabConfig } from './config';
import { createCollabServer } from './server';

/**
 * Standalone collab server: reads the configuration, resolves the database (`MONGODB_URI` or
 * the same engine resolution as the API), listens (public and internal listener), logs JSON
 * lines through pino, and on SIGTERM/SIGINT stores everything and closes connections with 1001.
 * The only module with side effects.
 */
async function main(): Promise<void> {
  const config = loadCollabConfig();
  const logger = pino({ name: 'collab-server' });
  const secret = config.secret ?? readOrCreateSharedSecrets(config.dataDir).collabSecret;
  const engine = await resolveEngine({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  const server = createCollabServer({
    database: { mongoUri: engine.uri, dbName: config.dbName },
    secret,
    limits: config.limits,
    timings: config.timings,
    logger,
    relay: config.redisUrl
      ? {
          redisUrl: config.redisUrl,
          prefix: `${config.redisPrefix}collab:`,
          revocationChannel: revocationChannel(config.redisPrefix),
        }
      : undefined,
  });
  installProcessGuards({
    logger: {
      error: (fields, message) => logger.error(describe(fields), message),
      fatal: (fields, message) => logger.fatal(describe(fields), message),
    },
    shutdown: () => server.close().then(() => engine.stop?.()),
  });
  const { port, internalPort } = await server.listen(config.port, config.host, {
    port: config.internalPort,
    host: config.internalHost,
  });
  logger.info(
    { port, host: config.host, internalPort, internalHost: config.internalHost },
    'collab-server listening',
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server
      .close()
      .then(() => engine.stop?.())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ error: String(error) }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Error objects serialise to `{}` in JSON: keep their message and stack. */
function describe(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...fields };
  const err = (fields as { err?: unknown }).err;
  if (err instanceof Error) out.err = { message: err.message, stack: err.stack };
  else if (err !== undefined) out.err = String(err);
  return out;
}

main().catch((error: unknown) => {
  process.stderr.write(`collab-server failed to start: ${String(error)}\n`);
  process.exit(1);
});
