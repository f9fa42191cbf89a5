import { describe, expect, it } from 'vitest';
import { floorOf, percentile, summariseFloor } from './coldFloor.js';
import { differingPaths } from './answers.js';

describe('cold floor', () => {
  it('takes the slowest registry call that started while the request was open', () => {
    const timings = [
      { registry: 'IDN/bnsp', startMs: 990, endMs: 1100 }, // before the request: another's
      { registry: 'IDN/bnsp', startMs: 1010, endMs: 1090 },
      { registry: 'LAO/mlsw', startMs: 1020, endMs: 1320 },
      { registry: 'SGP/mom', startMs: 1400, endMs: 1900 }, // after it
    ];
    expect(floorOf(timings, 1000, 1350)).toEqual({ floorMs: 300, calls: 2 });
  });

  it('compares latency and floor at p50 and p99, leaving out failed requests', () => {
    const samples = [
      { latencyMs: 330, floorMs: 300, calls: 20, errors: 0 },
      { latencyMs: 440, floorMs: 400, calls: 20, errors: 0 },
      { latencyMs: 9000, floorMs: 100, calls: 20, errors: 1 },
    ];
    const floor = summariseFloor('rantau', 1200, samples);
    expect(floor.latency.p50Ms).toBe(330);
    expect(floor.ratio.p50).toBeCloseTo(1.1);
    expect(floor.ratio.p99).toBeCloseTo(1.1);
    expect(percentile([5, 1, 3], 50)).toBe(3);
  });
});

describe('answer comparison', () => {
  it('counts differing leaves, in any key order, lists in order', () => {
    const rantau = { worker: { id: 'W', permits: [{ id: 'a', status: 'VALID' }, { id: 'b', status: 'EXPIRED' }] } };
    expect(differingPaths(rantau, { worker: { permits: [{ status: 'VALID', id: 'a' }, { id: 'b', status: 'EXPIRED' }], id: 'W' } })).toEqual([]);
    expect(differingPaths(rantau, { worker: { id: 'W', permits: [{ id: 'a', status: 'VALID' }] } }).sort()).toEqual(['worker.permits[1].id', 'worker.permits[1].status']);
  });
});
