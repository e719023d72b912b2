import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows up to the limit per key in a window, then refuses until the window ends', () => {
    const limiter = new RateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take('a', t0))).toEqual([true, true, true]);
    expect(limiter.take('a', t0 + 1)).toBe(false);
    expect(limiter.take('b', t0 + 1)).toBe(true); // other keys are not affected
    expect(limiter.take('a', t0 + 60_000)).toBe(true); // a new window
  });
});
