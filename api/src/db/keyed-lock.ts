/**
 * Runs tasks one at a time per key, in arrival order. Used to serialise read-modify-write of a
 * process's structure inside one API process: FerretDB 1.24 (SQLite) does not apply a filter
 * and its update atomically, so two concurrent compare-and-set writes could both "win". Built
 * per app (no module state); several API instances would additionally rely on the database.
 */
export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** Creates an empty {@link KeyedLock}. */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
