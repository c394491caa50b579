/**
 * Preloaded into the product under fuzzing (`node --import tsx --import <this file>`); not part of
 * the product. It answers memory questions over the IPC channel (after two full collections,
 * with `gc` obtained at run time instead of `--expose-gc`, so the product's flags stay as
 * deployed) and marks every unhandled rejection on stderr with {@link UNHANDLED_MARKER}. When the
 * product has no handler of its own, the rejection is rethrown, so Node's default (the process
 * ends) still happens and is seen as a crash.
 */
import { inspect } from 'node:util';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { UNHANDLED_MARKER, type ProbeReply, type ProbeRequest } from './probe-protocol';

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

function onUnhandledRejection(reason: unknown): void {
  process.stderr.write(
    `${UNHANDLED_MARKER} ${inspect(reason, { depth: 3, breakLength: Infinity })}\n`,
  );
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
}

process.on('unhandledRejection', onUnhandledRejection);

if (process.send) {
  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'memory') return;
    collectGarbage();
    // Measured before the snapshot, which allocates while it is written.
    const usage = process.memoryUsage();
    if (message.snapshotPath) writeHeapSnapshot(message.snapshotPath);
    const reply: ProbeReply = {
      id: message.id,
      type: 'memory',
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      heapTotal: usage.heapTotal,
      external: usage.external,
    };
    process.send?.(reply);
  });
  // The channel must not keep the product alive on its own.
  process.channel?.unref();
}
