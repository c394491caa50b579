import { loadConfig } from '../../config';
import { startTestApp, type TestApp } from '../../testing/test-app';
import { seedOnStart } from './seed';

const apps: TestApp[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
});

async function emptyDatabase(): Promise<TestApp> {
  const app = await startTestApp(__filename, { seed: false });
  apps.push(app);
  return app;
}

function recordingLogger() {
  const entries: { level: 'info' | 'warn'; message: string }[] = [];
  return {
    entries,
    logger: {
      info: (_fields: object, message: string) => entries.push({ level: 'info', message }),
      warn: (_fields: object, message: string) => entries.push({ level: 'warn', message }),
    },
  };
}

describe('demo seed at start', () => {
  it('is on by default in development and test, off in production unless SEED_DEMO=true', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(() => loadConfig({ SEED_DEMO: 'yes' })).toThrow(/SEED_DEMO: must be true or false/);
  });

  it('never seeds demo accounts into an empty production database without the flag', async () => {
    const t = await emptyDatabase();
    const { logger, entries } = recordingLogger();
    const result = await seedOnStart(t.app.deps.models, {
      config: loadConfig({ NODE_ENV: 'production' }),
      logger,
    });
    expect(result).toEqual({ demoPresent: false, seeded: false });
    expect(await t.app.deps.models.Person.countDocuments({})).toBe(0);
    expect(entries).toEqual([]);
  });

  it('seeds in production only with SEED_DEMO=true, and says so loudly', async () => {
    const t = await emptyDatabase();
    const { logger, entries } = recordingLogger();
    const config = loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' });
    const result = await seedOnStart(t.app.deps.models, { config, logger });
    expect(result).toEqual({ demoPresent: true, seeded: true });
    expect(await t.app.deps.models.Person.exists({ email: 'admin@lip.example' })).toBeTruthy();
    expect(entries[0]).toEqual({
      level: 'warn',
      message: expect.stringMatching(/^SEED_DEMO=true IN PRODUCTION/),
    });
    expect(entries).toContainEqual({ level: 'info', message: 'seeded the demo workspace' });

    // The next production start without the flag still warns: the demo accounts are there.
    const again = recordingLogger();
    const second = await seedOnStart(t.app.deps.models, {
      config: loadConfig({ NODE_ENV: 'production' }),
      logger: again.logger,
    });
    expect(second).toEqual({ demoPresent: true, seeded: false });
    expect(again.entries).toEqual([
      { level: 'warn', message: expect.stringMatching(/holds the demo workspace/) },
    ]);
  });

  it('seeds an empty development database once', async () => {
    const t = await emptyDatabase();
    const first = await seedOnStart(t.app.deps.models, {
      config: loadConfig({}),
      logger: recordingLogger().logger,
    });
    const second = await seedOnStart(t.app.deps.models, {
      config: loadConfig({}),
      logger: recordingLogger().logger,
    });
    expect(first).toEqual({ demoPresent: true, seeded: true });
    expect(second).toEqual({ demoPresent: true, seeded: false });
  });
});
