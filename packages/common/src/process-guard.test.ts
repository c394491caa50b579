import { EventEmitter } from 'node:events';
import { installProcessGuards, type GuardLogger } from './process-guard';

function recordingLogger() {
  const entries: { level: string; fields: object; message: string }[] = [];
  const logger: GuardLogger = {
    error: (fields, message) => entries.push({ level: 'error', fields, message }),
    fatal: (fields, message) => entries.push({ level: 'fatal', fields, message }),
  };
  return { logger, entries };
}

describe('process guards', () => {
  it('logs and counts unhandled rejections and keeps the process running', () => {
    const target = new EventEmitter();
    const { logger, entries } = recordingLogger();
    const exit = jest.fn();
    const shutdown = jest.fn(() => Promise.resolve());
    const guards = installProcessGuards({ logger, shutdown, target, exit });

    target.emit('unhandledRejection', new Error('first'));
    target.emit('unhandledRejection', 'second');

    expect(guards.unhandledRejections()).toBe(2);
    expect(entries.map((e) => e.level)).toEqual(['error', 'error']);
    expect(entries[1]?.fields).toEqual({ err: 'second', unhandledRejections: 2 });
    expect(exit).not.toHaveBeenCalled();
    expect(shutdown).not.toHaveBeenCalled();
    guards.uninstall();
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });

  it('logs an uncaught exception as fatal, stops gracefully once and exits with 1', async () => {
    const target = new EventEmitter();
    const { logger, entries } = recordingLogger();
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    const shutdown = jest.fn(() => Promise.resolve());
    installProcessGuards({ logger, shutdown, target, exit: (code) => exited(code) });

    target.emit('uncaughtException', new Error('boom'));
    target.emit('uncaughtException', new Error('while stopping'));

    expect(await exitCode).toBe(1);
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(entries.map((e) => e.level)).toEqual(['fatal', 'fatal']);
  });

  it('exits after the shutdown timeout when stopping hangs', async () => {
    const target = new EventEmitter();
    const { logger } = recordingLogger();
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    installProcessGuards({
      logger,
      shutdown: () => new Promise(() => undefined),
      shutdownTimeoutMs: 20,
      target,
      exit: (code) => exited(code),
    });
    target.emit('uncaughtException', new Error('boom'));
    expect(await exitCode).toBe(1);
  });
});
