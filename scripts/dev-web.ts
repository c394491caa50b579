import { join } from 'node:path';
import { repoRoot } from '@lip/engine';

/** A running Vite dev server. */
export interface WebDevServer {
  /** Where to open the app, e.g. `http://127.0.0.1:5173/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * `npm run dev`: the Vite dev server for `web/` with hot module reload, proxying `/graphql`
 * (HTTP and graphql-ws) to the API on `apiPort`, so the browser sees one origin and the session
 * cookie works as in production. Port 5173, or the next free one.
 */
export async function startWebDevServer(options: {
  apiPort: number;
  host: string;
}): Promise<WebDevServer> {
  const vite = await import('vite');
  const root = join(repoRoot, 'web');
  const server = await vite.createServer({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    clearScreen: false,
    server: {
      host: options.host,
      port: 5173,
      strictPort: false,
      proxy: {
        '/graphql': {
          target: `http://127.0.0.1:${options.apiPort}`,
          ws: true,
          changeOrigin: false,
        },
      },
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server did not report its address');
  return { url, close: () => server.close() };
}
