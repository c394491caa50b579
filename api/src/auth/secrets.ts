import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** The shared secrets: collab tickets (shared with the collab server) and session hashing. */
export interface Secrets {
  collabSecret: string;
  sessionSecret: string;
}

const fileSchema = z.object({
  collabSecret: z.string().min(32),
  sessionSecret: z.string().min(32),
});

/**
 * Returns the configured secrets, or those in `<dataDir>/secrets.json`, generating that file once
 * (flag `wx`, then re-read) so that the API and the collab server, whichever starts first, agree.
 */
export function resolveSecrets(options: {
  dataDir: string;
  collabSecret?: string | undefined;
  sessionSecret?: string | undefined;
}): Secrets {
  if (options.collabSecret && options.sessionSecret) {
    return { collabSecret: options.collabSecret, sessionSecret: options.sessionSecret };
  }
  const file = join(options.dataDir, 'secrets.json');
  mkdirSync(options.dataDir, { recursive: true });
  const generated = {
    collabSecret: randomBytes(32).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
  try {
    writeFileSync(file, JSON.stringify(generated, null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = fileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  return {
    collabSecret: options.collabSecret ?? stored.collabSecret,
    sessionSecret: options.sessionSecret ?? stored.sessionSecret,
  };
}
