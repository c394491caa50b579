import { z } from 'zod';

/**
 * The collab server's limits and timings. Every field has a default, so tests and embedders pass
 * only what they want to change.
 */
export const collabLimitsSchema = z.object({
  /** Largest accepted websocket frame; bigger frames close that connection with 4413. */
  maxMessageBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024),
  maxConnectionsPerDocument: z.coerce.number().int().positive().default(500),
  maxConnectionsPerPerson: z.coerce.number().int().positive().default(20),
  /**
   * Sustained messages per second per connection (the refill rate of a token bucket); a client
   * that keeps sending faster once its burst allowance is used up is closed with 4430.
   */
  maxMessagesPerSecond: z.coerce.number().int().positive().default(100),
  /** Messages a connection may send at once (token bucket capacity), e.g. a paste or catch-up. */
  maxMessageBurst: z.coerce.number().int().positive().default(300),
  /**
   * Largest awareness update (caret, selection, presence); a bigger one closes its connection
   * with 4413. A y-prosemirror caret state is well below 1 KiB.
   */
  maxAwarenessBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024),
  /**
   * Awareness updates per second per connection (token bucket refill). Faster updates are not
   * refused but coalesced: the newest waits for the next token and replaces older waiting ones.
   */
  maxAwarenessPerSecond: z.coerce.number().int().positive().default(10),
  maxAwarenessBurst: z.coerce.number().int().positive().default(20),
  /**
   * Frames a connection may send before its document is loaded and admitted, by count and bytes;
   * beyond either the connection is closed with 4430 (RateLimited) and may retry later.
   */
  maxQueuedFrames: z.coerce.number().int().positive().default(256),
  maxQueuedBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 * 1024),
});
export type CollabLimits = z.infer<typeof collabLimitsSchema>;

/** Timings of persistence, projection, revocation and eviction, in milliseconds. */
export const collabTimingsSchema = z.object({
  /** Accepted updates are appended to the database at most this long after they arrive. */
  storeBatchMs: z.coerce.number().int().positive().default(50),
  /** First retry delay when the database is unavailable; doubles up to `storeRetryMaxMs`. */
  storeRetryMs: z.coerce.number().int().positive().default(100),
  storeRetryMaxMs: z.coerce.number().int().positive().default(5000),
  /**
   * Compact into a snapshot when this many stored update records (one per write round) or bytes
   * piled up since the last one.
   */
  compactAfterUpdates: z.coerce.number().int().positive().default(500),
  compactAfterBytes: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /** Debounce of the text/HTML projection into the `documents` collection. */
  projectionDebounceMs: z.coerce.number().int().nonnegative().default(2000),
  /** Revocation poll interval (the contract says at most 250 ms). */
  revocationPollMs: z.coerce.number().int().positive().max(250).default(200),
  /** How far back each revocation poll re-reads (allowed writer clock skew), see `revocations.ts`. */
  revocationOverlapMs: z.coerce.number().int().positive().default(10_000),
  /** A document without clients is flushed and evicted after this delay. */
  evictAfterMs: z.coerce.number().int().nonnegative().default(2000),
  /** Websocket ping interval; a connection without pong in one interval is dropped. */
  pingIntervalMs: z.coerce.number().int().positive().default(30000),
  /**
   * With the relay: a process that is not where clients of a document last arrived closes its
   * connections to it this long after the other process's claim, so they reconnect through the
   * load balancer (one owner per document once routing is stable; see `document-relay.ts`).
   */
  handoverMs: z.coerce.number().int().positive().default(15_000),
  /** Interval of the relay's Redis round-trip probe. */
  relayProbeMs: z.coerce.number().int().positive().default(1000),
  /** A Redis round trip above this marks the relay slow (a warning in `/healthz`). */
  relaySlowAfterMs: z.coerce.number().int().positive().default(250),
});
export type CollabTimings = z.infer<typeof collabTimingsSchema>;

const envSchema = z.object({
  COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(1234),
  COLLAB_HOST: z.string().min(1).default('127.0.0.1'),
  /** Port of the internal listener (metrics, internal endpoints); default: the collab port + 1. */
  COLLAB_INTERNAL_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Host of the internal listener; keep it on a private interface. */
  COLLAB_INTERNAL_HOST: z.string().min(1).default('127.0.0.1'),
  COLLAB_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MONGODB_URI: z.string().min(1).optional(),
  /** Same database name as the API (`MONGODB_DB`, default `lip`). */
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/)
    .default('lip'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Switches the cross-process relay on (several collab processes); unset: one process. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must start with redis:// or rediss://')
    .optional(),
  /** Prefix of every Redis key and channel (several deployments may share one Redis). */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{1,40}$/, 'letters, digits and _ : . - only')
    .default('lip:'),
  COLLAB_MAX_MESSAGE_BYTES: z.string().optional(),
  COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: z.string().optional(),
  COLLAB_MAX_CONNECTIONS_PER_PERSON: z.string().optional(),
  COLLAB_MAX_MESSAGES_PER_SECOND: z.string().optional(),
  COLLAB_MAX_MESSAGE_BURST: z.string().optional(),
  COLLAB_MAX_AWARENESS_BYTES: z.string().optional(),
  COLLAB_MAX_AWARENESS_PER_SECOND: z.string().optional(),
  COLLAB_MAX_QUEUED_FRAMES: z.string().optional(),
  COLLAB_MAX_QUEUED_BYTES: z.string().optional(),
  COLLAB_STORE_BATCH_MS: z.string().optional(),
  COLLAB_PROJECTION_DEBOUNCE_MS: z.string().optional(),
  COLLAB_EVICT_AFTER_MS: z.string().optional(),
  COLLAB_COMPACT_AFTER_UPDATES: z.string().optional(),
  COLLAB_HANDOVER_MS: z.string().optional(),
  COLLAB_RELAY_SLOW_AFTER_MS: z.string().optional(),
});

/** The standalone collab server's configuration, parsed once from the environment. */
export interface CollabConfig {
  port: number;
  host: string;
  /** The internal listener: `/metrics` and `/internal/*`, never on the public port. */
  internalPort: number;
  internalHost: string;
  /** Undefined: read or create `<dataDir>/secrets.json`. */
  secret: string | undefined;
  /** Undefined: resolve an engine the same way the API does (see `@lip/engine`). */
  mongodbUri: string | undefined;
  dbName: string;
  dataDir: string;
  /** The relay's Redis (`REDIS_URL`); undefined: this process works alone. */
  redisUrl: string | undefined;
  redisPrefix: string;
  limits: CollabLimits;
  timings: CollabTimings;
}

/**
 * The internal listener's default port: next to the collab port (1235 for 1234), or any free
 * port when the collab port is 0 (tests start many servers at once).
 */
export function defaultInternalPort(collabPort: number): number {
  if (collabPort === 0) return 0;
  return collabPort < 65535 ? collabPort + 1 : collabPort - 1;
}

function defined(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Raised for a wrong environment value; the message names each variable. */
export class CollabConfigError extends Error {
  override name = 'CollabConfigError';
}

/** The environment variable behind each limit and timing, for error messages. */
const variableOf: Record<string, string> = {
  maxMessageBytes: 'COLLAB_MAX_MESSAGE_BYTES',
  maxConnectionsPerDocument: 'COLLAB_MAX_CONNECTIONS_PER_DOCUMENT',
  maxConnectionsPerPerson: 'COLLAB_MAX_CONNECTIONS_PER_PERSON',
  maxMessagesPerSecond: 'COLLAB_MAX_MESSAGES_PER_SECOND',
  maxMessageBurst: 'COLLAB_MAX_MESSAGE_BURST',
  storeBatchMs: 'COLLAB_STORE_BATCH_MS',
  projectionDebounceMs: 'COLLAB_PROJECTION_DEBOUNCE_MS',
  evictAfterMs: 'COLLAB_EVICT_AFTER_MS',
  compactAfterUpdates: 'COLLAB_COMPACT_AFTER_UPDATES',
  handoverMs: 'COLLAB_HANDOVER_MS',
  relaySlowAfterMs: 'COLLAB_RELAY_SLOW_AFTER_MS',
};

function parseOrExplain<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '(environment)');
    return `  ${variableOf[key] ?? key}: ${issue.message}`;
  });
  throw new CollabConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

/**
 * Parses the environment (this is the only module that reads `process.env`). An empty value
 * counts as unset, as in the API's config (`MONGODB_URI=` in an environment file).
 */
export function loadCollabConfig(env: NodeJS.ProcessEnv = process.env): CollabConfig {
  const parsed = parseOrExplain(
    envSchema,
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  return {
    port: parsed.COLLAB_PORT,
    host: parsed.COLLAB_HOST,
    internalPort: parsed.COLLAB_INTERNAL_PORT ?? defaultInternalPort(parsed.COLLAB_PORT),
    internalHost: parsed.COLLAB_INTERNAL_HOST,
    secret: parsed.COLLAB_SECRET,
    mongodbUri: parsed.MONGODB_URI,
    dbName: parsed.MONGODB_DB,
    dataDir: parsed.DATA_DIR,
    redisUrl: parsed.REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX,
    limits: parseOrExplain(
      collabLimitsSchema,
      defined({
        maxMessageBytes: parsed.COLLAB_MAX_MESSAGE_BYTES,
        maxConnectionsPerDocument: parsed.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT,
        maxConnectionsPerPerson: parsed.COLLAB_MAX_CONNECTIONS_PER_PERSON,
        maxMessagesPerSecond: parsed.COLLAB_MAX_MESSAGES_PER_SECOND,
        maxMessageBurst: parsed.COLLAB_MAX_MESSAGE_BURST,
        maxAwarenessBytes: parsed.COLLAB_MAX_AWARENESS_BYTES,
        maxAwarenessPerSecond: parsed.COLLAB_MAX_AWARENESS_PER_SECOND,
        maxQueuedFrames: parsed.COLLAB_MAX_QUEUED_FRAMES,
        maxQueuedBytes: parsed.COLLAB_MAX_QUEUED_BYTES,
      }),
    ),
    timings: parseOrExplain(
      collabTimingsSchema,
      defined({
        storeBatchMs: parsed.COLLAB_STORE_BATCH_MS,
        projectionDebounceMs: parsed.COLLAB_PROJECTION_DEBOUNCE_MS,
        evictAfterMs: parsed.COLLAB_EVICT_AFTER_MS,
        compactAfterUpdates: parsed.COLLAB_COMPACT_AFTER_UPDATES,
        handoverMs: parsed.COLLAB_HANDOVER_MS,
        relaySlowAfterMs: parsed.COLLAB_RELAY_SLOW_AFTER_MS,
      }),
    ),
  };
}
