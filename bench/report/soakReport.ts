import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions, SoakOptions } from '../options.js';
import type { LoadResult } from '../measure/load.js';
import type { SoakMixShare } from '../workload/soakMix.js';
import { fixed, markdownTable } from './tables.js';
import { lineChart } from './svgChart.js';

/**
 * What a soak run leaves in bench/results/soak/: soak.json (every sample), REPORT.md (for people)
 * and three SVG charts (latency, throughput and errors, memory), all over the run's minutes.
 */
export const PROCESSES = ['gateway', 'subgraphs', 'registries'] as const;
export type ProcessName = (typeof PROCESSES)[number];

export interface SoakSample {
  /** Minutes since the held load started, at the end of this sample. */
  minute: number;
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Their `extensions.code`s (and CLIENT_TIMEOUT, CONNECTION_ERROR), counted. */
  errorCodes: Record<string, number>;
  registryCalls: number;
  /** Registry calls refused with 429 (the clients' pacing should keep this at 0). */
  rateLimited: number;
  /** The machine's 1-minute load average at the end of the sample: other work on a shared machine shows here. */
  loadAverage: number;
  /** Resident memory of each process at the end of the sample (VmRSS). */
  rssMiB: Record<ProcessName, number | null>;
}

export interface MemoryTrend {
  process: ProcessName;
  startMiB: number | null;
  endMiB: number | null;
  peakMiB: number | null;
  /** Least-squares slope over the second half of the run, MiB per hour. */
  slopeMiBPerHour: number | null;
  /** Within max(10 MiB, 5 %) from the second half's start to its end. */
  flat: boolean | null;
}

export interface SoakResults {
  startedAt: string;
  finishedAt: string;
  /** Shorter than 30 minutes: a run that proves the machinery, not the committed result. */
  shortRun: boolean;
  machine: { cpus: number; model: string; loadAverageAtEnd: number[]; node: string };
  options: Pick<BenchOptions, 'rateScale' | 'connections' | 'redisUrl'> & Omit<SoakOptions, 'resultsDir'>;
  mix: readonly SoakMixShare[];
  maximum: LoadResult;
  targetRps: number;
  totals: { requests: number; errors: number; errorCodes: Record<string, number>; errorRate: number; rateLimited: number; registryCalls: number; meanRps: number; worstP99Ms: number; medianP50Ms: number };
  memory: MemoryTrend[];
  samples: SoakSample[];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Slope of y over x by least squares (x in minutes), or null with fewer than two points. */
function slope(points: Array<[number, number]>): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? null : points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}

export function memoryTrend(samples: readonly SoakSample[], process: ProcessName): MemoryTrend {
  const points = samples.map((s) => [s.minute, s.rssMiB[process]] as const).filter((p): p is readonly [number, number] => p[1] !== null);
  if (points.length === 0) return { process, startMiB: null, endMiB: null, peakMiB: null, slopeMiBPerHour: null, flat: null };
  // The first half holds the warm-up of caches and JIT; growth that matters shows in the second.
  const secondHalf = points.slice(Math.floor(points.length / 2)).map(([x, y]) => [x, y] as [number, number]);
  const perMinute = slope(secondHalf);
  const span = secondHalf[secondHalf.length - 1][0] - secondHalf[0][0];
  const start = secondHalf[0][1];
  const grown = perMinute === null ? 0 : perMinute * span;
  return {
    process,
    startMiB: points[0][1],
    endMiB: points[points.length - 1][1],
    peakMiB: Math.max(...points.map(([, y]) => y)),
    slopeMiBPerHour: perMinute === null ? null : Math.round(perMinute * 60 * 10) / 10,
    flat: perMinute === null ? null : grown <= Math.max(10, start * 0.05),
  };
}

export function assembleSoak(input: {
  startedAt: Date;
  bench: BenchOptions;
  soak: SoakOptions;
  mix: readonly SoakMixShare[];
  maximum: LoadResult;
  targetRps: number;
  samples: SoakSample[];
}): SoakResults {
  const { samples } = input;
  const requests = samples.reduce((s, x) => s + x.requests, 0);
  const errors = samples.reduce((s, x) => s + x.errors, 0);
  const minutes = samples.length > 0 ? samples[samples.length - 1].minute : 0;
  const { resultsDir: _dir, ...soak } = input.soak;
  return {
    startedAt: input.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    shortRun: input.soak.minutes < 30,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100), node: process.version },
    options: { rateScale: input.bench.rateScale, connections: input.bench.connections, redisUrl: input.bench.redisUrl, ...soak },
    mix: input.mix,
    maximum: input.maximum,
    targetRps: input.targetRps,
    totals: {
      requests,
      errors,
      errorCodes: samples.reduce<Record<string, number>>((all, s) => {
        for (const [code, count] of Object.entries(s.errorCodes)) all[code] = (all[code] ?? 0) + count;
        return all;
      }, {}),
      errorRate: requests > 0 ? errors / requests : 0,
      rateLimited: samples.reduce((s, x) => s + x.rateLimited, 0),
      registryCalls: samples.reduce((s, x) => s + x.registryCalls, 0),
      meanRps: minutes > 0 ? requests / (minutes * 60) : 0,
      worstP99Ms: Math.max(0, ...samples.map((s) => s.p99Ms)),
      medianP50Ms: median(samples.map((s) => s.p50Ms)),
    },
    memory: PROCESSES.map((p) => memoryTrend(samples, p)),
    samples,
  };
}

function charts(results: SoakResults): Record<string, string> {
  const at = <T>(pick: (s: SoakSample) => T) => results.samples.map((s) => [s.minute, pick(s)] as [number, T]);
  return {
    'latency.svg': lineChart({
      title: 'Latency over time (per sample)',
      xLabel: 'minutes',
      yLabel: 'ms',
      series: [
        { name: 'p99', points: at((s) => s.p99Ms) },
        { name: 'p50', points: at((s) => s.p50Ms), dashed: true },
      ],
    }),
    'throughput.svg': lineChart({
      title: `Throughput and errors (target ${fixed(results.targetRps)} req/s)`,
      xLabel: 'minutes',
      yLabel: 'per second',
      series: [
        { name: 'answered req/s', points: at((s) => s.rps) },
        { name: 'target req/s', points: at(() => results.targetRps), dashed: true },
        { name: 'errors/s', points: at((s) => (s.requests > 0 ? (s.errors / s.requests) * s.rps : 0)) },
        { name: 'registry 429/s', points: at((s) => s.rateLimited / Math.max(1, results.options.sampleS)) },
        { name: 'machine load avg', points: at((s) => s.loadAverage), dashed: true },
      ],
    }),
    'memory.svg': lineChart({
      title: 'Resident memory over time (VmRSS)',
      xLabel: 'minutes',
      yLabel: 'MiB',
      series: PROCESSES.map((p) => ({ name: p, points: at((s) => s.rssMiB[p]) })),
    }),
  };
}

function markdown(results: SoakResults): string {
  const o = results.options;
  const t = results.totals;
  const minutes = results.samples.length > 0 ? results.samples[results.samples.length - 1].minute : 0;
  const lines = [
    '# Rantau soak run',
    '',
    ...(results.shortRun
      ? [`> **Short run: ${fixed(minutes)} minutes (SOAK_MINUTES=${o.minutes}).** It shows the soak machinery works end to end; the result that counts is a 30-minute run (\`npm run soak\`, SOAK_MINUTES=30 by default). Over a few minutes a memory trend is mostly the garbage collector's sawtooth and heaps still growing to their working size, so "flat" below says little.`, '']
      : []),
    `Run ${results.startedAt} → ${results.finishedAt} on ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}, load average at the end ${results.machine.loadAverageAtEnd.join(' / ')}.`,
    '',
    `Registries, the cached subgraphs (Redis) and the Rantau gateway, each its own process, as \`npm run bench\` starts them. Rate limits ×${o.rateScale} on the simulators and the clients' pacing together (BENCH_RATE_SCALE). Traffic drawn Zipf-like from ${o.workers} real workers:`,
    '',
    markdownTable(['share', 'operation'], results.mix.map((m) => [`${Math.round(m.share * 100)} %`, m.description])),
    '',
    `Maximum of this mix: **${fixed(results.maximum.rps)} req/s** (closed loop, ${o.connections} connections, ${o.probeS} s after ${o.warmUpS} s of untimed warm-up; p50 ${fixed(results.maximum.p50Ms)} ms, p99 ${fixed(results.maximum.p99Ms)} ms, ${results.maximum.errorResponses} with errors). ` +
      `Held at ${Math.round(o.loadFraction * 100)} %: **${fixed(results.targetRps)} req/s** for ${fixed(minutes)} minutes, in ${o.sampleS}-second samples.`,
    '',
    '## Result',
    '',
    markdownTable(
      ['requests', 'with errors', 'error rate', 'mean req/s', 'median p50', 'worst p99', 'registry calls', 'registry 429s'],
      [[String(t.requests), String(t.errors), `${(t.errorRate * 100).toFixed(3)} %`, fixed(t.meanRps), `${fixed(t.medianP50Ms)} ms`, `${fixed(t.worstP99Ms)} ms`, String(t.registryCalls), String(t.rateLimited)]],
    ),
    '',
    ...(Object.keys(t.errorCodes).length > 0 ? [`Error codes in those responses: ${Object.entries(t.errorCodes).map(([code, count]) => `\`${code}\` ×${count}`).join(', ')}.`, ''] : []),
    `Machine load average (1 min) during the run: ${fixed(Math.min(...results.samples.map((s) => s.loadAverage)))}–${fixed(Math.max(...results.samples.map((s) => s.loadAverage)))} on ${results.machine.cpus} cores (every process and the load generator share them; anything above the core count is other work competing).`,
    '',
    '## Memory',
    '',
    'Resident memory (VmRSS) sampled at the end of every sample. "Flat" means the least-squares trend over the second half of the run grows by less than max(10 MiB, 5 %) over that half; the first half holds the caches and the JIT warming up.',
    '',
    markdownTable(
      ['process', 'first sample', 'last sample', 'peak', 'trend (2nd half)', 'flat'],
      results.memory.map((m) => [m.process, m.startMiB === null ? '?' : `${fixed(m.startMiB)} MiB`, m.endMiB === null ? '?' : `${fixed(m.endMiB)} MiB`, m.peakMiB === null ? '?' : `${fixed(m.peakMiB)} MiB`, m.slopeMiBPerHour === null ? '?' : `${m.slopeMiBPerHour >= 0 ? '+' : ''}${m.slopeMiBPerHour} MiB/h`, m.flat === null ? '?' : m.flat ? 'yes' : '**no**']),
    ),
    '',
    '## Charts',
    '',
    '![Latency over time](latency.svg)',
    '',
    '![Throughput and errors over time](throughput.svg)',
    '',
    '![Memory over time](memory.svg)',
    '',
    '## Samples',
    '',
    markdownTable(
      ['minute', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'registry calls', '429s', 'load avg', ...PROCESSES.map((p) => `${p} MiB`)],
      results.samples.map((s) => [fixed(s.minute), fixed(s.rps), fixed(s.p50Ms), fixed(s.p99Ms), String(s.errors), String(s.registryCalls), String(s.rateLimited), fixed(s.loadAverage), ...PROCESSES.map((p) => (s.rssMiB[p] === null ? '?' : fixed(s.rssMiB[p]!)))]),
    ),
    '',
    '**errors**: responses carrying GraphQL errors (partial answers count), non-2xx, resets and timeouts, as in the benchmark.',
    '',
  ];
  return lines.join('\n');
}

export function writeSoak(dir: string, results: SoakResults): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = { 'soak.json': `${JSON.stringify(results, null, 2)}\n`, 'REPORT.md': markdown(results), ...charts(results) };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files).map((name) => join(dir, name));
}
