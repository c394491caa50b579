import { ConfigError, type Config } from './config';

/** What {@link checkProductionSafety} found: `refusals` stop the start, `warnings` are logged. */
export interface SafetyReport {
  refusals: string[];
  warnings: string[];
}

/** The listen address of the collab server, when it runs in the same process (`npm start`). */
export interface CollabListenSettings {
  host: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/**
 * A secret a person typed rather than generated ("changeme…", one repeated character): fewer
 * than 10 different characters. A random 32-character base64 string has about 26.
 */
function looksTyped(secret: string): boolean {
  return new Set(secret).size < 10;
}

/**
 * The settings that make NODE_ENV=production unsafe, each message naming its variable. Outside
 * production there is nothing to report: development relies on the generated secrets file and
 * the embedded database on purpose.
 */
export function checkProductionSafety(config: Config, collab?: CollabListenSettings): SafetyReport {
  const refusals: string[] = [];
  const warnings: string[] = [];
  if (config.env !== 'production') return { refusals, warnings };
  const generate = 'generate one with `openssl rand -base64 32`';

  for (const [name, value] of [
    ['SESSION_SECRET', config.sessionSecret],
    ['COLLAB_SECRET', config.collabSecret],
  ] as const) {
    if (!value) {
      refusals.push(
        `${name}: must be set in production (the generated DATA_DIR/secrets.json is for development only); ${generate}`,
      );
    } else if (looksTyped(value)) {
      refusals.push(`${name}: looks like a placeholder, not a random secret; ${generate}`);
    }
  }
  if (config.sessionSecret && config.sessionSecret === config.collabSecret) {
    refusals.push(
      'SESSION_SECRET, COLLAB_SECRET: must differ (the collab secret is shared with the collab server)',
    );
  }
  if (!config.mongodbUri) {
    refusals.push(
      'MONGODB_URI: must be set in production (MongoDB 7+ or FerretDB on PostgreSQL); the embedded engine is for development',
    );
  }
  if (!config.cookieSecure) {
    refusals.push(
      'COOKIE_SECURE: must not be false in production (the session cookie would travel over plain http); serve https through the reverse proxy',
    );
  }
  if (!config.publicUrl) {
    refusals.push(
      'PUBLIC_URL: must be set in production to the https address people open (used in invitation links)',
    );
  } else if (!config.publicUrl.startsWith('https://')) {
    refusals.push(`PUBLIC_URL: must start with https:// in production (is ${config.publicUrl})`);
  }
  if (!config.collabPublicUrl) {
    refusals.push(
      'COLLAB_PUBLIC_URL: must be set in production to the wss:// address of the collab server behind the proxy',
    );
  } else if (!config.collabPublicUrl.startsWith('wss://')) {
    refusals.push(
      `COLLAB_PUBLIC_URL: must start with wss:// in production (browsers block ws:// from an https page; is ${config.collabPublicUrl})`,
    );
  }

  if (!LOOPBACK.test(config.host)) {
    warnings.push(
      `HOST: the API listens on ${config.host}, not only on loopback; make sure only the reverse proxy can reach it`,
    );
  }
  if (collab && !LOOPBACK.test(collab.host)) {
    warnings.push(
      `COLLAB_HOST: the collab server listens on ${collab.host}, not only on loopback; make sure only the reverse proxy can reach it`,
    );
  }
  if (config.logLevel === 'debug' || config.logLevel === 'trace') {
    warnings.push(`LOG_LEVEL: ${config.logLevel} in production writes a lot; use info`);
  }
  return { refusals, warnings };
}

/**
 * Throws a {@link ConfigError} listing every refusal, else logs each warning. Entry points call
 * this before they open the database or write any file.
 */
export function assertSafeForProduction(
  config: Config,
  logger: { warn(fields: object, message: string): void },
  collab?: CollabListenSettings,
): void {
  const report = checkProductionSafety(config, collab);
  if (report.refusals.length > 0) {
    throw new ConfigError(
      `Refusing to start with NODE_ENV=production:\n${report.refusals.map((line) => `  ${line}`).join('\n')}`,
    );
  }
  for (const warning of report.warnings) logger.warn({}, warning);
}
