import type { CollabScheduler, TimerHandle } from '../logger';

interface FakeTimer {
  id: number;
  dueMs: number;
  callback: () => void;
}

/** Lets pending promise callbacks (a fake store's answers included) run to completion. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A deterministic clock with timers for unit tests: time moves only in `advance`, which fires
 * due timers in order of their due time (then creation) and lets promises settle between them.
 */
export function createFakeClock(startMs = 1_000_000) {
  let nowMs = startMs;
  let nextId = 1;
  const timers = new Map<number, FakeTimer>();

  const clock: CollabScheduler & {
    advance(ms: number): Promise<void>;
    pendingTimers(): number;
  } = {
    now: () => nowMs,
    setTimeout(callback: () => void, delayMs: number): TimerHandle {
      const id = nextId;
      nextId += 1;
      timers.set(id, { id, dueMs: nowMs + Math.max(0, delayMs), callback });
      return id;
    },
    clearTimeout(handle: TimerHandle | undefined): void {
      if (typeof handle === 'number') timers.delete(handle);
    },
    async advance(ms: number): Promise<void> {
      const target = nowMs + ms;
      for (;;) {
        await settle();
        let next: FakeTimer | undefined;
        for (const timer of timers.values()) {
          if (timer.dueMs > target) continue;
          if (
            !next ||
            timer.dueMs < next.dueMs ||
            (timer.dueMs === next.dueMs && timer.id < next.id)
          )
            next = timer;
        }
        if (!next) break;
        timers.delete(next.id);
        nowMs = next.dueMs;
        next.callback();
      }
      nowMs = target;
      await settle();
    },
    pendingTimers: () => timers.size,
  };
  return clock;
}

/** A fake clock from {@link createFakeClock}. */
export type FakeClock = ReturnType<typeof createFakeClock>;
