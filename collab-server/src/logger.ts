import type { BaseLogger } from 'pino';

/** Structured log sink; the standalone server logs through pino, tests pass a silent one. */
export interface CollabLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Milliseconds since the epoch; injectable so tests can move time. */
export interface CollabClock {
  now(): number;
}

/** An opaque timer handle (a Node `Timeout`, or a fake clock's number). */
export type TimerHandle = { readonly __timer?: never } | number | NodeJS.Timeout;

/** Timers, injectable so the queue and the registry run on a fake clock in unit tests. */
export interface CollabTimers {
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

/** A clock with timers: what the write-behind queue, documents and the registry run on. */
export type CollabScheduler = CollabClock & CollabTimers;

/** The process clock and Node's timers. */
export const systemScheduler: CollabScheduler = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout | undefined),
};

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: CollabLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Adapts a pino logger (fields first, message second) to {@link CollabLogger}; a
 * `CollabLogger` is returned as it is, so embedders may pass either.
 */
export function toCollabLogger(logger: CollabLogger | BaseLogger | undefined): CollabLogger {
  if (!logger) return silentLogger;
  if (!isPino(logger)) return logger;
  return {
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}

function isPino(logger: CollabLogger | BaseLogger): logger is BaseLogger {
  return 'level' in logger && typeof (logger as BaseLogger).fatal === 'function';
}
