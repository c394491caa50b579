/**
 * Passes on only the events for which `keep` resolves true, so a subscriber never receives what
 * the policy hides from them. Closing the result closes the source.
 */
export function filterAsync<T>(
  source: AsyncIterableIterator<T>,
  keep: (value: T) => Promise<boolean>,
): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        const result = await source.next();
        if (result.done) return result;
        if (await keep(result.value)) return result;
      }
    },
    return() {
      return source.return ? source.return() : Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      return source.throw ? source.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
