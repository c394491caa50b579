import { execFileSync } from 'node:child_process';
import { ensureFerretdb } from './ferretdb-build';
import { ensureKeycloak } from './keycloak';

/**
 * One-time set-up after `npm ci`: builds the embedded database engine (unless MONGODB_URI points
 * to a server), fetches Keycloak for the sign-in tests, and builds the web app, so that
 * `npm start` serves everything from one address.
 */
if (!process.env.MONGODB_URI) ensureFerretdb();
// Keycloak is only for the sign-in tests (tests/e2e/keycloak.e2e.ts); it needs Maven and Java 21+.
try {
  ensureKeycloak();
} catch (error) {
  console.warn(`Keycloak for the sign-in tests was not fetched: ${String(error)}`);
}
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
console.log('\nSet-up done. Start the workspace with: npm start');
