import { runLoad, type LoadResult } from './load.js';
import { RegistryCalls } from './registryCalls.js';
import { deleteKeys } from './redisKeys.js';
import { post, primeUntilClean } from './post.js';
import type { BenchChild } from '../processes/child.js';
import type { System, SystemId } from '../processes/topology.js';
import type { Phase, PhaseKind, Scenario } from '../scenarios.js';
import type { BenchOptions } from '../options.js';

/**
 * One row of a scenario's table: one system under one phase's load, with the registry calls it
 * caused and the peak memory of each process it ran on during that measurement.
 */
export interface Row extends LoadResult {
  /** Which part of the run: the registries' published rate limits (×1) or the gateway-overhead part (×20). */
  part: PartId;
  scenario: Scenario['id'];
  phase: PhaseKind;
  system: SystemId;
  label: string;
  registryCalls: number;
  callsPerOp: number | null;
  /** Registry calls answered 429 (the client's pacing should keep this at 0). */
  rateLimited: number;
  /** False when the registries were still being called `settleS` after the load stopped (calls/op is then a lower bound). */
  settled: boolean;
  /** Warm phases: whether priming got a complete answer (null for other phases). */
  primed: boolean | null;
  memoryMiB: { gateway: number | null; subgraphs: number | null; registries: number | null };
}

/** `published`: the registries' published rate limits (the headline); `overhead`: limits ×BENCH_OVERHEAD_RATE_SCALE, for the gateways' own cost. */
export type PartId = 'published' | 'overhead';

export interface MeasureContext {
  part: PartId;
  options: BenchOptions;
  calls: RegistryCalls;
  registries: BenchChild<unknown>;
  keyPrefix: string;
  log: (line: string) => void;
}

/** Waits for the registries to fall quiet; if they do not, restarts the subgraphs processes so no backlog remains. */
export async function quiesce(context: MeasureContext, systems: readonly System[]): Promise<void> {
  if (await context.calls.settle(context.options.settleS * 1000)) return;
  context.log(`  registries still busy after ${context.options.settleS} s; restarting the subgraphs processes to drop their backlog`);
  for (const subgraphs of new Set(systems.map((s) => s.subgraphs))) await subgraphs?.restart();
}

/** Brings the scenario's query plan into every gateway (see Scenario.warmUp). */
/**
 * Untimed cold traffic through every system before the first measurement, then the caches
 * emptied: JIT, keep-alive pools and the Laos extract index are process state, and without this
 * whichever system is measured first would pay for them alone.
 */
export async function warmUpProcesses(context: MeasureContext, systems: readonly System[], bodies: readonly string[]): Promise<void> {
  for (const system of systems) {
    for (let i = 0; i < bodies.length; i += 5) await Promise.all(bodies.slice(i, i + 5).map((body) => post(system, body)));
  }
  await quiesce(context, systems);
  await deleteKeys(context.options.redisUrl, context.keyPrefix);
}

export async function warmUpPlans(context: MeasureContext, scenario: Scenario, systems: readonly System[]): Promise<void> {
  await Promise.all(systems.map((system) => post(system, scenario.warmUp)));
  await quiesce(context, systems);
}

export async function measure(context: MeasureContext, scenario: Scenario, phase: Phase, system: System): Promise<Row> {
  const { options, calls } = context;
  if (phase.emptyCaches) await deleteKeys(options.redisUrl, context.keyPrefix);
  const load = phase.load();
  let primed: boolean | null = null;
  if (load.prime !== undefined) {
    // Without caches there is nothing to fill: one request warms the query plan, as for the others.
    const primedWith = await primeUntilClean(system, load.prime, options.primeS * 1000);
    primed = primedWith.clean;
    if (!primed) context.log(`  ${system.label}: priming did not get a complete answer in ${options.primeS} s (${primedWith.attempts} tries)`);
    await quiesce(context, [system]);
  }

  const processes = { gateway: system.gateway, subgraphs: system.subgraphs?.child ?? null, registries: context.registries };
  for (const child of Object.values(processes)) child?.resetPeak();
  await calls.reset();
  const result = await runLoad({ url: system.url, headers: system.headers, durationS: options.durationS, connections: phase.connections ?? options.connections, nextBody: load.nextBody, maxRequests: load.maxRequests });
  const settled = await calls.settle(options.settleS * 1000);
  const counts = await calls.read();
  const registryCalls = RegistryCalls.sum(counts);
  let rateLimited = 0;
  for (const count of counts.values()) rateLimited += count.rateLimited;
  const memoryMiB = { gateway: processes.gateway.peakRssMiB(), subgraphs: processes.subgraphs?.peakRssMiB() ?? null, registries: processes.registries.peakRssMiB() };

  if (!settled && system.subgraphs) {
    // Calls still queued behind a registry's rate limit would land in the next measurement.
    context.log(`  ${system.label}: registries still busy ${options.settleS} s after the load; restarting ${system.subgraphs.child.name} to drop its backlog`);
    await system.subgraphs.restart();
  }
  return {
    part: context.part,
    scenario: scenario.id,
    phase: phase.kind,
    system: system.id,
    label: system.label,
    ...result,
    registryCalls,
    callsPerOp: result.sent > 0 ? registryCalls / result.sent : null,
    rateLimited,
    settled,
    primed,
    memoryMiB,
  };
}

/**
 * One row from two measurements of the same system: throughput and latency averaged, counts
 * added, peaks kept. Used for the A-B-B-A order of the cold and mixed phases.
 */
export function combineRows(a: Row, b: Row): Row {
  const mean = (x: number, y: number) => (x + y) / 2;
  const peak = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.max(x, y));
  const requests = a.requests + b.requests;
  const sent = a.sent + b.sent;
  const registryCalls = a.registryCalls + b.registryCalls;
  return {
    ...a,
    requests,
    sent,
    durationS: a.durationS + b.durationS,
    rps: mean(a.rps, b.rps),
    p50Ms: mean(a.p50Ms, b.p50Ms),
    p99Ms: mean(a.p99Ms, b.p99Ms),
    errorResponses: a.errorResponses + b.errorResponses,
    errorCodes: Object.fromEntries([...new Set([...Object.keys(a.errorCodes), ...Object.keys(b.errorCodes)])].map((code) => [code, (a.errorCodes[code] ?? 0) + (b.errorCodes[code] ?? 0)])),
    registryCalls,
    callsPerOp: a.callsPerOp === null || b.callsPerOp === null ? (a.callsPerOp ?? b.callsPerOp) : sent > 0 ? registryCalls / sent : null,
    rateLimited: a.rateLimited + b.rateLimited,
    settled: a.settled && b.settled,
    primed: a.primed,
    memoryMiB: { gateway: peak(a.memoryMiB.gateway, b.memoryMiB.gateway), subgraphs: peak(a.memoryMiB.subgraphs, b.memoryMiB.subgraphs), registries: peak(a.memoryMiB.registries, b.memoryMiB.registries) },
  };
}
