import { describe, expect, it } from 'vitest';
import { memoryTrend, type SoakSample } from './soakReport.js';

function samples(rss: (minute: number) => number): SoakSample[] {
  return Array.from({ length: 30 }, (_, i) => ({ minute: i + 1, requests: 100, rps: 10, p50Ms: 5, p99Ms: 20, errors: 0, errorCodes: {}, registryCalls: 0, rateLimited: 0, loadAverage: 1, rssMiB: { gateway: rss(i + 1), subgraphs: null, registries: 200 } }));
}

describe('soak memory trend', () => {
  it('calls memory flat when it settles after warming up, whatever the first half did', () => {
    const trend = memoryTrend(samples((m) => (m < 10 ? 150 + m * 8 : 230 + (m % 2))), 'gateway');
    expect(trend.flat).toBe(true);
    expect(Math.abs(trend.slopeMiBPerHour!)).toBeLessThan(10);
  });

  it('calls a steady climb in the second half a leak, with its slope per hour', () => {
    const trend = memoryTrend(samples((m) => 200 + m * 2), 'gateway');
    expect(trend.flat).toBe(false);
    expect(trend.slopeMiBPerHour).toBeCloseTo(120, 0);
  });

  it('says "unknown" rather than "flat" for a process it could not read', () => {
    expect(memoryTrend(samples(() => 1), 'subgraphs')).toMatchObject({ flat: null, slopeMiBPerHour: null });
  });
});
