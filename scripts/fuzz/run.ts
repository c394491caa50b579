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
   * Measure a fresh process on the data the run left (default true; costs a restart, about
   * half a minute).
   */
  compareWithFreshProcess?: boolean;
}

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
  return product.memory(snapshotPath);
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
    const before = await settledMemory(product, snapshot('before'));
    // Printed now, so a run that stops early still says where memory started.
    log(`memory before: heap ${heapMib(before)}, RSS ${(before.rss / 1024 / 1024).toFixed(1)} MiB`);
    const afterSurface: FuzzReport['memory']['afterSurface'] = {};
    const anomalies: Anomaly[] = [];
    const surfaces = [];
    const restartsBefore = product.restarts();
    for (const name of options.surfaces) {
      log(
        `fuzzing ${name}: ${options.path === undefined ? `${options.casesPerSurface} cases` : `case ${options.path}`}, seed ${options.seed}`,
      );
      const report = await runSurface(SURFACES[name], context, { ...options, log }, anomalies);
      surfaces.push(report);
      afterSurface[name] =
        product.alive() && product.restarts() === restartsBefore
          ? await settledMemory(product)
          : null;
      log(
        `${name}: ${report.cases} cases, ${report.crashes} crashes, ${report.http5xx} 5xx, ${report.unhandledRejections} unhandled rejections, ${report.internalErrors} internal errors, ${report.timeouts} timeouts in ${Math.round(report.durationMs / 1000)} s; heap ${heapMib(afterSurface[name])}`,
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
      surfaces,
      anomalies,
      restarts,
      memory: {
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
