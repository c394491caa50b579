/**
 * The only reader of `import.meta.env` (jest maps this module to `env.jest.ts`). `collabUrl` is
 * the fallback websocket base of the collab server when the API does not name one.
 */
export interface WebEnv {
  /** Websocket base URL of the collab server, e.g. `ws://127.0.0.1:1234`; empty = derive. */
  collabUrl: string;
}

/** Reads the build-time environment once. */
export function readEnv(): WebEnv {
  return {
    collabUrl: String(import.meta.env.VITE_COLLAB_URL ?? ''),
  };
}
