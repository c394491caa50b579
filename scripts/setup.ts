import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureExportTools } from './export-tools';
import { ensureFerretdb } from './ferretdb-build';
import { ensureKeycloak } from './keycloak';

/**
 * One-time set-up after `npm ci`: builds the embedded database engine (unless MONGODB_URI points
 * to a server), installs the export tools from Debian when missing (LibreOffice for ODT and PDF)
 * and builds the web app, so that `npm start` serves everything from one address. Redis and
 * HAProxy (for `npm run start:cluster` and its tests) come from Debian too: installed here when
 * run as root, otherwise the command is printed. It also fetches Keycloak for the sign-in tests.
 */
if (!process.env.MONGODB_URI) ensureFerretdb();
ensureExportTools();
const debianPackages = [
  { name: 'redis-server', binary: '/usr/bin/redis-server' },
  { name: 'haproxy', binary: '/usr/sbin/haproxy' },
].filter((item) => !existsSync(item.binary));
if (debianPackages.length > 0) {
  const names = debianPackages.map((item) => item.name);
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.log(`For the scaled-out topology: sudo apt-get install ${names.join(' ')}`);
  }
}
// Keycloak is only for the sign-in tests (tests/e2e/keycloak.e2e.ts); it needs Maven and Java 21+.
try {
  ensureKeycloak();
} catch (error) {
  console.warn(`Keycloak for the sign-in tests was not fetched: ${String(error)}`);
}
execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
console.log('\nSet-up done. Start the workspace with: npm start');
