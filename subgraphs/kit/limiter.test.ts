import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter.js';

describe('Limiter', () => {
  it('never runs more than maxConcurrency tasks at once', async () => {
    const limiter = new Limiter({ maxConcurrency: 2, ratePerSecond: 1000 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('starts no more than ratePerSecond tasks in the first second', async () => {
    const limiter = new Limiter({ maxConcurrency: 100, ratePerSecond: 5 });
    const started: number[] = [];
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 7 }, () => limiter.run(async () => void started.push(Date.now() - t0))));
    expect(started.filter((t) => t < 150)).toHaveLength(5);
    expect(started.length).toBe(7);
  });

  it('shares the rate between callers: one caller\'s burst does not delay another caller\'s call behind it', async () => {
    const limiter = new Limiter({ maxConcurrency: 1, ratePerSecond: 20 });
    const order: string[] = [];
    const burst = Array.from({ length: 20 }, (_, i) => limiter.run(async () => void order.push(`burst${i}`), 'burst'));
    const other = limiter.run(async () => void order.push('other'), 'other');
    await Promise.all([...burst, other]);
    // Queued after all twenty, yet served in the second turn: its own share, not the burst's queue.
    expect(order.indexOf('other')).toBe(1);
  });

  it('refuses nonsense options loudly', () => {
    expect(() => new Limiter({ maxConcurrency: 0, ratePerSecond: 1 })).toThrow(/maxConcurrency ≥ 1/);
  });
});
