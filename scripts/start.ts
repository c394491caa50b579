import { join } from 'node:path';
import { resolveEngine, repoRoot } from '@lip/engine';
import { createApp } from '../api/src/app';
import { ConfigError, loadConfig } from '../api/src/config';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../api/src/modules/seed/seed.data';
import { seedDemoWorkspace } from '../api/src/modules/seed/seed';
import { createCollabServer } from '../collab-server/src/server';

/**
 * `npm start` (and `npm run dev`, which passes --dev): resolves the database engine (starting
 * the embedded FerretDB under DATA_DIR when no MONGODB_URI is set), seeds the demo workspace on
 * an empty database, starts the API (which also serves web/dist) and the collab server in this
 * process, prints one `LIP_READY api=… collab=…` line when both listen, and stops everything,
 * the engine child included, on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const config = loadConfig(dev ? { NODE_ENV: 'development', ...process.env } : process.env);
  const engine = await resolveEngine({
    mongodbUri: config.mongodbUri,
    dataDir: config.dataDir,
    log: (line) => console.log(line),
  });
  const stops: (() => Promise<void>)[] = [() => engine.stop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error('while stopping:', error instanceof Error ? error.message : error);
      }
    }
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) return;
    stopping = true;
    void stopAll().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const app = await createApp({
      config,
      mongodbUri: engine.uri,
      webDistDir: join(repoRoot, 'web', 'dist'),
      log: (line) => console.log(line),
    });
    stops.push(() => app.stop());
    const seed = await seedDemoWorkspace(app.deps.models);
    if (seed.seeded) {
      console.log(`seeded the demo workspace: ${seed.people} people, ${seed.documents} documents`);
    }
    const collab = createCollabServer({
      database: { mongoUri: engine.uri, dbName: config.dbName },
      secret: app.deps.secrets.collabSecret,
    });
    stops.push(() => collab.close());
    const bound = await collab.listen(config.collabPort, config.host, {
      port: config.collabInternalPort,
      host: config.collabInternalHost,
    });
    const collabPort = bound.port;
    // Tickets and internal calls must use the ports really bound (they may be 0 = any).
    if (!config.collabPublicUrl) config.collabPort = collabPort;
    config.collabInternalPort = bound.internalPort;
    const apiPort = await app.start(config.port);

    console.log(`LIP_READY api=http://127.0.0.1:${apiPort} collab=ws://127.0.0.1:${collabPort}`);
    console.log(
      [
        '',
        `Open http://${config.host}:${apiPort}/ and sign in, for example as:`,
        ...DEMO_PEOPLE.map((p) => `  ${p.email.padEnd(26)} ${p.name} (${p.systemRole})`),
        `Password for all demo accounts: ${DEMO_PASSWORD}`,
        `GraphQL: http://${config.host}:${apiPort}/graphql   Database: ${engine.description}`,
      ].join('\n'),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
});
