import { formatReport, goalFailures } from '../../scripts/fuzz/report';
import { runFuzz } from '../../scripts/fuzz/run';
import { SURFACE_NAMES } from '../../scripts/fuzz/runner';

/**
 * The short fuzz budget of `npm test`: a few hundred generated cases per surface against the
 * started product (see docs/security.md; `npm run fuzz` is the long run). A fixed seed keeps CI
 * stable; a failure prints each finding with the command that replays it.
 */
const SEED = 20261203;
const CASES_PER_SURFACE = 200;

it('survives a short fuzz budget on every surface: no crash, no 5xx, no unhandled rejection', async () => {
  const report = await runFuzz({
    seed: SEED,
    casesPerSurface: CASES_PER_SURFACE,
    surfaces: [...SURFACE_NAMES],
    // One crash is enough to fail; more restarts would only cost time.
    maxCrashesPerSurface: 1,
    keptPerKind: 3,
    // Memory is the long run's business; the comparison with a fresh process costs a restart.
    compareWithFreshProcess: false,
    log: () => undefined,
  });
  const failures = goalFailures(report);
  if (failures.length > 0) console.log(formatReport(report));
  expect(failures).toEqual([]);
  expect(report.surfaces.map((surface) => [surface.surface, surface.cases])).toEqual(
    SURFACE_NAMES.map((name) => [name, CASES_PER_SURFACE]),
  );
}, 300_000);
