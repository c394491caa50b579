import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Vite config for the web app. In development `/graphql` (HTTP and graphql-ws) is proxied to the
 * API on 127.0.0.1:4000, so the browser sees one origin and the session cookie stays same-site.
 * In production the API serves `web/dist` itself.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true, changeOrigin: false },
      // Sign-in through the identity provider and the personal-data download are plain HTTP.
      '/auth/oidc': { target: 'http://127.0.0.1:4000', changeOrigin: false },
      '/account/export': { target: 'http://127.0.0.1:4000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    // The manifest lets the web benchmark sum the entry's static imports (initial JavaScript).
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
});
