import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  /** Where HAProxy serves the API and the web app (as `PORT` under `npm start`); 0: any free. */
  PORT: port.default(4000),
  /** Where HAProxy serves the collab websocket (as `COLLAB_PORT` under `npm start`). */
  COLLAB_PORT: port.default(1234),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must be a mongodb:// or mongodb+srv:// connection string')
    .optional(),
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, _ and - only')
    .default('lip'),
  /** An existing Redis; unset: the cluster starts Debian's redis-server on a free port. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must start with redis:// or rediss://')
    .optional(),
  CLUSTER_COLLAB_PROCESSES: z.coerce.number().int().min(1).max(16).default(3),
  CLUSTER_API_PROCESSES: z.coerce.number().int().min(1).max(16).default(2),
  /** How long the supervisor waits before restarting a process that died (like systemd). */
  CLUSTER_RESTART_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  LOG_LEVEL: z.string().default('warn'),
});

/** Configuration of `npm run start:cluster`. */
export type ClusterConfig = z.infer<typeof schema>;

/** Parses the environment; throws with one line per wrong variable. */
export function loadClusterConfig(
  env: Record<string, string | undefined> = process.env,
): ClusterConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
