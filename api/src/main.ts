import { resolveEngine } from '@lip/engine';
import { createApp } from './app';
import { loadConfig } from './config';
import { seedDemoWorkspace } from './modules/seed/seed';

/**
 * Runs the API alone (`npm start -w api`); `scripts/start.ts` runs the whole product. The only
 * file of the API with side effects.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const engine = await resolveEngine({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    log: console.log,
  });
  const app = await createApp({ config, mongodbUri: engine.uri });
  const seed = await seedDemoWorkspace(app.deps.models);
  if (seed.seeded) console.log(`seeded the demo workspace (${seed.people} people)`);
  const port = await app.start();
  console.log(`api listening on http://${config.host}:${port}/graphql`);
  const stop = async () => {
    await app.stop();
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
