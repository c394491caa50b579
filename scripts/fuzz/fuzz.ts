import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatReport, goalFailures } from './report';
import { runFuzz } from './run';
import { SURFACE_NAMES, type SurfaceName } from './runner';

/**
 * `npm run fuzz`: starts the product and fuzzes every surface a stranger reaches (see
 * docs/security.md). Options:
 *   --cases=N          cases per surface (default 10000)
 *   --seed=N           the seed (default: random, printed)
 *   --surface=a,b      only these surfaces (http, graphql, graphql-ws, collab-upgrade, y-websocket)
 *   --path=I           replay case I of the seed (with one --surface)
 *   --max-crashes=N    stop a surface after N crashes (default 20)
 *   --warm-up=N        cases per surface (seed + 1) before memory is first measured (default 500)
 *   --heap-snapshots   write heap snapshots of the product before, after each surface and after
 *                      (test-results/fuzz/)
 * Writes test-results/fuzz/report-<seed>.md and .json; exits 1 when a goal figure is not met.
 */
function argument(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

async function main(): Promise<void> {
  const seed = Number(argument('seed') ?? Math.floor(Math.random() * 2 ** 31));
  const surfaces = (argument('surface')?.split(',') ?? [...SURFACE_NAMES]) as SurfaceName[];
  const unknown = surfaces.filter((name) => !SURFACE_NAMES.includes(name));
  if (unknown.length > 0 || !Number.isInteger(seed)) {
    throw new Error(
      `unknown surface ${unknown.join(', ')} or bad seed; surfaces: ${SURFACE_NAMES.join(', ')}`,
    );
  }
  const path = argument('path');
  if (path !== undefined && surfaces.length !== 1)
    throw new Error('--path replays one case: give exactly one --surface');
  const casesPerSurface = Number(argument('cases') ?? 10_000);
  const lastProgress = new Map<string, number>();
  const dir = resolve(__dirname, '..', '..', 'test-results', 'fuzz');
  mkdirSync(dir, { recursive: true });
  const report = await runFuzz({
    seed,
    casesPerSurface,
    surfaces,
    ...(path === undefined ? {} : { path }),
    maxCrashesPerSurface: Number(argument('max-crashes') ?? 20),
    warmUpCasesPerSurface: Number(argument('warm-up') ?? 500),
    keptPerKind: path === undefined ? 5 : 1,
    ...(process.argv.includes('--heap-snapshots') ? { snapshotDir: dir } : {}),
    onCase(surface, index) {
      const now = Date.now();
      if (now - (lastProgress.get(surface) ?? 0) < 30_000) return;
      lastProgress.set(surface, now);
      console.log(`  ${surface}: case ${index + 1}`);
    },
  });
  const markdown = formatReport(report);
  writeFileSync(join(dir, `report-${seed}.md`), `${markdown}\n`);
  writeFileSync(join(dir, `report-${seed}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${markdown}\n\nreport: ${join(dir, `report-${seed}.md`)}`);
  if (goalFailures(report).length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
