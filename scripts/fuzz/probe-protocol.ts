/** What the harness and the probe preloaded into the product (`probe.ts`) say to each other. */

/** Printed on stderr, followed by the reason, for every unhandled rejection in the product. */
export const UNHANDLED_MARKER = 'LIP_FUZZ_UNHANDLED_REJECTION';

/** What the harness asks over IPC. */
export interface ProbeRequest {
  id: number;
  type: 'memory';
  /** Also write a heap snapshot to this file (for finding what a run left behind). */
  snapshotPath?: string;
}

/** The answer to a memory request, in bytes. */
export interface ProbeReply {
  id: number;
  type: 'memory';
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}
