import { readOrCreateSharedSecrets, type SharedSecrets } from '@lip/common/server';

/** The shared secrets: collab tickets (shared with the collab server) and session hashing. */
export type Secrets = SharedSecrets;

/**
 * Returns the configured secrets, or those in `<dataDir>/secrets.json`, which the API and the
 * collab server share (created once by whichever starts first; see `readOrCreateSharedSecrets`).
 */
export function resolveSecrets(options: {
  dataDir: string;
  collabSecret?: string | undefined;
  sessionSecret?: string | undefined;
}): Secrets {
  if (options.collabSecret && options.sessionSecret) {
    return { collabSecret: options.collabSecret, sessionSecret: options.sessionSecret };
  }
  const stored = readOrCreateSharedSecrets(options.dataDir);
  return {
    collabSecret: options.collabSecret ?? stored.collabSecret,
    sessionSecret: options.sessionSecret ?? stored.sessionSecret,
  };
}
