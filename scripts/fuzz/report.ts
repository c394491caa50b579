import type { FuzzReport } from './runner';

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The report as Markdown: the table for docs/security.md, then findings with replay commands. */
export function formatReport(report: FuzzReport): string {
  const total = report.surfaces.reduce(
    (sum, s) => ({
      cases: sum.cases + s.cases,
      crashes: sum.crashes + s.crashes,
      http5xx: sum.http5xx + s.http5xx,
      unhandled: sum.unhandled + s.unhandledRejections,
      unresponsive: sum.unresponsive + s.unresponsive,
      internal: sum.internal + s.internalErrors,
      timeouts: sum.timeouts + s.timeouts,
      errorLog: sum.errorLog + s.errorLogLines,
    }),
    {
      cases: 0,
      crashes: 0,
      http5xx: 0,
      unhandled: 0,
      unresponsive: 0,
      internal: 0,
      timeouts: 0,
      errorLog: 0,
    },
  );
  const lines = [
    `Fuzz run of ${report.startedAt.slice(0, 10)}, seed ${report.seed}, ${Math.round(report.durationMs / 1000)} s, ${report.restarts} restarts after crashes.`,
    '',
    '| surface | cases | crashes | 5xx | unhandled rejections | unresponsive | internal errors | timeouts | error log lines | time | heap after |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.surfaces.map((s) => {
      const heap = report.memory.afterSurface[s.surface];
      return `| ${s.surface}${s.stoppedEarly ? ' (stopped early)' : ''} | ${s.cases} | ${s.crashes} | ${s.http5xx} | ${s.unhandledRejections} | ${s.unresponsive} | ${s.internalErrors} | ${s.timeouts} | ${s.errorLogLines} | ${Math.round(s.durationMs / 1000)} s | ${heap ? mib(heap.heapUsed) : '-'} |`;
    }),
    `| **all** | ${total.cases} | ${total.crashes} | ${total.http5xx} | ${total.unhandled} | ${total.unresponsive} | ${total.internal} | ${total.timeouts} | ${total.errorLog} | ${Math.round(report.durationMs / 1000)} s | |`,
    '',
  ];
  const {
    coldBefore,
    before,
    after,
    heapChangePercent,
    freshOnFinalData: fresh,
    heapOverFreshPercent,
  } = report.memory;
  lines.push(
    after && heapChangePercent !== null
      ? `Memory of the product (after a full collection, product idle and settled): heap ${mib(before.heapUsed)} before, ${mib(after.heapUsed)} after (${signed(heapChangePercent)}); RSS ${mib(before.rss)} before, ${mib(after.rss)} after.${
          coldBefore
            ? ` Before the warm-up (${report.warmUp[0]?.cases ?? 0} cases per surface, seed ${report.seed + 1}): heap ${mib(coldBefore.heapUsed)}; the heap after the run is ${signed(((after.heapUsed - coldBefore.heapUsed) / coldBefore.heapUsed) * 100)} over it.`
            : ''
        }${
          fresh && heapOverFreshPercent !== null
            ? ` A fresh process on the data the run left: heap ${mib(fresh.heapUsed)}, RSS ${mib(fresh.rss)}; the heap after the run is ${signed(heapOverFreshPercent)} over it.`
            : ''
        }`
      : `Memory of the product: heap ${mib(before.heapUsed)} before${after ? `, ${mib(after.heapUsed)} after in a restarted process` : ''}; no comparable "after" (the product was restarted after a crash).`,
    '',
  );
  const renewed = report.surfaces.filter((surface) => surface.sessionsRenewed.length > 0);
  if (renewed.length > 0) {
    lines.push(
      `Sessions the cases ended (the fuzzer signed in again): ${renewed.map((s) => `${s.surface}: ${s.sessionsRenewed.join(', ')}`).join('; ')}.`,
      '',
    );
  }
  for (const surface of report.surfaces) {
    const labels = Object.entries(surface.labels)
      .sort((a, b) => b[1] - a[1])
      .map(([label, count]) => `${label} ${count}`)
      .join(', ');
    lines.push(`- ${surface.surface}: ${labels}`);
  }
  lines.push('', 'Slowest cases per surface:', '');
  for (const surface of report.surfaces) {
    for (const slow of surface.slowest) {
      lines.push(`- ${surface.surface} path ${slow.path}: ${slow.ms} ms, ${slow.summary}`);
    }
  }
  if (report.anomalies.length > 0) {
    lines.push('', `Findings (first ${report.anomalies.length} kept):`, '');
    for (const anomaly of report.anomalies) {
      lines.push(
        `- **${anomaly.kind}** on ${anomaly.surface}: ${anomaly.summary}`,
        `  - ${anomaly.detail.replace(/\n/g, '\n    ')}`,
        `  - replay: \`${anomaly.replay}\``,
      );
    }
  }
  return lines.join('\n');
}

function signed(percent: number): string {
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %`;
}

/** Goal figures: no crash, no 5xx, no unhandled rejection, no unresponsive product. */
export function goalFailures(report: FuzzReport): string[] {
  return report.anomalies
    .filter(
      (anomaly) =>
        anomaly.kind === 'crash' ||
        anomaly.kind === '5xx' ||
        anomaly.kind === 'unhandled-rejection' ||
        anomaly.kind === 'unresponsive',
    )
    .map(
      (anomaly) =>
        `${anomaly.kind} on ${anomaly.surface}: ${anomaly.summary}\n  ${anomaly.detail}\n  replay: ${anomaly.replay}`,
    );
}
