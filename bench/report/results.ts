import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Row } from '../measure/measurement.js';
import type { BatchProbe } from '../measure/batchProbe.js';
import type { BenchOptions } from '../options.js';
import type { Scenario } from '../scenarios.js';
import { HEADER, fixed, markdownTable, rowCells } from './tables.js';
import { judgeTargets, ratios, targetLine, times, type Ratio, type Target } from './targets.js';

/** What one run leaves behind: bench/results/latest.json (every figure) and REPORT.md (for people). */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; model: string; loadAverageAtEnd: number[]; node: string };
  options: Omit<BenchOptions, 'resultsDir'>;
  scenarios: Array<Pick<Scenario, 'id' | 'title' | 'description'> & { rows: Row[] }>;
  probe: BatchProbe | null;
  ratios: Ratio[];
  targets: Target[];
  notes: string[];
}

export function assembleResults(startedAt: Date, options: BenchOptions, scenarios: Scenario[], rows: Row[], probe: BatchProbe | null, notes: string[]): BenchResults {
  const { resultsDir: _dir, ...shown } = options;
  const all = ratios(rows);
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
    options: shown,
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, description: s.description, rows: rows.filter((r) => r.scenario === s.id) })),
    probe,
    ratios: all,
    targets: judgeTargets(all, probe),
    notes,
  };
}

function markdown(results: BenchResults): string {
  const o = results.options;
  const lines: string[] = [
    '# Rantau benchmark report',
    '',
    `Run ${results.startedAt} → ${results.finishedAt} on ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load average at the end ${results.machine.loadAverageAtEnd.join(' / ')}.`,
    '',
    `Settings: ${o.durationS} s per measurement, ${o.connections} connections (one at a time for the cold 100-worker query)${o.quick ? ', **quick smoke run (BENCH_QUICK=1): figures not meaningful**' : ''}. ` +
      `Registry latency as published, faults off. Rate limits ${o.rateScale === 1 ? 'as published (BENCH_RATE_SCALE=1)' : `×${o.rateScale} on the simulators and on the clients' pacing together (BENCH_RATE_SCALE=${o.rateScale})`}.`,
    '',
    '## Targets',
    '',
    ...results.targets.map((t) => `- ${targetLine(t)}`),
    '',
    '## Ratios',
    '',
    markdownTable(
      ['scenario', 'phase', 'cached req/s', 'naive req/s', 'cached ÷ naive', 'Hive req/s', 'Rantau ÷ Hive'],
      results.ratios.map((r) => [r.scenario, r.phase, fixed(r.cachedRps), fixed(r.naiveRps), times(r.cachedOverNaive), fixed(r.hiveRps), times(r.rantauOverHive)]),
    ),
    '',
  ];
  if (results.probe) {
    const p = results.probe;
    lines.push(
      `## Registry calls of one ${p.workers}-worker query`,
      '',
      `Cold (caches empty, workers never asked before): ${p.cold.totalCalls} registry calls in all, ${p.cold.errors} errors in the answer${p.cold.settled ? '' : ' (registries still busy at the end: a lower bound)'}. ` +
        `Warm (the same query again once cached${p.warm.primed ? '' : '; priming never got a complete answer'}): ${p.warm.totalCalls} calls, ${p.warm.errors} errors.`,
      '',
      'Batch calls per batch-capable registry (the per-identity searches have no batch form and are counted in "all calls"):',
      '',
      markdownTable(['registry', 'batch limit', 'bound ⌈N/limit⌉', 'batch calls', 'all calls'], p.cold.registries.map((r) => [r.key, String(r.batchLimit), String(r.bound), String(r.batchCalls), String(r.totalCalls)])),
      '',
    );
  }
  for (const scenario of results.scenarios) {
    lines.push(`## ${scenario.title}`, '', scenario.description, '', markdownTable(HEADER, scenario.rows.map(rowCells)), '');
  }
  lines.push(
    '## How to read this',
    '',
    '- **req/s, p50, p99**: closed-loop load from autocannon over loopback; latency is per request. Only answers within the window count: a system slower than the window shows 0 req/s, and a ratio against it is a lower bound (≥).',
    '- **with errors**: responses carrying GraphQL errors (partial answers count), non-2xx, timeouts. A fast answer that lost a country is not a full answer.',
    '- **registry calls/op**: calls the simulators counted (`/__sim/stats`, reset before each measurement) ÷ requests sent (those cut off at the end of the window still cause calls); counted until the registries fell quiet, so calls queued behind a rate limit are included. `≥` marks a measurement whose calls were still arriving when the wait ended.',
    '- **429s**: calls a registry refused for exceeding its rate limit (client pacing should keep this at 0).',
    '- **MiB**: peak resident memory (VmHWM) of each process during that measurement. Rantau (cached) and Hive Gateway share the cached subgraphs process; every system shares the registries process.',
    '- **cold**: this run\'s Redis keys deleted, each request asks for data no earlier request asked for. **warm**: the same request, primed once. **mixed**: caches emptied, then Zipf-like draws.',
    '',
  );
  if (results.notes.length > 0) lines.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

export function writeResults(dir: string, results: BenchResults): { json: string; report: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const report = join(dir, 'REPORT.md');
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(report, markdown(results));
  return { json, report };
}
