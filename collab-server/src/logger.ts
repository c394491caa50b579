/** Structured log sink; the standalone server writes JSON lines, tests pass a silent one. */
export interface CollabLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Milliseconds since the epoch; injectable so tests can move time. */
export interface CollabClock {
  now(): number;
}

/** A logger that writes one JSON line per entry to stdout/stderr. */
export function createJsonLogger(): CollabLogger {
  const write =
    (level: string, stream: NodeJS.WriteStream) =>
    (message: string, fields?: Record<string, unknown>) => {
      stream.write(
        `${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`,
      );
    };
  return {
    info: write('info', process.stdout),
    warn: write('warn', process.stderr),
    error: write('error', process.stderr),
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: CollabLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
