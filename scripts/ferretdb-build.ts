import { execFileSync } from 'node:child_process';
import {
  cpSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultFerretdbBin } from '@lip/engine';

/** The FerretDB release we build and test against (see docs/ARCHITECTURE.md). */
export const FERRETDB_VERSION = 'v1.24.2';

/**
 * Builds the embedded FerretDB binary into `.tools/bin/ferretdb` from the Go module proxy, unless
 * it is already there. `go install module@version` alone yields a binary that panics at start
 * (the module zip lacks `build/version/version.txt`, which FerretDB's release tooling writes), so
 * we copy the module source, write that file as FerretDB's docs ask, and `go build` it.
 */
export function ensureFerretdb(log: (line: string) => void = console.log): string {
  const bin = defaultFerretdbBin;
  if (existsSync(bin)) {
    try {
      const version = execFileSync(bin, ['--version'], { encoding: 'utf8' });
      if (version.includes(FERRETDB_VERSION)) return bin;
    } catch {
      // fall through and rebuild a broken binary
    }
  }
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'Go is needed once to build the embedded database (FerretDB). Install Go (e.g. `apt-get install golang`) ' +
        'or set MONGODB_URI to an existing MongoDB 7+ server.',
    );
  }
  log(`building FerretDB ${FERRETDB_VERSION} (first time only, takes a minute or two)...`);
  const info = JSON.parse(
    execFileSync(
      'go',
      ['mod', 'download', '-json', `github.com/FerretDB/FerretDB@${FERRETDB_VERSION}`],
      {
        encoding: 'utf8',
      },
    ),
  ) as { Dir: string };
  const work = mkdtempSync(join(tmpdir(), 'ferretdb-src-'));
  try {
    cpSync(info.Dir, work, { recursive: true });
    chmodSync(join(work, 'build', 'version'), 0o755);
    writeFileSync(join(work, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    mkdirSync(join(bin, '..'), { recursive: true });
    execFileSync('go', ['build', '-trimpath', '-o', bin, './cmd/ferretdb'], {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, CGO_ENABLED: '0' },
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`FerretDB built: ${bin}`);
  return bin;
}

if (require.main === module) ensureFerretdb();
