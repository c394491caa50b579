import { loadConfig, ConfigError } from './config';
import { assertSafeForProduction, checkProductionSafety } from './production-safety';

const SESSION_SECRET = 'k3J9vQ2xLm8TzR5wYb1NcH7dFg4sPa0E';
const COLLAB_SECRET = 'Zu8Xe2Rq5Tn1Wm7Vk4Lb9Hc3Jd6Gf0Ya';

/** A production environment with every required setting; each test breaks one. */
const safe = {
  NODE_ENV: 'production',
  SESSION_SECRET,
  COLLAB_SECRET,
  MONGODB_URI: 'mongodb://db.internal:27017',
  PUBLIC_URL: 'https://lip.example.org',
  COLLAB_PUBLIC_URL: 'wss://lip.example.org/collab',
};

function refusals(env: Record<string, string | undefined>): string[] {
  return checkProductionSafety(loadConfig(env)).refusals;
}

describe('production safety', () => {
  it('accepts a complete production configuration', () => {
    expect(checkProductionSafety(loadConfig(safe), { host: '127.0.0.1' })).toEqual({
      refusals: [],
      warnings: [],
    });
  });

  it('refuses production without real secrets, naming each variable', () => {
    const found = refusals({ ...safe, SESSION_SECRET: undefined, COLLAB_SECRET: undefined });
    expect(found).toEqual([
      expect.stringMatching(/^SESSION_SECRET: must be set in production/),
      expect.stringMatching(/^COLLAB_SECRET: must be set in production/),
    ]);
  });

  it('refuses a typed placeholder secret and two equal secrets', () => {
    expect(refusals({ ...safe, SESSION_SECRET: 'changeme'.repeat(4) })).toEqual([
      expect.stringMatching(/^SESSION_SECRET: looks like a placeholder/),
    ]);
    expect(refusals({ ...safe, COLLAB_SECRET: SESSION_SECRET })).toEqual([
      expect.stringMatching(/^SESSION_SECRET, COLLAB_SECRET: must differ/),
    ]);
  });

  it('refuses production without MONGODB_URI (no embedded engine)', () => {
    expect(refusals({ ...safe, MONGODB_URI: undefined })).toEqual([
      expect.stringMatching(/^MONGODB_URI: must be set in production/),
    ]);
  });

  it('refuses COOKIE_SECURE=false in production', () => {
    expect(refusals({ ...safe, COOKIE_SECURE: 'false' })).toEqual([
      expect.stringMatching(/^COOKIE_SECURE: must not be false/),
    ]);
  });

  it('refuses a missing or plain-http PUBLIC_URL', () => {
    expect(refusals({ ...safe, PUBLIC_URL: undefined })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: must be set/),
    ]);
    expect(refusals({ ...safe, PUBLIC_URL: 'http://lip.example.org' })).toEqual([
      expect.stringMatching(/^PUBLIC_URL: must start with https:\/\//),
    ]);
  });

  it('refuses a missing or plain ws:// COLLAB_PUBLIC_URL', () => {
    expect(refusals({ ...safe, COLLAB_PUBLIC_URL: undefined })).toEqual([
      expect.stringMatching(/^COLLAB_PUBLIC_URL: must be set/),
    ]);
    expect(refusals({ ...safe, COLLAB_PUBLIC_URL: 'ws://lip.example.org/collab' })).toEqual([
      expect.stringMatching(/^COLLAB_PUBLIC_URL: must start with wss:\/\//),
    ]);
  });

  it('warns about listening beyond loopback and about debug logging', () => {
    const report = checkProductionSafety(
      loadConfig({ ...safe, HOST: '0.0.0.0', LOG_LEVEL: 'debug' }),
      {
        host: '0.0.0.0',
      },
    );
    expect(report.refusals).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringMatching(/^HOST: /),
      expect.stringMatching(/^COLLAB_HOST: /),
      expect.stringMatching(/^LOG_LEVEL: /),
    ]);
  });

  it('checks nothing outside production, where generated secrets and the embedded engine are fine', () => {
    expect(checkProductionSafety(loadConfig({}))).toEqual({ refusals: [], warnings: [] });
    expect(checkProductionSafety(loadConfig({ NODE_ENV: 'test' }))).toEqual({
      refusals: [],
      warnings: [],
    });
  });

  it('throws one ConfigError listing every refusal and logs the warnings', () => {
    const warned: string[] = [];
    const logger = { warn: (_fields: object, message: string) => warned.push(message) };
    expect(() => assertSafeForProduction(loadConfig({ NODE_ENV: 'production' }), logger)).toThrow(
      ConfigError,
    );
    try {
      assertSafeForProduction(loadConfig({ NODE_ENV: 'production' }), logger);
    } catch (error) {
      const message = (error as Error).message;
      for (const name of [
        'SESSION_SECRET',
        'COLLAB_SECRET',
        'MONGODB_URI',
        'PUBLIC_URL',
        'COLLAB_PUBLIC_URL',
      ]) {
        expect(message).toContain(`  ${name}: `);
      }
    }
    assertSafeForProduction(loadConfig({ ...safe, HOST: '0.0.0.0' }), logger);
    expect(warned).toEqual([expect.stringMatching(/^HOST: /)]);
  });
});
