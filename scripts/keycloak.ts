import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

/** The Keycloak release the sign-in tests run against (Maven Central's Quarkus distribution). */
export const KEYCLOAK_VERSION = '26.7.3';
/** Where it is unpacked: `.tools/keycloak/keycloak-<version>` (ignored by git, like FerretDB). */
export const keycloakHome = resolve(
  __dirname,
  '..',
  '.tools',
  'keycloak',
  `keycloak-${KEYCLOAK_VERSION}`,
);
/**
 * The newest JDK of version 21 or later under `/usr/lib/jvm` (its `release` file names the
 * version), since Keycloak 26 needs Java 21+ and Debian's default Java 17 is too old; null when
 * there is none.
 */
function newestJavaHome(root = '/usr/lib/jvm'): string | null {
  if (!existsSync(root)) return null;
  let best: { home: string; major: number } | null = null;
  for (const name of readdirSync(root)) {
    const release = join(root, name, 'release');
    if (!existsSync(release)) continue;
    const major = Number(/JAVA_VERSION="(\d+)/.exec(readFileSync(release, 'utf8'))?.[1] ?? 0);
    if (major >= 21 && (!best || major > best.major)) best = { home: join(root, name), major };
  }
  return best?.home ?? null;
}

/** Java 21+ for Keycloak 26: `KEYCLOAK_JAVA_HOME`, else the newest such JDK on the machine. */
export const KEYCLOAK_JAVA_HOME =
  process.env.KEYCLOAK_JAVA_HOME ?? newestJavaHome() ?? '/usr/lib/jvm/temurin-25-jdk-amd64';

/**
 * Fetches Keycloak's distribution zip through Maven (from Maven Central, or the local `~/.m2`
 * cache) and unpacks it into {@link keycloakHome}, unless it is already there. Idempotent; the
 * unpacking goes to a scratch folder first, so an interrupted run leaves no half-unpacked copy.
 * Returns the path of `bin/kc.sh`.
 */
export function ensureKeycloak(log: (line: string) => void = console.log): string {
  const kc = join(keycloakHome, 'bin', 'kc.sh');
  if (existsSync(kc)) return kc;
  const tools = resolve(keycloakHome, '..');
  mkdirSync(tools, { recursive: true });
  const scratch = mkdtempSync(join(tools, 'fetch-'));
  try {
    log(`fetching Keycloak ${KEYCLOAK_VERSION} (first time only)...`);
    execFileSync(
      'mvn',
      [
        '-q',
        'dependency:copy',
        `-Dartifact=org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`,
        `-DoutputDirectory=${scratch}`,
      ],
      { stdio: 'inherit' },
    );
    execFileSync(
      'unzip',
      ['-q', join(scratch, `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`), '-d', scratch],
      { stdio: 'inherit' },
    );
    if (!existsSync(keycloakHome)) {
      renameSync(join(scratch, `keycloak-${KEYCLOAK_VERSION}`), keycloakHome);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (!existsSync(kc)) throw new Error(`Keycloak was unpacked but ${kc} is missing`);
  return kc;
}

if (require.main === module) {
  console.log(ensureKeycloak());
}
