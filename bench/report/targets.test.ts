import { describe, expect, it } from 'vitest';
import { compare, judgeTargets, ratios, targetLine, trustCostPercent } from './targets.js';
import type { PartId, Row } from '../measure/measurement.js';
import type { SystemId } from '../processes/topology.js';
import type { ColdFloor } from '../measure/coldFloor.js';

function row(part: PartId, scenario: Row['scenario'], phase: Row['phase'], system: SystemId, rps: number): Row {
  return {
    part, scenario, phase, system, label: system, rps, requests: Math.round(rps * 5), sent: Math.round(rps * 5), durationS: 5, p50Ms: 1, p99Ms: 2,
    errorResponses: 0, errorCodes: {}, registryCalls: 0, callsPerOp: 0, rateLimited: 0, settled: true, primed: true,
    memoryMiB: { gateway: null, subgraphs: null, registries: null },
  };
}

const find = (targets: ReturnType<typeof judgeTargets>, text: string) => targets.find((t) => t.name.includes(text));

describe('benchmark targets', () => {
  it('compares like with like only: no ratio between a cached and an uncached configuration', () => {
    const rows = [row('published', 'single', 'warm', 'rantau', 1000), row('published', 'single', 'warm', 'hive', 400), row('published', 'single', 'warm', 'hive-nocache', 50), row('published', 'single', 'warm', 'rantau-nocache', 100)];
    const pairs = ratios(rows).map((r) => `${r.system}/${r.versus}`);
    expect(pairs).toEqual(['rantau/hive', 'rantau-nocache/hive-nocache']);
    expect(ratios(rows)[0].ratio.value).toBeCloseTo(2.5);
  });

  it('holds "Rantau ≥ 2× Hive Gateway with response cache" against the stronger Hive configuration', () => {
    const rows = [row('published', 'single', 'warm', 'rantau', 1000), row('published', 'single', 'warm', 'hive', 400), row('published', 'single', 'warm', 'hive-rust', 600)];
    const target = find(judgeTargets({ rows, floor: null, probe: null }), 'warm single worker')!;
    expect(target.pass).toBe(false);
    expect(target.name).toContain('Rust planner');
    expect(target.detail).toMatch(/^1\.67×/);
  });

  it('says NOT MEASURED rather than FAIL when a scenario was left out', () => {
    const target = find(judgeTargets({ rows: [], floor: null, probe: null }), 'mixed workload')!;
    expect(target.pass).toBeNull();
    expect(targetLine(target)).toMatch(/^NOT MEASURED/);
  });

  it('judges the uncached comparison against Hive Gateway with the Rust planner, and the static ceiling', () => {
    const rows = [
      row('overhead', 'hundred', 'warm', 'rantau-nocache', 30), row('overhead', 'hundred', 'warm', 'hive-rust-nocache', 20),
      row('published', 'single', 'warm', 'rantau', 30_000), row('published', 'single', 'warm', 'ceiling', 70_000),
    ];
    const targets = judgeTargets({ rows, floor: null, probe: null });
    expect(find(targets, '100 workers in one query')!.pass).toBe(true);
    const ceiling = find(targets, 'static ceiling')!;
    expect(ceiling.pass).toBe(false);
    expect(ceiling.detail).toMatch(/^0\.43×/);
  });

  it('judges the cold floor at p50 within 1.1×', () => {
    const floor = { latency: { p50Ms: 330, p99Ms: 900 }, floor: { p50Ms: 300, p99Ms: 450 }, ratio: { p50: 1.1, p99: 2 } } as ColdFloor;
    expect(find(judgeTargets({ rows: [], floor, probe: null }), 'cold floor')!.pass).toBe(true);
    expect(find(judgeTargets({ rows: [], floor: { ...floor, ratio: { p50: 1.2, p99: 2 } }, probe: null }), 'cold floor')!.pass).toBe(false);
  });

  it('reports the cost of trust as the share of throughput lost with trust on', () => {
    expect(trustCostPercent(row('published', 'single', 'warm', 'rantau', 850), row('published', 'single', 'warm', 'rantau-trust-off', 1000))).toBeCloseTo(15);
    const rows = [
      row('published', 'single', 'warm', 'rantau', 900), row('published', 'single', 'warm', 'rantau-trust-off', 1000),
      row('published', 'single', 'warm', 'rantau-nocache', 50), row('published', 'single', 'warm', 'rantau-nocache-trust-off', 100),
    ];
    const [cached, uncached] = judgeTargets({ rows, floor: null, probe: null }).filter((t) => t.name.startsWith('cost of trust'));
    expect([cached.pass, uncached.pass]).toEqual([true, false]);
    expect(uncached.detail).toMatch(/^50\.0%/);
  });

  it('gives a lower bound when the other system answered nothing in its window', () => {
    const none = { ...row('published', 'single', 'cold', 'hive', 0), requests: 0 };
    expect(compare(row('published', 'single', 'cold', 'rantau', 2), none)).toEqual({ value: 10, atLeast: true });
  });
});
