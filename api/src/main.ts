import { installProcessGuards } from '@lip/common/server';
import { join } from 'node:path';
import { repoRoot, resolveEngine } from '@lip/engine';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { seedOnStart } from './modules/seed/seed';
import { assertSafeForProduction } from './production-safety';

/**
 * Runs the API alone (`npm start -w api`, with the collab server as its own process and
 * `COLLAB_INTERNAL_URL` pointing at it); `scripts/start.ts` runs the whole product. The only
 * file of the API with side effects. Logs JSON lines (pino) to stdout.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  assertSafeForProduction(config, logger);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => logger.error({ err: error }, 'while stopping'));
    }
  };
  installProcessGuards({ logger, shutdown: stopAll });

  try {
    const engine = await resolveEngine({
      mongodbUri: config.mongodbUri,
      dataDir: config.dataDir,
      log: (line) => logger.info({ component: 'engine' }, line),
    });
    stops.push(() => engine.stop());
    // Serves the built web app too, when there is one (as under `npm start`).
    const app = await createApp({
      config,
      mongodbUri: engine.uri,
      logger,
      webDistDir: join(repoRoot, 'web', 'dist'),
    });
    stops.push(() => app.stop());
    await seedOnStart(app.deps.models, { config, logger });
    const port = await app.start();
    logger.info({ host: config.host, port }, 'api listening');
  } catch (error) {
    await stopAll();
    throw error;
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    void stopAll().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
