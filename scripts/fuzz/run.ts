import { join } from 'node:path';
import { buildFuzzContext } from './context';
import { startFuzzProduct, type FuzzProduct, type MemorySample } from './product';
import {
  runSurface,
  type Anomaly,
  type FuzzReport,
  type RunOptions,
  type Surface,
  type SurfaceName,
} from './runner';
import { collabUpgradeSurface } from './surfaces/collab-upgrade';
import { graphqlSurface } from './surfaces/graphql';
import { graphqlWsSurface } from './surfaces/graphql-ws';
import { httpSurface } from './surfaces/http';
import { yWebsocketSurface } from './surfaces/y-websocket';

/** Every surface, in the order a run visits them. */
export const SURFACES: Record<SurfaceName, Surface<never>> = {
  http: httpSurface as Surface<never>,
  graphql: graphqlSurface as Surface<never>,
  'graphql-ws': graphqlWsSurface as Surface<never>,
  'collab-upgrade': collabUpgradeSurface as Surface<never>,
  'y-websocket': yWebsocketSurface as Surface<never>,
};

/** Options of {@link runFuzz}. */
export interface FuzzOptions extends Omit<RunOptions, 'log'> {
  surfaces: SurfaceName[];
  log?: (line: string) => void;
  /** Write heap snapshots before and after into this folder. */
  snapshotDir?: string;
  /**
   * Cases per surface sent before memory is first measured (default none), with another seed
   * (`seed + 1`): they make the product compile the code paths hostile input reaches, parse the
   * source maps of the modules in error stacks and fill its bounded caches, so "before" and
   * "after" compare a warm product with itself. Their findings count like any other.
   */
  warmUpCasesPerSurface?: number;
  /**
   * Measure a fresh process on the data the run left (default true; costs a restart, about
   * half a minute).
   */
  compareWithFreshProcess?: boolean;
}

/** Heap samples (a second apart, each after a full collection) taken at most to let it settle. */
const SETTLE_SAMPLES = 6;
/** Two consecutive heap samples this close (a fraction) mean the heap has settled. */
const SETTLED_WITHIN = 0.005;

/**
 * The product's memory once it is idle (no connections, every collab document evicted and
 * stored) and its heap has settled, after a full collection.
 */
async function settledMemory(product: FuzzProduct, snapshotPath?: string): Promise<MemorySample> {
  // Idle first: the collab server evicts documents a moment after their last connection closed.
  const collabHttp = product.collabUrl.replace(/^ws/, 'http');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const health = (await (await fetch(`${collabHttp}/healthz`)).json()) as {
        connections: number;
        documents: number;
        pendingUpdates: number;
      };
      if (health.connections === 0 && health.documents === 0 && health.pendingUpdates === 0) break;
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Then settle: timers the cases started (rate-limit windows, ticket expiry, eviction delays)
  // and finalizers need a moment, so the heap is sampled after a full collection once a second
  // until two samples agree within SETTLED_WITHIN, at most SETTLE_SAMPLES times.
  let previous = await product.memory();
  for (let sample = 1; sample < SETTLE_SAMPLES; sample += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const current = await product.memory();
    const settled =
      Math.abs(current.heapUsed - previous.heapUsed) <= previous.heapUsed * SETTLED_WITHIN;
    previous = current;
    if (settled) break;
  }
  return snapshotPath ? product.memory(snapshotPath) : previous;
}

function heapMib(sample: MemorySample | null | undefined): string {
  return sample
    ? `${(sample.heapUsed / 1024 / 1024).toFixed(1)} MiB`
    : 'not comparable (restarted)';
}

/**
 * Starts the product, builds the context (sessions, record ids, schema, tickets), measures memory,
 * runs each surface and measures memory again once the product is idle. Always stops the product.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const product = await startFuzzProduct();
  try {
    const context = await buildFuzzContext(product);
    const snapshot = (name: string) =>
      options.snapshotDir
        ? join(options.snapshotDir, `${options.seed}-${name}.heapsnapshot`)
        : undefined;
    await context.warmUp();
    const anomalies: Anomaly[] = [];
    const warmUpCases = options.path === undefined ? (options.warmUpCasesPerSurface ?? 0) : 0;
    let coldBefore: MemorySample | null = null;
    const warmUp = [];
    if (warmUpCases > 0) {
      coldBefore = await settledMemory(product, snapshot('cold'));
      log(`memory before the warm-up: heap ${heapMib(coldBefore)}`);
      const warmUpSeed = options.seed + 1;
      for (const name of options.surfaces) {
        log(`warming up with ${name}: ${warmUpCases} cases, seed ${warmUpSeed}`);
        const warmOptions = { ...options, seed: warmUpSeed, casesPerSurface: warmUpCases, log };
        warmUp.push(await runSurface(SURFACES[name], context, warmOptions, anomalies));
      }
      await context.renewLostSessions();
    }
    const restartsBefore = product.restarts();
    const before = await settledMemory(product, snapshot('before'));
    // Printed now, so a run that stops early still says where memory started.
    log(`memory before: heap ${heapMib(before)}, RSS ${(before.rss / 1024 / 1024).toFixed(1)} MiB`);
    const afterSurface: FuzzReport['memory']['afterSurface'] = {};
    const surfaces = [];
    for (const name of options.surfaces) {
      log(
        `fuzzing ${name}: ${options.path === undefined ? `${options.casesPerSurface} cases` : `case ${options.path}`}, seed ${options.seed}`,
      );
      const report = await runSurface(SURFACES[name], context, { ...options, log }, anomalies);
      surfaces.push(report);
      if (product.alive()) {
        report.sessionsRenewed = await context.renewLostSessions();
        if (report.sessionsRenewed.length > 0) {
          log(
            `${name}: sessions ended by its cases, signed in again: ${report.sessionsRenewed.join(', ')}`,
          );
        }
      }
      afterSurface[name] =
        product.alive() && product.restarts() === restartsBefore
          ? await settledMemory(product, snapshot(`after-${name}`))
          : null;
      log(
        `${name}: ${report.cases} cases, ${report.crashes} crashes, ${report.http5xx} 5xx, ${report.unhandledRejections} unhandled rejections, ${report.internalErrors} internal errors, ${report.timeouts} timeouts, ${report.errorLogLines} error log lines in ${Math.round(report.durationMs / 1000)} s; heap ${heapMib(afterSurface[name])}`,
      );
    }
    const restarts = product.restarts() - restartsBefore;
    const after = product.alive() ? await settledMemory(product, snapshot('after')) : null;
    // Only the same process can be compared with its own start.
    const comparable = after !== null && restarts === 0;
    // The cases leave data behind (records with long texts, documents with content), and the
    // product keeps some of it in memory by design (the search index). A fresh process on the
    // same data shows what that data costs, so growth from data is told apart from a leak.
    let freshOnFinalData: MemorySample | null = null;
    if (comparable && options.compareWithFreshProcess !== false) {
      await product.restart();
      await context.warmUp();
      freshOnFinalData = await settledMemory(product);
    }
    return {
      seed: options.seed,
      startedAt,
      durationMs: performance.now() - started,
      casesPerSurface: options.casesPerSurface,
      warmUp,
      surfaces,
      anomalies,
      restarts,
      memory: {
        coldBefore,
        before,
        after,
        heapChangePercent: comparable
          ? ((after.heapUsed - before.heapUsed) / before.heapUsed) * 100
          : null,
        freshOnFinalData,
        heapOverFreshPercent:
          comparable && freshOnFinalData
            ? ((after.heapUsed - freshOnFinalData.heapUsed) / freshOnFinalData.heapUsed) * 100
            : null,
        afterSurface,
      },
    };
  } finally {
    await product.stop();
  }
}
