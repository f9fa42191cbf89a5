import type { Row } from '../measure/measurement.js';
import type { BatchProbe } from '../measure/batchProbe.js';
import type { PhaseKind, Scenario } from '../scenarios.js';

/**
 * The targets, judged from one run. They are reported as PASS/FAIL lines, never asserted:
 * a benchmark on a shared machine informs, it does not gate.
 */
/** `a ÷ b`; `atLeast` when b answered nothing in its window (so b's rate is below 1 / window). */
export interface Comparison {
  value: number | null;
  atLeast: boolean;
}

export interface Ratio {
  scenario: Scenario['id'];
  phase: PhaseKind;
  cachedRps: number | null;
  naiveRps: number | null;
  hiveRps: number | null;
  /** Rantau cached ÷ Rantau naive throughput. */
  cachedOverNaive: Comparison;
  /** Rantau gateway ÷ Hive Gateway throughput, both over the cached subgraphs. */
  rantauOverHive: Comparison;
}

export interface Target {
  name: string;
  pass: boolean;
  detail: string;
}

function compare(a: Row | undefined, b: Row | undefined): Comparison {
  if (!a || !b) return { value: null, atLeast: false };
  if (b.requests > 0) return { value: a.rps / b.rps, atLeast: false };
  // Not one answer within b's window: b's rate is below 1 / window, a lower bound for the ratio.
  if (a.requests > 0) return { value: a.rps * b.durationS, atLeast: true };
  return { value: null, atLeast: false };
}

export function times(comparison: Comparison): string {
  return comparison.value === null ? 'n/a' : `${comparison.atLeast ? '≥ ' : ''}${comparison.value.toFixed(2)}×`;
}

export function ratios(rows: Row[]): Ratio[] {
  const out: Ratio[] = [];
  const find = (row: Row, system: string) => rows.find((r) => r.scenario === row.scenario && r.phase === row.phase && r.system === system);
  for (const row of rows) {
    if (row.system !== 'rantau') continue;
    const naive = find(row, 'naive');
    const hive = find(row, 'hive');
    out.push({
      scenario: row.scenario,
      phase: row.phase,
      cachedRps: row.rps,
      naiveRps: naive?.rps ?? null,
      hiveRps: hive?.rps ?? null,
      cachedOverNaive: compare(row, naive),
      rantauOverHive: compare(row, hive),
    });
  }
  return out;
}

export function judgeTargets(all: Ratio[], probe: BatchProbe | null): Target[] {
  const targets: Target[] = [];
  const warmSingle = all.find((r) => r.scenario === 'single' && r.phase === 'warm');
  targets.push({
    name: 'warm single-worker throughput ≥ 10× naive',
    pass: (warmSingle?.cachedOverNaive.value ?? 0) >= 10,
    detail: `${warmSingle ? times(warmSingle.cachedOverNaive) : 'n/a'} (${warmSingle?.cachedRps?.toFixed(1) ?? 'n/a'} vs ${warmSingle?.naiveRps?.toFixed(1) ?? 'n/a'} req/s)`,
  });
  if (probe) {
    const over = probe.cold.registries.filter((r) => r.batchCalls > r.bound);
    targets.push({
      name: `${probe.workers}-worker query, cold: ≤ ⌈${probe.workers}/limit⌉ batch calls per batch-capable registry`,
      pass: over.length === 0,
      detail:
        (over.length === 0 ? `all ${probe.cold.registries.length} batch-capable registries within bound` : over.map((r) => `${r.key} ${r.batchCalls} > ${r.bound}`).join(', ')) +
        // An answer that lost countries fetched fewer records, so it says less about batching.
        (probe.cold.errors > 0 ? ` (the answer had ${probe.cold.errors} errors: countries that timed out fetched no records)` : ''),
    });
    targets.push({
      name: `${probe.workers}-worker query, warm: 0 registry calls`,
      pass: probe.warm.totalCalls === 0,
      detail: `${probe.warm.totalCalls} calls${probe.warm.primed ? '' : ' (priming never got a complete answer)'}`,
    });
  }
  for (const r of all) {
    targets.push({ name: `Rantau gateway ≥ 1.0× Hive Gateway: ${r.scenario} ${r.phase}`, pass: (r.rantauOverHive.value ?? 0) >= 1, detail: times(r.rantauOverHive) });
  }
  return targets;
}

export function targetLine(target: Target): string {
  return `${target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${target.detail}`;
}
