import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

/**
 * Paths pino replaces with `[redacted]` wherever they appear in a log entry. Nothing logs
 * headers, cookies or GraphQL variables on purpose; this is the net under that rule, so a
 * later `logger.info({ req })` or `{ input }` cannot leak a session, ticket or password.
 */
export const REDACTED_LOG_PATHS = [
  'cookie',
  'authorization',
  'password',
  'token',
  'ticket',
  'secret',
  'headers.cookie',
  'headers.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
  'variables',
  '*.cookie',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.ticket',
  '*.secret',
  '*.collabSecret',
  '*.sessionSecret',
  '*.variables',
];

/**
 * A JSON-lines pino logger with ISO times and the redaction above. `sink` receives each line
 * (tests collect or drop them); without one, lines go to stdout.
 */
export function createLogger(options: {
  level: LogLevel;
  sink?: ((line: string) => void) | undefined;
  base?: Record<string, unknown>;
}): Logger {
  // Synchronous stdout: lines keep their order with the start banner, and the fatal line of an
  // uncaught exception is written before the process exits.
  const destination: DestinationStream = options.sink
    ? { write: (line: string) => options.sink?.(line.replace(/\n$/, '')) }
    : pino.destination({ dest: 1, sync: true });
  const settings = {
    level: options.level,
    base: options.base ?? { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
  };
  return pino(settings, destination);
}
