import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './registryClient.js';

describe('Retry-After', () => {
  it('reads whole and fractional seconds as written (a fraction is never a zero wait)', () => {
    expect(parseRetryAfter('2')).toBe(2);
    expect(parseRetryAfter(' 0.5 ')).toBe(0.5);
  });

  it('reads an HTTP date as the seconds until then', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:03 GMT', now)).toBe(3);
    expect(parseRetryAfter('Tue, 01 Dec 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('a live call that would wait too long for its turn', () => {
  it('fails at once as REGISTRY_RATE_LIMITED with when to retry, while the calls within the bound are answered', async () => {
    const { startTestSimulator } = await import('../../sandbox/testing/registryTesting.js');
    const { nvqfSimulator } = await import('../lao/sandbox/nvqf.simulator.js');
    const { RegistryClient } = await import('./registryClient.js');
    const nvqf = await startTestSimulator(nvqfSimulator);
    try {
      // NVQF's published pace, 3 calls a second; a live call may wait at most 700 ms for its turn.
      const client = new RegistryClient({ country: 'LAO', registry: 'nvqf', baseUrl: nvqf.url, timeoutMs: 5000, maxConcurrency: 8, ratePerSecond: 3, maxQueueWaitMs: 700 });
      const started = Date.now();
      const outcomes = await Promise.all(Array.from({ length: 15 }, (_, i) => client.request(`/nvqf/cert/LA-NVQF-2023-${String(900_000 + i)}`).then(() => 'answered', (error: { extensions?: Record<string, unknown> }) => error.extensions)));
      const answered = outcomes.filter((o) => o === 'answered').length;
      const limited = outcomes.filter((o): o is Record<string, unknown> => typeof o === 'object' && o?.code === 'REGISTRY_RATE_LIMITED');
      // Three in hand, and the two more that 700 ms of pace allow.
      expect(answered).toBeGreaterThanOrEqual(3);
      expect(answered).toBeLessThanOrEqual(6);
      expect(limited.length).toBe(15 - answered);
      for (const error of limited) expect(error).toMatchObject({ country: 'LAO', registry: 'nvqf', reason: 'queue', retryAfterSeconds: expect.any(Number) });
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await nvqf.close();
    }
  });
});
