import type { PartId, Row } from '../measure/measurement.js';
import type { BatchProbe } from '../measure/batchProbe.js';
import type { ColdFloor } from '../measure/coldFloor.js';
import type { PhaseKind, Scenario } from '../scenarios.js';
import { SYSTEMS, type SystemId } from '../processes/systems.js';

/**
 * The issues' targets (#15, #10), judged from one run. They are reported as PASS/FAIL lines, never
 * asserted: a benchmark on a shared machine informs, it does not gate. Every comparison is between
 * like configurations only: response cache on both sides, off on both sides, trust on against
 * trust off of the same build, or Rantau against the static server answering its bytes.
 */
/** `a ÷ b`; `atLeast` when b answered nothing in its window (so b's rate is below 1 / window). */
export interface Comparison {
  value: number | null;
  atLeast: boolean;
}

export interface Target {
  name: string;
  /** null: not measured in this run (a scenario left out), neither PASS nor FAIL. */
  pass: boolean | null;
  detail: string;
}

/** One like-for-like ratio of throughput: `system ÷ versus` in one part, scenario and phase. */
export interface Ratio {
  part: PartId;
  scenario: Scenario['id'];
  phase: PhaseKind;
  system: SystemId;
  versus: SystemId;
  systemRps: number;
  versusRps: number;
  ratio: Comparison;
}

/** The like-for-like pairs: each Rantau configuration against each peer configured the same way. */
export const PAIRS: ReadonlyArray<[SystemId, SystemId]> = [
  ['rantau', 'hive'],
  ['rantau', 'hive-rust'],
  ['rantau-nocache', 'hive-nocache'],
  ['rantau-nocache', 'hive-rust-nocache'],
  ['rantau', 'ceiling'],
  ['rantau', 'rantau-trust-off'],
  ['rantau-nocache', 'rantau-nocache-trust-off'],
];

export function compare(a: Row | undefined, b: Row | undefined): Comparison {
  if (!a || !b) return { value: null, atLeast: false };
  if (b.requests > 0 && b.rps > 0) return { value: a.rps / b.rps, atLeast: false };
  // Not one answer within b's window: b's rate is below 1 / window, a lower bound for the ratio.
  if (a.requests > 0) return { value: a.rps * b.durationS, atLeast: true };
  return { value: null, atLeast: false };
}

export function times(comparison: Comparison): string {
  return comparison.value === null ? 'n/a' : `${comparison.atLeast ? '≥ ' : ''}${comparison.value.toFixed(2)}×`;
}

function findRow(rows: readonly Row[], part: PartId, scenario: Scenario['id'], phase: PhaseKind, system: SystemId): Row | undefined {
  return rows.find((r) => r.part === part && r.scenario === scenario && r.phase === phase && r.system === system);
}

export function ratios(rows: readonly Row[]): Ratio[] {
  const out: Ratio[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.part}/${row.scenario}/${row.phase}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const [system, versus] of PAIRS) {
      const a = findRow(rows, row.part, row.scenario, row.phase, system);
      const b = findRow(rows, row.part, row.scenario, row.phase, versus);
      if (!a || !b) continue;
      out.push({ part: row.part, scenario: row.scenario, phase: row.phase, system, versus, systemRps: a.rps, versusRps: b.rps, ratio: compare(a, b) });
    }
  }
  return out;
}

/** Throughput lost to trust: 1 − (trust on ÷ trust off), as a percentage; null when either is missing. */
export function trustCostPercent(on: Row | undefined, off: Row | undefined): number | null {
  if (!on || !off || off.rps <= 0) return null;
  return (1 - on.rps / off.rps) * 100;
}

const rps = (row: Row | undefined) => (row ? `${row.rps.toFixed(1)} req/s` : 'not measured');

function atLeastTarget(name: string, a: Row | undefined, b: Row | undefined, bound: number, what: string): Target {
  const ratio = compare(a, b);
  if (ratio.value === null) return { name, pass: null, detail: `not measured (${what}: ${rps(a)} vs ${rps(b)})` };
  return { name, pass: ratio.value >= bound, detail: `${times(ratio)} (${rps(a)} vs ${rps(b)})` };
}

/** The stronger of two peers' rows (higher throughput): a target against "Hive Gateway" holds against its best configuration. */
function stronger(a: Row | undefined, b: Row | undefined): Row | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.rps > a.rps ? b : a;
}

export interface TargetInputs {
  rows: readonly Row[];
  floor: ColdFloor | null;
  probe: BatchProbe | null;
}

export function judgeTargets({ rows, floor, probe }: TargetInputs): Target[] {
  const targets: Target[] = [];
  const row = (part: PartId, scenario: Scenario['id'], phase: PhaseKind, system: SystemId) => findRow(rows, part, scenario, phase, system);

  // #15: with a response cache on both sides, in the same Redis, keyed per caller.
  const cached: Array<[PartId, Scenario['id'], PhaseKind, string]> = [
    ['published', 'single', 'warm', 'warm single worker'],
    ['overhead', 'nodes', 'warm', 'warm 50 records by id'],
    ['published', 'mixed', 'mixed', 'mixed workload'],
  ];
  for (const [part, scenario, phase, title] of cached) {
    const hive = stronger(row(part, scenario, phase, 'hive'), row(part, scenario, phase, 'hive-rust'));
    targets.push(atLeastTarget(`Rantau ≥ 2× Hive Gateway, response cache on both sides: ${title}${hive ? ` (against ${SYSTEMS[hive.system].label})` : ''}`, row(part, scenario, phase, 'rantau'), hive, 2, title));
  }
  // #15: every response cache off on both sides, against Hive Gateway's Rust planner.
  const uncached: Array<[PartId, Scenario['id'], string]> = [
    ['published', 'single', 'single worker'],
    ['overhead', 'hundred', '100 workers in one query'],
    ['overhead', 'nodes', '50 records by id'],
  ];
  for (const [part, scenario, title] of uncached) {
    targets.push(atLeastTarget(`Rantau ≥ 1.0× Hive Gateway + Rust planner, every response cache off: ${title} (record caches warm)`, row(part, scenario, 'warm', 'rantau-nocache'), row(part, scenario, 'warm', 'hive-rust-nocache'), 1, title));
  }
  targets.push(atLeastTarget('warm single worker ≥ 0.5× the static ceiling', row('published', 'single', 'warm', 'rantau'), row('published', 'single', 'warm', 'ceiling'), 0.5, 'ceiling'));
  if (floor && floor.ratio.p50 !== null) {
    targets.push({
      name: 'cold single worker p50 ≤ 1.1× the cold floor',
      pass: floor.ratio.p50 <= 1.1,
      detail: `${floor.ratio.p50.toFixed(2)}× (p50 ${floor.latency.p50Ms.toFixed(0)} ms against a floor of ${floor.floor.p50Ms.toFixed(0)} ms; p99 ${floor.ratio.p99?.toFixed(2) ?? 'n/a'}×)`,
    });
  } else {
    targets.push({ name: 'cold single worker p50 ≤ 1.1× the cold floor', pass: null, detail: 'not measured' });
  }

  // #10: the warm-path cost of authentication, signed contexts, the owner's policy and the audit.
  const trust: Array<[SystemId, SystemId, string]> = [
    ['rantau', 'rantau-trust-off', 'response cache on (the gateway answers from its cache: token checked, gateway audit written, no subgraph called)'],
    ['rantau-nocache', 'rantau-nocache-trust-off', 'no response cache (every subgraph call signed, verified, policed and audited)'],
  ];
  for (const [on, off, how] of trust) {
    const onRow = row('published', 'single', 'warm', on);
    const offRow = row('published', 'single', 'warm', off);
    const cost = trustCostPercent(onRow, offRow);
    targets.push({
      name: `cost of trust < 15% of warm single-worker throughput, ${how}`,
      pass: cost === null ? null : cost < 15,
      detail: cost === null ? 'not measured' : `${cost.toFixed(1)}% (${rps(onRow)} with trust, ${rps(offRow)} without)`,
    });
  }

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
  return targets;
}

export function targetLine(target: Target): string {
  return `${target.pass === null ? 'NOT MEASURED' : target.pass ? 'PASS' : 'FAIL'}  ${target.name}: ${target.detail}`;
}
