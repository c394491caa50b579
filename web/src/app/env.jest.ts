import type { WebEnv } from './env';

/** The jest stand-in for `env.ts`: reads `process.env` because jest has no `import.meta.env`. */
export function readEnv(): WebEnv {
  return {
    collabUrl: process.env.VITE_COLLAB_URL ?? '',
  };
}
