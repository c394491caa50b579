import { resolve } from 'node:path';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

/**
 * The API's configuration, parsed once from the environment with clear messages. This is the only
 * module that reads `process.env`; everything else receives a {@link Config}.
 */
const port = z.coerce
  .number()
  .int()
  .min(0, 'must be a port number between 0 and 65535')
  .max(65535, 'must be a port number between 0 and 65535');

/** pino's levels; `silent` turns logging off. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  COLLAB_PORT: port.default(1234),
  COLLAB_PUBLIC_URL: z
    .string()
    .regex(/^wss?:\/\/\S+$/, 'must start with ws:// or wss://')
    .optional(),
  /** The collab server's internal listener (metrics, internal endpoints); default: COLLAB_PORT + 1. */
  COLLAB_INTERNAL_PORT: port.optional(),
  COLLAB_INTERNAL_HOST: z.string().min(1).default('127.0.0.1'),
  COLLAB_INTERNAL_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'must start with http:// or https://')
    .optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// connection string')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only')
    .default('lip'),
  DATA_DIR: z.string().min(1).default('./data'),
  COLLAB_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Secure cookies; defaults to on in production (behind https), off otherwise. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  PUBLIC_URL: z.string().url('must be an absolute URL').optional(),
  /** Demo workspace on an empty database; defaults to on unless NODE_ENV=production. */
  SEED_DEMO: z.enum(['true', 'false'], 'must be true or false').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3)
    .max(200)
    .regex(/@/, 'must contain an e-mail address, e.g. "LIP-Werkstatt <lip@example.org>"')
    .default('LIP-Werkstatt <no-reply@lip.localhost>'),
  /** Switches subscriptions and revocation notices to Redis (several API processes). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must start with redis:// or rediss://')
    .optional(),
  /** Prefix of every Redis channel (several deployments may share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{1,40}$/, 'letters, digits and _ : . - only')
    .default('lip:'),
  ...edgeSchema(),
  SOFFICE_PATH: z.string().min(1).default('soffice'),
  EXPORT_CONVERSION_SLOTS: z.coerce.number().int().min(1).max(8).default(2),
  EXPORT_CONVERSION_TIMEOUT_MS: z.coerce.number().int().min(5_000).max(600_000).default(120_000),
});

/**
 * The variables of the HTTP edge: which reverse proxies to believe about the client address,
 * and the limits of one GraphQL operation. Kept apart so each group of settings reads as one.
 */
function edgeSchema() {
  return {
    TRUST_PROXY: z
      .string()
      .trim()
      .max(2000)
      .transform((value, ctx): TrustProxy => {
        const parsed = parseTrustProxy(value);
        if (parsed === null) {
          ctx.addIssue({
            code: 'custom',
            message:
              'must be false, true, a hop count, or a comma-separated list of addresses, CIDR ranges or loopback/linklocal/uniquelocal',
          });
          return false;
        }
        return parsed;
      })
      .default(false),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(10_000_000).default(20_000),
    GRAPHQL_MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(10_000)
      .max(100_000_000)
      .default(5_000_000),
    GRAPHQL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  };
}

/**
 * Which reverse proxies to trust for `X-Forwarded-For`, in Express's `trust proxy` terms: false
 * (use the socket address), true (trust every hop; only behind a proxy that strips the header),
 * a number of hops, or a list of addresses and CIDR ranges (presets loopback, linklocal,
 * uniquelocal allowed).
 */
export type TrustProxy = boolean | number | string[];

/** Parses a `TRUST_PROXY` value; null when it is not one of the forms of {@link TrustProxy}. */
export function parseTrustProxy(value: string): TrustProxy | null {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const list = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (list.length === 0 || list.length > 50) return null;
  try {
    proxyAddr.compile(list);
  } catch {
    return null;
  }
  return list;
}

/** Validated configuration; see README for each variable. */
export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  collabPort: number;
  /** Websocket URL the browser uses for the collab server; undefined = derived from collabPort. */
  collabPublicUrl: string | undefined;
  /** Where `npm start` binds the collab server's internal listener (metrics, internal endpoints). */
  collabInternalPort: number;
  collabInternalHost: string;
  /**
   * HTTP URL the API uses for the collab server's internal endpoints; undefined = derived from
   * collabInternalPort on 127.0.0.1.
   */
  collabInternalUrl: string | undefined;
  mongodbUri: string | undefined;
  dbName: string;
  dataDir: string;
  collabSecret: string | undefined;
  sessionSecret: string | undefined;
  sessionTtlDays: number;
  cookieSecure: boolean;
  publicUrl: string | undefined;
  /** Seed the demo accounts (published password) into an empty database at start. */
  seedDemo: boolean;
  logLevel: LogLevel;
  /** SMTP server for outgoing mail; undefined = the development outbox in the database only. */
  smtpUrl: string | undefined;
  /** Sender of every mail (`From`). */
  mailFrom: string;
  /** Reverse proxies believed about the client address (see {@link TrustProxy}). */
  trustProxy: TrustProxy;
  /** Redis for subscriptions across API processes (`REDIS_URL`); undefined: in-process. */
  redisUrl: string | undefined;
  redisPrefix: string;
  /** Limits of one GraphQL operation (HTTP and websocket). */
  graphqlLimits: {
    /** Largest accepted cost of an operation (list fields count their page size). */
    maxCost: number;
    /** Largest JSON response of one operation, in bytes. */
    maxResponseBytes: number;
    /** Milliseconds after which an operation's remaining fields are refused. */
    timeoutMs: number;
  };
  /** The LibreOffice command for ODT and PDF exports (`soffice` on PATH by default). */
  sofficePath: string;
  /** How many LibreOffice conversions run at once (each with its own profile). */
  exportConversionSlots: number;
  exportConversionTimeoutMs: number;
}

/** Raised when an environment variable has a wrong value; the message names each variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment (defaults to `process.env`) into a {@link Config} or throws {@link ConfigError}. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(emptyToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(environment)'}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    collabPort: e.COLLAB_PORT,
    collabPublicUrl: e.COLLAB_PUBLIC_URL,
    collabInternalPort: e.COLLAB_INTERNAL_PORT ?? nextPort(e.COLLAB_PORT),
    collabInternalHost: e.COLLAB_INTERNAL_HOST,
    collabInternalUrl: e.COLLAB_INTERNAL_URL,
    mongodbUri: e.MONGODB_URI,
    dbName: e.MONGODB_DB,
    dataDir: resolve(e.DATA_DIR),
    collabSecret: e.COLLAB_SECRET,
    sessionSecret: e.SESSION_SECRET,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : e.NODE_ENV === 'production',
    publicUrl: e.PUBLIC_URL,
    seedDemo: e.SEED_DEMO ? e.SEED_DEMO === 'true' : e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    trustProxy: e.TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    graphqlLimits: {
      maxCost: e.GRAPHQL_MAX_COST,
      maxResponseBytes: e.GRAPHQL_MAX_RESPONSE_BYTES,
      timeoutMs: e.GRAPHQL_TIMEOUT_MS,
    },
    sofficePath: e.SOFFICE_PATH,
    exportConversionSlots: e.EXPORT_CONVERSION_SLOTS,
    exportConversionTimeoutMs: e.EXPORT_CONVERSION_TIMEOUT_MS,
  };
}

/** The port next to the collab port (1235 for 1234); 0 stays 0 (any free port). */
function nextPort(collabPort: number): number {
  if (collabPort === 0) return 0;
  return collabPort < 65535 ? collabPort + 1 : collabPort - 1;
}

function emptyToUndefined(
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) out[key] = value === '' ? undefined : value;
  return out;
}
