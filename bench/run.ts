import 'reflect-metadata';
import { readBenchOptions } from './options.js';
import { loadPopulation } from './workload/population.js';
import { buildScenarios } from './scenarios.js';
import { startTopology } from './processes/topology.js';
import { BenchRun } from './processes/tearDown.js';
import { resetPeakRss } from './processes/memory.js';
import { RegistryCalls } from './measure/registryCalls.js';
import { combineRows, measure, warmUpPlans, warmUpProcesses, type MeasureContext, type Row } from './measure/measurement.js';
import { workerBody } from './workload/queries.js';
import { probeBatching, type BatchProbe } from './measure/batchProbe.js';
import { HEADER, rowCells, textTable } from './report/tables.js';
import { assembleResults, writeResults } from './report/results.js';
import { targetLine } from './report/targets.js';

/**
 * `npm run bench`: starts the registries, the cached and naive stacks and Hive Gateway as separate
 * processes, drives each scenario against each system with autocannon, prints one table per
 * scenario and writes bench/results/latest.json and bench/results/REPORT.md. See bench/README.md.
 */
const options = readBenchOptions();
/** Cold worker queries each system answers, untimed, before the first measurement. */
const WARM_UP_WORKERS = 30;
const log = (line: string) => process.stderr.write(`${line}\n`);
const run = new BenchRun(options.redisUrl, log);

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`Rantau benchmark: ${options.durationS} s per measurement, ${options.connections} connections, rate limits ×${options.rateScale}${options.quick ? ' (quick smoke run)' : ''}`);
  const population = await loadPopulation();
  const set = buildScenarios(population, options.mixedWorkers);
  const topology = (run.topology = await startTopology(options, log));
  const endpoints = topology.registries.ready.registries;
  const calls = new RegistryCalls(endpoints, Math.min(...endpoints.map((e) => e.ratePerSecond)));
  const context: MeasureContext = { options, calls, registries: topology.registries, keyPrefix: topology.keyPrefix, log };
  const rantau = topology.systems.find((s) => s.id === 'rantau')!;
  const hive = topology.systems.find((s) => s.id === 'hive')!;
  const notes: string[] = [];
  if (!resetPeakRss(topology.registries.pid)) notes.push('Peak memory could not be reset between measurements (/proc/<pid>/clear_refs); figures are peaks since each process started.');

  log('warming every process up (untimed)…');
  await warmUpProcesses(context, topology.systems, set.freshWorkers(WARM_UP_WORKERS).map(workerBody));

  const rows: Row[] = [];
  let probe: BatchProbe | null = null;
  const chosen = set.scenarios.filter((scenario) => options.scenarios === null || options.scenarios.includes(scenario.id));
  for (const scenario of chosen) {
    log(`\n${scenario.title}`);
    await warmUpPlans(context, scenario, topology.systems);
    if (scenario.id === 'hundred') {
      log('  probing registry calls of one 100-worker query (cold, then warm)…');
      probe = await probeBatching(context, rantau, set.freshWorkers(100), set.hotHundred);
    }
    for (const phase of scenario.phases) {
      // Cold and mixed phases start from emptied caches, and whichever system goes first after
      // that measured ~10% slower whatever it was; so the two gateways are measured twice,
      // A-B-B-A, and each row is the mean of its two runs.
      const order = phase.kind === 'warm' ? topology.systems : [rantau, hive, hive, rantau, ...topology.systems.filter((s) => s !== rantau && s !== hive)];
      const measured = new Map<string, Row>();
      for (const system of order) {
        log(`  ${phase.kind}: ${system.label}…`);
        const row = await measure(context, scenario, phase, system);
        const earlier = measured.get(system.id);
        measured.set(system.id, earlier ? combineRows(earlier, row) : row);
      }
      for (const system of topology.systems) rows.push(measured.get(system.id)!);
    }
    process.stdout.write(`\n${scenario.title}\n${textTable(HEADER, rows.filter((r) => r.scenario === scenario.id).map(rowCells))}\n`);
  }

  if (options.rateScale === 1) {
    notes.push('Published rate limits: a cold worker costs one search per registry, so cold throughput is bounded by the slowest registries (Laos MLSW 1 call/s), and a 100-worker query (about 100 searches per registry) cannot finish within the registries\' time budget. Run with BENCH_RATE_SCALE=20 for figures of scenario 2.');
  }
  if (set.wraps() > 0) notes.push(`The fresh workers of the warm-up and the batching probe ran out ${set.wraps()} time(s) and started over.`);
  const results = assembleResults(startedAt, options, chosen, rows, probe, notes);
  const written = writeResults(options.resultsDir, results);
  process.stdout.write(`\n${results.targets.map(targetLine).join('\n')}\n\nResults: ${written.json}\nReport:  ${written.report}\n`);
}

run.run('benchmark', main);
