import fc from 'fast-check';
import type { FuzzContext } from './context';
import type { MemorySample } from './product';

/** What one case saw, as the surface reports it. */
export interface Observation {
  /** HTTP statuses of every answer (responses and upgrade answers); 0 = none. */
  statuses: number[];
  /** GraphQL errors coded INTERNAL_SERVER_ERROR (an exception the API did not expect). */
  internalErrors: number;
  /** Whether some answer never came within the surface's timeout. */
  timedOut: boolean;
  /** One line about what came back, e.g. `400` or `closed 4400`. */
  outcome: string;
}

/** One attack surface: how to generate its cases and how to send one to the product. */
export interface Surface<C> {
  name: SurfaceName;
  /** What the surface covers, for the report. */
  covers: string;
  arbitrary(context: FuzzContext): fc.Arbitrary<C>;
  execute(testCase: C, context: FuzzContext): Promise<Observation>;
  /** A short description of a case (at most a few hundred characters) for the report. */
  describe(testCase: C): string;
  /** A label to count cases by (e.g. the body kind), so the report shows what was covered. */
  label(testCase: C): string;
}

/** The surfaces, in the order a run visits them (`--surface` takes these names). */
export const SURFACE_NAMES = [
  'http',
  'graphql',
  'graphql-ws',
  'collab-upgrade',
  'y-websocket',
] as const;
export type SurfaceName = (typeof SURFACE_NAMES)[number];

/** Kinds of findings; the first four are the goal figures, the last three are reported. */
export type AnomalyKind =
  | 'crash'
  | '5xx'
  | 'unhandled-rejection'
  | 'unresponsive'
  | 'internal-error'
  | 'timeout'
  | 'error-log';

/** One finding, with what it takes to replay it. */
export interface Anomaly {
  kind: AnomalyKind;
  surface: SurfaceName;
  seed: number;
  path: string;
  replay: string;
  summary: string;
  detail: string;
}

/** Counts of one surface. */
export interface SurfaceReport {
  surface: SurfaceName;
  covers: string;
  cases: number;
  crashes: number;
  http5xx: number;
  unhandledRejections: number;
  unresponsive: number;
  internalErrors: number;
  timeouts: number;
  /** Log lines of the product at level error or fatal while this surface ran. */
  errorLogLines: number;
  /** Identities whose session a case of this surface ended (signed in again afterwards). */
  sessionsRenewed: string[];
  /** Cases per label, to show the spread of generated inputs. */
  labels: Record<string, number>;
  /** Whether the surface stopped early (too many crashes). */
  stoppedEarly: boolean;
  /** The slowest cases (send to answer), slowest first: where a cost or a blocked loop hides. */
  slowest: { ms: number; path: string; summary: string }[];
  durationMs: number;
}

/** The whole run. */
export interface FuzzReport {
  seed: number;
  startedAt: string;
  durationMs: number;
  casesPerSurface: number;
  /** The warm-up cases (another seed) sent before memory was measured, per surface. */
  warmUp: SurfaceReport[];
  surfaces: SurfaceReport[];
  anomalies: Anomaly[];
  restarts: number;
  memory: {
    /** Before the warm-up (null without one): what the product holds right after starting. */
    coldBefore: MemorySample | null;
    /** Before the run (after the warm-up, if any). */
    before: MemorySample;
    after: MemorySample | null;
    heapChangePercent: number | null;
    /** A fresh process on the data the run left, warmed up and idle (null when not measured). */
    freshOnFinalData: MemorySample | null;
    /** How far the heap after the run is above that fresh process. */
    heapOverFreshPercent: number | null;
    /** After each surface, once the product was idle (null when it had been restarted). */
    afterSurface: Partial<Record<SurfaceName, MemorySample | null>>;
  };
}

/** Options of one run. */
export interface RunOptions {
  seed: number;
  casesPerSurface: number;
  /** Replays one case: its index (the fast-check path) within the surface's run. */
  path?: string;
  /** After this many crashes a surface stops (each crash costs a restart). */
  maxCrashesPerSurface: number;
  /** Anomalies kept per kind and surface in the report (all are counted). */
  keptPerKind: number;
  log: (line: string) => void;
  /** Called after each case, e.g. for a progress line. */
  onCase?: (surface: SurfaceName, index: number) => void;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

/**
 * Runs one surface: fast-check generates `casesPerSurface` cases from the seed (case i is path
 * `i`, so `--seed=S --path=i` replays exactly it), each is sent, then the product must still
 * run and both `/healthz` answer. Nothing stops at the first finding: every case is counted, a
 * dead product is restarted (up to the crash budget) and the run goes on.
 */
export async function runSurface<C>(
  surface: Surface<C>,
  context: FuzzContext,
  options: RunOptions,
  anomalies: Anomaly[],
): Promise<SurfaceReport> {
  const product = context.product;
  const started = performance.now();
  const report: SurfaceReport = {
    surface: surface.name,
    covers: surface.covers,
    cases: 0,
    crashes: 0,
    http5xx: 0,
    unhandledRejections: 0,
    unresponsive: 0,
    internalErrors: 0,
    timeouts: 0,
    errorLogLines: 0,
    sessionsRenewed: [],
    labels: {},
    stoppedEarly: false,
    slowest: [],
    durationMs: 0,
  };
  const kept = new Map<string, number>();
  const record = (kind: AnomalyKind, index: number, testCase: C, detail: string) => {
    const key = `${kind}`;
    const count = kept.get(key) ?? 0;
    kept.set(key, count + 1);
    const path = String(index);
    // A finding may need the cases before it (state they left behind): the second command
    // replays the whole sequence up to it.
    const replay = `npm run fuzz -- --surface=${surface.name} --seed=${options.seed} --path=${path}  (with what came before: --surface=${surface.name} --seed=${options.seed} --cases=${index + 1})`;
    if (count < options.keptPerKind) {
      const anomaly: Anomaly = {
        kind,
        surface: surface.name,
        seed: options.seed,
        path,
        replay,
        summary: truncate(surface.describe(testCase), 400),
        detail: truncate(detail, 4_000),
      };
      anomalies.push(anomaly);
      options.log(
        `FINDING ${kind} on ${surface.name}: ${anomaly.summary}\n  ${anomaly.detail}\n  replay: ${replay}`,
      );
    }
  };

  let index = options.path === undefined ? 0 : Number(options.path.split(':')[0]);
  const property = fc.asyncProperty(surface.arbitrary(context), async (testCase: C) => {
    const current = index;
    index += 1;
    if (report.stoppedEarly) return true;
    report.cases += 1;
    const label = surface.label(testCase);
    report.labels[label] = (report.labels[label] ?? 0) + 1;
    const unhandledBefore = product.unhandledRejections();
    const errorLogBefore = product.errorLogLines();

    let observation: Observation | undefined;
    let thrown: unknown;
    const sent = performance.now();
    try {
      observation = await surface.execute(testCase, context);
    } catch (error) {
      thrown = error;
    }
    const ms = Math.round(performance.now() - sent);
    if (report.slowest.length < 3 || ms > report.slowest.at(-1)!.ms) {
      report.slowest.push({
        ms,
        path: String(current),
        summary: truncate(surface.describe(testCase), 200),
      });
      report.slowest.sort((a, b) => b.ms - a.ms);
      report.slowest.length = Math.min(report.slowest.length, 3);
    }
    const health = await product.health();
    // A rejection may be reported a moment after the answer; the health round trip gives it time.
    const newUnhandled = product.unhandledRejections() - unhandledBefore;
    const newErrorLog = product.errorLogLines() - errorLogBefore;

    if (observation) {
      const serverErrors = observation.statuses.filter((status) => status >= 500);
      if (serverErrors.length > 0) {
        report.http5xx += 1;
        record(
          '5xx',
          current,
          testCase,
          `statuses ${observation.statuses.join(',')}: ${observation.outcome}`,
        );
      }
      if (observation.internalErrors > 0) {
        report.internalErrors += 1;
        record('internal-error', current, testCase, observation.outcome);
      }
      if (observation.timedOut) {
        report.timeouts += 1;
        record('timeout', current, testCase, observation.outcome);
      }
    }
    if (newUnhandled > 0) {
      report.unhandledRejections += newUnhandled;
      record(
        'unhandled-rejection',
        current,
        testCase,
        product.unhandledLines().slice(-newUnhandled).join('\n'),
      );
    }

    if (newErrorLog > 0) {
      report.errorLogLines += newErrorLog;
      record(
        'error-log',
        current,
        testCase,
        product.errorLogSamples().slice(-Math.min(newErrorLog, 3)).join('\n'),
      );
    }

    // A product that stopped answering may be on its way out (a process guard stores pending
    // work before it exits): give it that time before calling it unresponsive.
    const dead =
      !health.alive || (!(health.api && health.collab) && (await product.waitForExit(20_000)));
    if (dead) {
      report.crashes += 1;
      const tail = product.output().slice(-3_000);
      record(
        'crash',
        current,
        testCase,
        `the product exited (${product.exitDescription()}); last output:\n${tail}`,
      );
      await restartOrStop();
      return true;
    }
    if (!health.api || !health.collab) {
      // A blocked event loop answers late, not never: wait for it before restarting.
      const again = await product.health(20_000);
      if (!again.alive || !again.api || !again.collab) {
        report.unresponsive += 1;
        record(
          'unresponsive',
          current,
          testCase,
          `healthz api=${again.api} collab=${again.collab} alive=${again.alive}`,
        );
        await restartOrStop();
        return true;
      }
    }
    if (thrown !== undefined && observation === undefined) {
      // The harness itself failed on this case (e.g. a ticket could not be fetched): a bug to see.
      options.log(
        `harness error on ${surface.name} case ${current}: ${thrown instanceof Error ? thrown.stack : String(thrown)}`,
      );
    }
    options.onCase?.(surface.name, current);
    return true;
  });

  const restartOrStop = async () => {
    if (report.crashes + report.unresponsive >= options.maxCrashesPerSurface) {
      report.stoppedEarly = true;
      options.log(
        `${surface.name}: stopping after ${report.crashes + report.unresponsive} crashes`,
      );
    }
    await product.restart();
  };

  await fc.check(property, {
    seed: options.seed,
    numRuns: options.path === undefined ? options.casesPerSurface : 1,
    ...(options.path === undefined ? {} : { path: options.path.split(':')[0] }),
    endOnFailure: true,
  });
  report.durationMs = performance.now() - started;
  return report;
}
