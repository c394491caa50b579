import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { ensureKeycloak, KEYCLOAK_JAVA_HOME, keycloakHome } from '../../../scripts/keycloak';

/** The test realm (a client and two people), imported at start from the repository. */
const REALM_FILE = resolve(__dirname, '..', '..', 'keycloak', 'realm.json');
const REALM = 'lip';
const CLIENT_ID = 'lip-werkstatt';

/** A Keycloak in development mode with the test realm, for one test file. */
export interface RunningKeycloak {
  /** The realm's issuer, e.g. http://127.0.0.1:PORT/realms/lip. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** A call to Keycloak's admin REST API (as the bootstrap admin) under /admin/realms/lip. */
  admin(path: string, init?: RequestInit): Promise<Response>;
  output(): string;
  stop(): Promise<void>;
}

/** The issuer of the test realm on `port`. */
export function keycloakIssuer(port: number): string {
  return `http://127.0.0.1:${port}/realms/${REALM}`;
}

/** The test realm's client id (see tests/keycloak/realm.json). */
export const KEYCLOAK_CLIENT_ID = CLIENT_ID;

/** A random client secret for one test run (the realm file takes it from the environment). */
export function newClientSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** A free local TCP port (bound once and released). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/**
 * Starts Keycloak (fetched and unpacked by `scripts/keycloak.ts` if needed) with `start-dev` on
 * free ports and an in-memory database, importing `tests/keycloak/realm.json`. The realm's client
 * points its redirect, post-logout and back-channel logout addresses at `appUrl` (placeholders
 * in the realm file, filled from the environment at import). Resolves when the realm's discovery
 * document answers; the first start on a machine also builds Keycloak's optimized image.
 */
export async function startKeycloak(options: {
  appUrl: string;
  /** The HTTP port (so the app can be configured with the issuer before Keycloak is up). */
  port: number;
  /** The client secret the app is configured with. */
  clientSecret: string;
  readyTimeoutMs?: number;
}): Promise<RunningKeycloak> {
  const kc = ensureKeycloak();
  const { port, clientSecret } = options;
  const managementPort = await freePort();
  const adminPassword = randomBytes(18).toString('base64url');
  // Keycloak imports every file of data/import; same content every time, written atomically.
  const importDir = join(keycloakHome, 'data', 'import');
  mkdirSync(importDir, { recursive: true });
  const scratch = join(importDir, `.lip-realm-${process.pid}.tmp`);
  copyFileSync(REALM_FILE, scratch);
  renameSync(scratch, join(importDir, 'lip-realm.json'));

  const child = spawn(
    kc,
    [
      'start-dev',
      `--http-port=${port}`,
      `--http-management-port=${managementPort}`,
      '--http-host=127.0.0.1',
      '--db=dev-mem',
      '--import-realm',
    ],
    {
      env: {
        ...process.env,
        JAVA_HOME: KEYCLOAK_JAVA_HOME,
        KC_BOOTSTRAP_ADMIN_USERNAME: 'bootstrap-admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
        LIP_APP_URL: options.appUrl,
        LIP_KEYCLOAK_CLIENT_SECRET: clientSecret,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on(
    'data',
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000)),
  );
  child.stderr?.on(
    'data',
    (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000)),
  );

  const base = `http://127.0.0.1:${port}`;
  const issuer = keycloakIssuer(port);
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    if (!(await waitForExit(child, 15_000))) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await waitForExit(child, 5_000);
    }
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 400_000);
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`Keycloak exited:\n${output}`);
      try {
        const res = await fetch(`${issuer}/.well-known/openid-configuration`);
        if (res.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`Keycloak did not start in time:\n${output}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  let adminToken: { value: string; until: number } | null = null;
  const token = async () => {
    if (adminToken && adminToken.until > Date.now()) return adminToken.value;
    const res = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: 'bootstrap-admin',
        password: adminPassword,
      }).toString(),
    });
    if (!res.ok) throw new Error(`admin token: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    adminToken = { value: body.access_token, until: Date.now() + (body.expires_in - 10) * 1000 };
    return adminToken.value;
  };

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    async admin(path, init = {}) {
      return fetch(`${base}/admin/realms/${REALM}${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          authorization: `Bearer ${await token()}`,
        },
      });
    },
    output: () => output,
    stop,
  };
}
