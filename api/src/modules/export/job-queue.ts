/**
 * Runs background tasks of this process a few at a time, in arrival order (the export jobs).
 * Knows nothing of what it runs, so the request scope can hold one without an import cycle.
 */
export interface JobQueue {
  enqueue(task: () => Promise<void>): void;
  /** Resolves when nothing is running or waiting (tests, shutdown). */
  idle(): Promise<void>;
}

/** Creates a queue that runs at most `concurrency` tasks at once. A task's failure is its own. */
export function createJobQueue(concurrency: number): JobQueue {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  let idleWaiters: (() => void)[] = [];
  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const task = waiting.shift() as () => Promise<void>;
      running += 1;
      void task()
        .catch(() => undefined)
        .finally(() => {
          running -= 1;
          pump();
          if (running === 0 && waiting.length === 0) {
            for (const done of idleWaiters) done();
            idleWaiters = [];
          }
        });
    }
  };
  return {
    enqueue(task) {
      waiting.push(task);
      pump();
    },
    idle() {
      if (running === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
