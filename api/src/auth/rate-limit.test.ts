import { createRateLimiter } from './rate-limit';

describe('rate limiter', () => {
  it('blocks a key after its limit until the window ends, and forgets it on reset', () => {
    let now = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.retryAfter('a')).toBe(0);
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.retryAfter('a')).toBe(60);
    expect(limiter.retryAfter('b')).toBe(0);
    now = 59_000;
    expect(limiter.hit('a')).toBe(1);
    now = 60_000;
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.hit('a');
    limiter.hit('a');
    limiter.reset('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('gives back a reserved hit on refund, so only failures use up the limit', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000, now: () => 0 });
    expect(limiter.hit('a')).toBe(0);
    limiter.refund('a');
    expect(limiter.hit('a')).toBe(0);
    expect(limiter.hit('a')).toBe(60);
    limiter.refund('unknown');
    expect(limiter.retryAfter('unknown')).toBe(0);
  });
});
