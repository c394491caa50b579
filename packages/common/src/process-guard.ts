/** The two pino methods the guards use; structural, so this package needs no logger dependency. */
export interface GuardLogger {
  error(fields: object, message: string): void;
  fatal(fields: object, message: string): void;
}

/** The part of `process` the guards touch; tests pass an EventEmitter. */
export interface GuardedProcess {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
}

/** What {@link installProcessGuards} returns. */
export interface ProcessGuards {
  /** Unhandled promise rejections seen since start. */
  unhandledRejections(): number;
  uninstall(): void;
}

/**
 * The last line of defence of an entry point (`scripts/start.ts`, both `main.ts`). Every boundary
 * (HTTP handler, websocket upgrade and frame, timer) catches its own errors; what still escapes is
 * a bug.
 *
 * - An unhandled promise rejection is logged with its stack and counted, and the process keeps
 *   serving: Node 20 would otherwise exit, and a rejected promise leaves no half-run synchronous
 *   code behind.
 * - An uncaught exception is logged as fatal, then the process stops gracefully (the collab
 *   server stores pending updates; at most `shutdownTimeoutMs`) and exits with code 1 for the
 *   supervisor (systemd `Restart=always`) to restart it. Node documents that resuming after an
 *   uncaught exception is unsafe: the throw may have left any state half-updated.
 */
export function installProcessGuards(options: {
  logger: GuardLogger;
  shutdown: () => Promise<void>;
  shutdownTimeoutMs?: number;
  target?: GuardedProcess;
  exit?: (code: number) => void;
}): ProcessGuards {
  const target: GuardedProcess = options.target ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.shutdownTimeoutMs ?? 15_000;
  let rejections = 0;
  let failing = false;

  const onRejection = (reason: unknown) => {
    rejections += 1;
    options.logger.error(
      { err: reason, unhandledRejections: rejections },
      'unhandled promise rejection (a bug: the process keeps running)',
    );
  };
  const onException = (error: Error) => {
    options.logger.fatal({ err: error }, 'uncaught exception: stopping, expect a restart');
    if (failing) return;
    failing = true;
    const timer = setTimeout(() => exit(1), timeoutMs);
    timer.unref();
    options.shutdown().then(
      () => exit(1),
      () => exit(1),
    );
  };
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return {
    unhandledRejections: () => rejections,
    uninstall: () => {
      target.off('unhandledRejection', onRejection);
      target.off('uncaughtException', onException);
    },
  };
}
