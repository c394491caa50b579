import { resolve } from 'node:path';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { SYSTEM_ROLES, type SystemRole } from '@lip/common';

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
  ...accountSchema(),
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
 * The variables of sign-in and personal data: the second factor, the audit trail's retention and
 * the city's identity provider (OpenID Connect; all unset = password sign-in only).
 */
function accountSchema() {
  const roleList = z
    .string()
    .trim()
    .transform((value, ctx): SystemRole[] => {
      if (value === 'none') return [];
      const roles = value.split(',').map((item) => item.trim());
      const wrong = roles.find((role) => !(SYSTEM_ROLES as readonly string[]).includes(role));
      if (wrong !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `must be "none" or a comma-separated list of ${SYSTEM_ROLES.join(', ')} (not "${wrong}")`,
        });
        return [];
      }
      return [...new Set(roles)] as SystemRole[];
    });
  return {
    SECOND_FACTOR_ROLES: roleList.default(['admin', 'coordinator']),
    TOTP_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
    OIDC_ISSUER: z.string().url('must be the absolute URL of the identity provider').optional(),
    OIDC_CLIENT_ID: z.string().min(1).max(200).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).max(500).optional(),
    OIDC_DISPLAY_NAME: z.string().trim().min(1).max(80).default('Mit dem Konto der Stadt anmelden'),
    OIDC_DISPLAY_NAME_EN: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .default('Sign in with your city account'),
    OIDC_SCOPES: z
      .string()
      .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'space-separated scopes')
      .default('openid email profile'),
    OIDC_ACCESS_CONTACT: z.string().trim().min(3).max(300).optional(),
    OIDC_AUTO_ACCOUNT_ROLE: z
      .enum(['none', 'member', 'observer'], 'must be none, member or observer')
      .default('none'),
    OIDC_AUTO_ACCOUNT_DOMAINS: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*$/, 'a comma-separated list of e-mail domains')
      .optional(),
    OIDC_ROLE_CLAIM: z
      .string()
      .regex(/^[A-Za-z0-9_:./-]{1,100}$/, 'a claim name such as groups')
      .optional(),
    OIDC_ROLE_MAP: z
      .string()
      .trim()
      .transform((value, ctx): [string, SystemRole][] => {
        const pairs: [string, SystemRole][] = [];
        for (const item of value.split(',')) {
          const [claim, role] = item.split('=').map((part) => part.trim());
          if (!claim || !role || !(SYSTEM_ROLES as readonly string[]).includes(role)) {
            ctx.addIssue({
              code: 'custom',
              message: `must be claim=role pairs, e.g. "lip-admins=admin,lip-team=coordinator" (role one of ${SYSTEM_ROLES.join(', ')})`,
            });
            return [];
          }
          pairs.push([claim, role as SystemRole]);
        }
        return pairs;
      })
      .optional(),
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
  /** System roles whose password accounts must set up a second factor (TOTP) before acting. */
  secondFactorRoles: SystemRole[];
  /** Key the TOTP secrets are encrypted with; undefined = derived from the session secret. */
  totpEncryptionKey: string | undefined;
  /** Days an audit entry is kept before the daily prune removes it. */
  auditRetentionDays: number;
  /** Sign-in through the city's identity provider; null = not configured (password only). */
  oidc: OidcConfig | null;
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

/** The OpenID Connect relying party: the city's identity provider and who may come in. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Label of the sign-in button, German and English. */
  displayName: { de: string; en: string };
  scopes: string;
  /** Whom to ask for access, shown on the "no access yet" page; undefined = the project team. */
  accessContact: string | undefined;
  /** Role of accounts created for unknown people with a verified e-mail; null = none created. */
  autoAccountRole: 'member' | 'observer' | null;
  /** E-mail domains automatic accounts are limited to (lower case); empty = any. */
  autoAccountDomains: string[];
  /** Claim whose values map to a system role (e.g. `groups`); undefined = roles stay ours. */
  roleClaim: string | undefined;
  /** Claim value → system role, first match in this order wins. */
  roleMap: [string, SystemRole][];
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
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three to sign in through the identity provider, or none',
    );
  }
  if (e.OIDC_ROLE_MAP && !e.OIDC_ROLE_CLAIM) {
    throw new ConfigError(
      'Invalid configuration:\n  OIDC_ROLE_MAP: needs OIDC_ROLE_CLAIM, the claim whose values it maps',
    );
  }
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
    secondFactorRoles: e.SECOND_FACTOR_ROLES,
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            displayName: { de: e.OIDC_DISPLAY_NAME, en: e.OIDC_DISPLAY_NAME_EN },
            scopes: e.OIDC_SCOPES,
            accessContact: e.OIDC_ACCESS_CONTACT,
            autoAccountRole: e.OIDC_AUTO_ACCOUNT_ROLE === 'none' ? null : e.OIDC_AUTO_ACCOUNT_ROLE,
            autoAccountDomains: e.OIDC_AUTO_ACCOUNT_DOMAINS
              ? e.OIDC_AUTO_ACCOUNT_DOMAINS.split(',').map((d) => d.trim())
              : [],
            roleClaim: e.OIDC_ROLE_CLAIM,
            roleMap: e.OIDC_ROLE_MAP ?? [],
          }
        : null,
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
