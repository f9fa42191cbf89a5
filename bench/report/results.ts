import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { PartId, Row } from '../measure/measurement.js';
import type { BatchProbe } from '../measure/batchProbe.js';
import type { AnswerCheck } from '../measure/answers.js';
import type { ColdFloor } from '../measure/coldFloor.js';
import type { BenchOptions } from '../options.js';
import type { Scenario } from '../scenarios.js';
import { SYSTEMS, type SystemId } from '../processes/systems.js';
import { HEADER, fixed, markdownTable, rowCells } from './tables.js';
import { judgeTargets, ratios, targetLine, times, type Ratio, type Target } from './targets.js';
import { barChart } from './svgChart.js';

/** What one part of a run measured (bench/run.ts). */
export interface PartResults {
  rows: Row[];
  answers: AnswerCheck[];
  floor: ColdFloor | null;
  probe: BatchProbe | null;
  rateScale: number;
}

/** What one run leaves behind: bench/results/latest.json (every figure), REPORT.md and the charts (for people). */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; model: string; loadAverageAtEnd: number[]; node: string };
  options: Omit<BenchOptions, 'resultsDir'>;
  scenarios: Array<Pick<Scenario, 'id' | 'title' | 'description'>>;
  parts: Partial<Record<PartId, { rateScale: number; rows: Row[] }>>;
  answers: AnswerCheck[];
  /** Leaves of the peers' answers that differ from Rantau's, over every check. */
  answerDifferences: number;
  coldFloor: ColdFloor | null;
  probe: BatchProbe | null;
  ratios: Ratio[];
  targets: Target[];
  notes: string[];
}

export function assembleResults(startedAt: Date, options: BenchOptions, scenarios: Scenario[], parts: Partial<Record<PartId, PartResults>>, notes: string[]): BenchResults {
  const { resultsDir: _dir, ...shown } = options;
  const rows = Object.values(parts).flatMap((p) => p!.rows);
  const answers = Object.values(parts).flatMap((p) => p!.answers);
  const floor = parts.published?.floor ?? null;
  const probe = parts.overhead?.probe ?? null;
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
    options: shown,
    scenarios: scenarios.map((s) => ({ id: s.id, title: s.title, description: s.description })),
    parts: Object.fromEntries(Object.entries(parts).map(([id, p]) => [id, { rateScale: p!.rateScale, rows: p!.rows }])),
    answers,
    answerDifferences: answers.reduce((sum, a) => sum + a.differences, 0),
    coldFloor: floor ? { ...floor, samples: floor.samples } : null,
    probe,
    ratios: ratios(rows),
    targets: judgeTargets({ rows, floor, probe }),
    notes,
  };
}

const PART_TITLES: Record<PartId, string> = {
  published: 'Published rate limits (×1): the headline',
  overhead: 'Gateway overhead: rate limits raised',
};

function partTitle(part: PartId, rateScale: number): string {
  return part === 'published' ? PART_TITLES.published : `${PART_TITLES.overhead} ×${rateScale}`;
}

const SHORT: Record<string, string> = { single: 'one worker', hundred: '100 workers', nodes: '50 records by id', mixed: 'mixed' };

/** The charts the report shows: file name → SVG. */
export function charts(results: BenchResults): Record<string, string> {
  const out: Record<string, string> = {};
  const chartFor = (title: string, unit: string, rows: Row[], value: (row: Row) => number, log: boolean) => {
    const categories = [...new Set(rows.map((r) => `${r.scenario}/${r.phase}`))];
    const systems = [...new Set(rows.map((r) => r.system))] as SystemId[];
    return barChart({
      title,
      unit,
      log,
      categories: categories.map((c) => {
        const [scenario, phase] = c.split('/');
        return `${SHORT[scenario] ?? scenario}, ${phase}`;
      }),
      series: systems.map((id) => ({
        name: SYSTEMS[id].label,
        values: categories.map((c) => {
          const row = rows.find((r) => `${r.scenario}/${r.phase}` === c && r.system === id);
          return row ? value(row) : null;
        }),
      })),
    });
  };
  for (const [part, p] of Object.entries(results.parts) as Array<[PartId, { rateScale: number; rows: Row[] }]>) {
    if (p.rows.length === 0) continue;
    out[`throughput-${part}.svg`] = chartFor(`Throughput, ${partTitle(part, p.rateScale).toLowerCase()}`, 'requests per second (more is better)', p.rows, (r) => r.rps, true);
    out[`latency-${part}.svg`] = chartFor(`p99 latency, ${partTitle(part, p.rateScale).toLowerCase()}`, 'milliseconds at the 99th percentile (less is better)', p.rows, (r) => r.p99Ms, true);
  }
  return out;
}

function markdown(results: BenchResults, chartFiles: string[]): string {
  const o = results.options;
  const lines: string[] = [
    '# Rantau benchmark report',
    '',
    `Run ${results.startedAt} → ${results.finishedAt} on ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load average at the end ${results.machine.loadAverageAtEnd.join(' / ')} (the machine is shared: other work was running).`,
    '',
    `Settings: ${o.durationS} s per measurement, ${o.connections} connections (one at a time for the cold 100-worker query)${o.quick ? ', **quick smoke run (BENCH_QUICK=1): figures not meaningful**' : ''}. ` +
      `Registry latency as published, faults off. Audit: every Rantau process writes ${o.auditPostgresUrl ? 'to a PostgreSQL database of its own (BENCH_AUDIT_POSTGRES_URL), as a deployment does' : 'to an embedded PGlite log of its own, as `npm start` does (BENCH_AUDIT_POSTGRES_URL unset)'}. ` +
      'Every gateway runs in a process of its own, over the same subgraphs process and the same supergraph; every request carries the same case officer\'s bearer token and `Rantau-Purpose`, which every gateway verifies. What each system is, exactly: [bench/README.md](../README.md#what-is-compared).',
    '',
  ];
  if (chartFiles.includes('throughput-published.svg')) lines.push('![Throughput at the published rate limits](throughput-published.svg)', '');
  lines.push('## Targets', '', ...results.targets.map((t) => `- ${targetLine(t)}`), '');
  lines.push(
    '## Like-for-like ratios',
    '',
    'Throughput of the first system ÷ the second, measured in the same part of the same run. Only like configurations are compared: response cache on both sides, off on both sides, trust on against trust off, Rantau against the static server answering its bytes.',
    '',
    markdownTable(
      ['part', 'scenario', 'phase', 'system', 'versus', 'req/s', 'versus req/s', 'ratio'],
      results.ratios.map((r) => [r.part, r.scenario, r.phase, SYSTEMS[r.system].label, SYSTEMS[r.versus].label, fixed(r.systemRps), fixed(r.versusRps), times(r.ratio)]),
    ),
    '',
    '## Same answers?',
    '',
    `Each peer was asked each warm request once more after its measurement, and its \`data\` compared with Rantau's leaf by leaf: **${results.answerDifferences} differing leaves** in all.`,
    '',
    markdownTable(['request', 'system', 'differing leaves', 'errors', 'first differences'], results.answers.map((a) => [a.scenario, SYSTEMS[a.system as SystemId]?.label ?? a.system, String(a.differences), String(a.errors), a.examples.join(', ') || '–'])),
    '',
  );
  if (results.coldFloor) {
    const f = results.coldFloor;
    lines.push(
      '## Cold floor',
      '',
      `${f.requests} cold single-worker look-ups through Rantau, one at a time, one every ${f.spacingMs} ms (so no client waits on a registry's rate limit). The floor of each is the slowest registry call it had to wait for, as the simulators timed it.`,
      '',
      markdownTable(['', 'p50 ms', 'p99 ms'], [
        ['end-to-end latency', fixed(f.latency.p50Ms, 0), fixed(f.latency.p99Ms, 0)],
        ['floor (slowest registry call)', fixed(f.floor.p50Ms, 0), fixed(f.floor.p99Ms, 0)],
        ['latency ÷ floor', f.ratio.p50 === null ? 'n/a' : `${f.ratio.p50.toFixed(2)}×`, f.ratio.p99 === null ? 'n/a' : `${f.ratio.p99.toFixed(2)}×`],
      ]),
      '',
    );
  }
  if (results.probe) {
    const p = results.probe;
    lines.push(
      `## Registry calls of one ${p.workers}-worker query (gateway-overhead part)`,
      '',
      `Cold (caches empty, workers never asked before): ${p.cold.totalCalls} registry calls in all, ${p.cold.errors} errors in the answer${p.cold.settled ? '' : ' (registries still busy at the end: a lower bound)'}. ` +
        `Warm (the same query again once cached${p.warm.primed ? '' : '; priming never got a complete answer'}): ${p.warm.totalCalls} calls, ${p.warm.errors} errors.`,
      '',
      markdownTable(['registry', 'batch limit', 'bound ⌈N/limit⌉', 'batch calls', 'all calls'], p.cold.registries.map((r) => [r.key, String(r.batchLimit), String(r.bound), String(r.batchCalls), String(r.totalCalls)])),
      '',
    );
  }
  for (const [part, p] of Object.entries(results.parts) as Array<[PartId, { rateScale: number; rows: Row[] }]>) {
    lines.push(`## ${partTitle(part, p.rateScale)}`, '');
    if (part === 'overhead') lines.push(`Every registry's rate limit and the clients' pacing ×${p.rateScale}, the same for every system: what is left is the gateways' own cost, not the registries'. Not a deployment's picture — the published limits above are.`, '');
    for (const chart of [`throughput-${part}.svg`, `latency-${part}.svg`]) if (chartFiles.includes(chart)) lines.push(`![${chart}](${chart})`, '');
    for (const scenario of results.scenarios) {
      const rows = p.rows.filter((r) => r.scenario === scenario.id);
      if (rows.length === 0) continue;
      lines.push(`### ${scenario.title}`, '', scenario.description, '', markdownTable(HEADER, rows.map(rowCells)), '');
    }
  }
  lines.push(
    '## How to read this',
    '',
    '- **req/s, p50, p99**: closed-loop load from autocannon over loopback; latency is per request. Only answers within the window count: a system slower than the window shows 0 req/s, and a ratio against it is a lower bound (≥).',
    '- **with errors**: responses carrying GraphQL errors (partial answers count), non-2xx, timeouts. A fast answer that lost a country is not a full answer.',
    '- **registry calls/op**: calls the simulators counted (`/__sim/stats`, reset before each measurement) ÷ requests sent; counted until the registries fell quiet. `≥` marks a measurement whose calls were still arriving when the wait ended.',
    '- **MiB**: peak resident memory (VmHWM) of each process during that measurement. The gateways share one subgraphs process (the trust-off pair has its own); every system shares the registries process.',
    '- **cold**: this run\'s Redis keys deleted (Rantau\'s and Hive\'s), each request asks for data no earlier request asked for. **warm**: the same request, primed once; without a response cache, warm means the subgraphs\' record caches are. **mixed**: caches emptied, then Zipf-like draws.',
    '',
  );
  if (results.notes.length > 0) lines.push('## Notes', '', ...results.notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

export function writeResults(dir: string, results: BenchResults): { json: string; report: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const report = join(dir, 'REPORT.md');
  const drawn = charts(results);
  for (const [file, svg] of Object.entries(drawn)) writeFileSync(join(dir, file), svg);
  writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(report, markdown(results, Object.keys(drawn)));
  return { json, report };
}
