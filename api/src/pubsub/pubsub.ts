/**
 * Publish/subscribe for live updates. The in-process implementation below serves one API
 * process; a Redis-backed one can implement the same interface for several.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): void;
  /** An async iterator of the payloads published on `topic` from now on; `return()` unsubscribes. */
  subscribe<T>(topic: string): AsyncIterableIterator<T>;
  /** Number of live subscriptions (for tests and metrics). */
  subscriberCount(): number;
}

/** Topic names, decided once. */
export const Topics = {
  taskChanged: (processId: string) => `task:${processId}`,
  commentChanged: (documentId: string) => `comment:${documentId}`,
  notificationAdded: (personId: string) => `notification:${personId}`,
  reviewChanged: (processId: string) => `review:${processId}`,
} as const;

/** Creates an in-memory pub/sub; each subscriber buffers at most `maxQueue` undelivered events. */
export function createInProcessPubSub(options: { maxQueue?: number } = {}): PubSub {
  const maxQueue = options.maxQueue ?? 1000;
  const topics = new Map<string, Set<(payload: unknown) => void>>();
  let count = 0;

  return {
    publish(topic, payload) {
      for (const deliver of topics.get(topic) ?? []) deliver(payload);
    },
    subscriberCount: () => count,
    subscribe<T>(topic: string): AsyncIterableIterator<T> {
      const queue: T[] = [];
      let waiting: ((result: IteratorResult<T>) => void) | null = null;
      let done = false;
      const deliver = (payload: unknown) => {
        if (waiting) {
          const resolve = waiting;
          waiting = null;
          resolve({ value: payload as T, done: false });
        } else if (queue.length < maxQueue) {
          queue.push(payload as T);
        }
      };
      let set = topics.get(topic);
      if (!set) {
        set = new Set();
        topics.set(topic, set);
      }
      set.add(deliver);
      count += 1;
      const close = () => {
        if (done) return;
        done = true;
        count -= 1;
        const subscribers = topics.get(topic);
        subscribers?.delete(deliver);
        if (subscribers?.size === 0) topics.delete(topic);
        waiting?.({ value: undefined, done: true });
        waiting = null;
      };
      const iterator: AsyncIterableIterator<T> = {
        next() {
          if (queue.length > 0) return Promise.resolve({ value: queue.shift() as T, done: false });
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => {
            waiting = resolve;
          });
        },
        return() {
          close();
          return Promise.resolve({ value: undefined, done: true });
        },
        throw(error?: unknown) {
          close();
          return Promise.reject(error);
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}
