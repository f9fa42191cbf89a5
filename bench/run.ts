import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { readBenchOptions, type BenchOptions } from './options.js';
import { loadPopulation } from './workload/population.js';
import { buildScenarios, type Phase, type PhaseKind, type Scenario, type ScenarioSet } from './scenarios.js';
import { startTopology, SYSTEMS, type System, type SystemId, type Topology } from './processes/topology.js';
import { stopAllChildren } from './processes/child.js';
import { BenchRun } from './processes/tearDown.js';
import { resetPeakRss } from './processes/memory.js';
import { RegistryCalls } from './measure/registryCalls.js';
import { combineRows, measure, quiesce, warmUpPlans, warmUpProcesses, type MeasureContext, type PartId, type Row } from './measure/measurement.js';
import { workerBody } from './workload/queries.js';
import { probeBatching, type BatchProbe } from './measure/batchProbe.js';
import { compareAnswers, type AnswerCheck } from './measure/answers.js';
import { measureColdFloor, type ColdFloor } from './measure/coldFloor.js';
import { deleteKeys } from './measure/redisKeys.js';
import { HEADER, rowCells, textTable } from './report/tables.js';
import { assembleResults, writeResults } from './report/results.js';
import { targetLine } from './report/targets.js';

/**
 * `npm run bench`: two parts, each with its own registries, subgraphs and gateways (every gateway
 * a process of its own), driven with autocannon; writes bench/results/latest.json, REPORT.md and
 * the charts. See bench/README.md.
 *   published  the registries' published rate limits (×1): the headline. Warm single worker for
 *              every configuration and the static ceiling, the cold floor, cold single, mixed.
 *   overhead   limits ×20 ("gateway overhead"): cold single, 100 workers, 50 records by id.
 */
const options = readBenchOptions();
/** Cold worker queries each system answers, untimed, before the first measurement of the overhead part. */
const WARM_UP_WORKERS = 30;
const log = (line: string) => process.stderr.write(`${line}\n`);
const run = new BenchRun(options.redisUrl, log);

const CACHE: SystemId[] = ['rantau', 'hive', 'hive-rust'];
const NOCACHE: SystemId[] = ['rantau-nocache', 'hive-nocache', 'hive-rust-nocache'];
const TRUST_OFF: SystemId[] = ['rantau-trust-off', 'rantau-nocache-trust-off'];

/** One measurement step of a part: a scenario's phase against these systems, in this order. */
interface Step {
  scenario: Scenario['id'];
  phase: PhaseKind;
  systems: SystemId[];
}

/**
 * Cold and mixed phases start from emptied caches, and whichever system went first after that
 * measured ~10% slower whatever it was; so they are measured there and back (A-B-C-C-B-A), and
 * each row is the mean of its two runs. Warm phases run once each.
 */
const thereAndBack = (ids: SystemId[]) => [...ids, ...[...ids].reverse()];

const PLAN: Record<PartId, { rateScale: (o: BenchOptions) => number; systems: SystemId[]; steps: Step[] }> = {
  published: {
    rateScale: () => 1,
    systems: [...CACHE, ...NOCACHE, ...TRUST_OFF],
    steps: [
      { scenario: 'single', phase: 'warm', systems: [...CACHE, ...NOCACHE, ...TRUST_OFF, 'ceiling'] },
      { scenario: 'single', phase: 'cold', systems: thereAndBack(CACHE) },
      { scenario: 'mixed', phase: 'mixed', systems: thereAndBack(CACHE) },
    ],
  },
  overhead: {
    rateScale: (o) => o.overheadRateScale,
    systems: [...CACHE, ...NOCACHE],
    steps: [
      { scenario: 'single', phase: 'cold', systems: thereAndBack(CACHE) },
      { scenario: 'hundred', phase: 'cold', systems: thereAndBack(CACHE) },
      { scenario: 'hundred', phase: 'warm', systems: [...CACHE, ...NOCACHE] },
      { scenario: 'nodes', phase: 'cold', systems: thereAndBack(CACHE) },
      { scenario: 'nodes', phase: 'warm', systems: [...CACHE, ...NOCACHE] },
    ],
  },
};

interface PartResult {
  rows: Row[];
  answers: AnswerCheck[];
  floor: ColdFloor | null;
  probe: BatchProbe | null;
  rateScale: number;
}

async function ensureCeiling(topology: Topology, rantau: System, scenario: Scenario): Promise<System> {
  const existing = topology.systems.find((s) => s.id === 'ceiling');
  if (existing) return existing;
  // The very bytes Rantau answers to the warm request, primed by its measurement just before.
  const response = await fetch(rantau.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...rantau.headers }, body: scenario.warmUp });
  const body = await response.text();
  log(`  starting the static ceiling (${Buffer.byteLength(body)} bytes per answer)…`);
  return topology.startCeiling(body, response.headers.get('content-type') ?? 'application/json');
}

async function runPart(part: PartId, set: ScenarioSet): Promise<PartResult> {
  const plan = PLAN[part];
  const partOptions: BenchOptions = { ...options, rateScale: plan.rateScale(options) };
  log(`\n== part "${part}": registry rate limits ×${partOptions.rateScale} ==`);
  const topology = (run.topology = await startTopology(partOptions, plan.systems, log));
  const endpoints = topology.registries.ready.registries;
  const calls = new RegistryCalls(endpoints, Math.min(...endpoints.map((e) => e.ratePerSecond)));
  const context: MeasureContext = { part, options: partOptions, calls, registries: topology.registries, keyPrefix: topology.keyPrefix, log };
  const system = (id: SystemId) => topology.systems.find((s) => s.id === id);
  const rantau = system('rantau')!;
  const chosen = PLAN[part].steps.filter((step) => options.scenarios === null || options.scenarios.includes(step.scenario));
  const result: PartResult = { rows: [], answers: [], floor: null, probe: null, rateScale: partOptions.rateScale };

  if (part === 'overhead') {
    log('warming every process up (untimed)…');
    await warmUpProcesses(context, topology.systems, set.freshWorkers(WARM_UP_WORKERS).map(workerBody));
  }
  for (const scenarioId of [...new Set(chosen.map((s) => s.scenario))]) {
    const scenario = set.scenarios.find((s) => s.id === scenarioId)!;
    log(`\n${scenario.title}`);
    await warmUpPlans(context, scenario, topology.systems);
    if (scenario.id === 'hundred') {
      log('  probing registry calls of one 100-worker query (cold, then warm)…');
      result.probe = await probeBatching(context, rantau, set.freshWorkers(100), set.hotHundred);
    }
    for (const step of chosen.filter((s) => s.scenario === scenarioId)) {
      const phase: Phase = scenario.phases.find((p) => p.kind === step.phase)!;
      const measured = new Map<SystemId, Row>();
      for (const id of step.systems) {
        const target = id === 'ceiling' ? await ensureCeiling(topology, rantau, scenario) : system(id);
        if (!target) continue;
        log(`  ${phase.kind}: ${target.label}…`);
        const row = await measure(context, scenario, phase, target);
        const earlier = measured.get(id);
        measured.set(id, earlier ? combineRows(earlier, row) : row);
      }
      result.rows.push(...measured.values());
      if (step.phase === 'warm') {
        const peers = step.systems.filter((id) => id !== 'rantau' && id !== 'ceiling' && SYSTEMS[id].group !== 'trust').map(system).filter((s): s is System => s !== undefined);
        result.answers.push(...(await compareAnswers(`${part}/${scenario.id}`, phase.load().prime!, rantau, peers)));
      }
    }
    process.stdout.write(`\n${scenario.title} (${part})\n${textTable(HEADER, result.rows.filter((r) => r.scenario === scenario.id).map(rowCells))}\n`);
    if (part === 'published' && scenario.id === 'single') {
      const spacingMs = Math.ceil(1200 / Math.min(...endpoints.map((e) => e.ratePerSecond)));
      log(`  cold floor: ${options.floorRequests} cold look-ups through Rantau, one every ${spacingMs} ms…`);
      await quiesce(context, [rantau]);
      result.floor = await measureColdFloor(context, rantau, topology.registries.ready.timingsUrl, set.freshWorkers(options.floorRequests).map(workerBody), spacingMs);
      await quiesce(context, [rantau]);
      await deleteKeys(options.redisUrl, topology.keyPrefix);
    }
  }
  await stopAllChildren();
  await deleteKeys(options.redisUrl, topology.keyPrefix).catch(() => undefined);
  await topology.close();
  run.topology = undefined;
  return result;
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`Rantau benchmark: ${options.durationS} s per measurement, ${options.connections} connections${options.quick ? ' (quick smoke run)' : ''}`);
  const population = await loadPopulation();
  const set = buildScenarios(population, options.mixedWorkers);
  const notes: string[] = [];
  const [loadAtStart] = loadavg();
  if (loadAtStart > cpus().length) notes.push(`The machine was busy before the run started (load average ${loadAtStart.toFixed(1)} on ${cpus().length} cores): other work shared the CPU with every system measured, so figures are lower and noisier than on a quiet machine; ratios within one run are fairer than absolute figures.`);
  if (!resetPeakRss(process.pid)) notes.push('Peak memory could not be reset between measurements (/proc/<pid>/clear_refs); figures are peaks since each process started.');
  const parts: Partial<Record<PartId, PartResult>> = {};
  for (const part of options.parts) parts[part] = await runPart(part, set);
  if (set.wraps() > 0) notes.push(`The fresh workers of the warm-up, the cold floor and the batching probe ran out ${set.wraps()} time(s) and started over.`);
  const results = assembleResults(startedAt, options, set.scenarios, parts, notes);
  const written = writeResults(options.resultsDir, results);
  process.stdout.write(`\n${results.targets.map(targetLine).join('\n')}\n\nResults: ${written.json}\nReport:  ${written.report}\n`);
}

run.run('benchmark', main);
