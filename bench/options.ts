/**
 * The benchmark's settings, from the environment. Sized for a 2-core machine: a few seconds per
 * measurement, the whole run well under ten minutes. BENCH_QUICK=1 is a smoke run (short
 * measurements, short waits) that checks everything works end to end, not a figure to quote.
 */
export interface BenchOptions {
  quick: boolean;
  /** Seconds of load per measurement (BENCH_DURATION_S). */
  durationS: number;
  /** Concurrent connections of the load generator (BENCH_CONNECTIONS). */
  connections: number;
  /**
   * Multiplies every registry's published rate limit and, together with it, every client's pacing
   * (BENCH_RATE_SCALE, default 20, the same for every system measured). At the published limits
   * (BENCH_RATE_SCALE=1) a cold 100-worker query needs ~100 searches per registry at 5–50 a
   * second, outlasts every time budget and leaves nothing to measure but timeouts.
   */
  rateScale: number;
  /** Longest wait for the registries to fall quiet after a measurement (BENCH_SETTLE_S). */
  settleS: number;
  /** Longest time spent priming a warm measurement until it answers without errors (BENCH_PRIME_S). */
  primeS: number;
  /** Distinct workers of the mixed workload, drawn Zipf-like (BENCH_MIXED_WORKERS). */
  mixedWorkers: number;
  redisUrl: string;
  resultsDir: string;
  /** Only these scenarios (BENCH_SCENARIOS=single,nodes); all when unset. */
  scenarios: string[] | null;
  /**
   * `npm run bench` runs two parts: `published` (the registries' published rate limits, ×1: the
   * headline) and `overhead` (limits ×BENCH_OVERHEAD_RATE_SCALE, so cold and 100-worker queries
   * measure the gateways rather than the registries' limits). BENCH_PARTS=published runs one.
   */
  parts: Array<'published' | 'overhead'>;
  /** Rate scale of the gateway-overhead part (BENCH_OVERHEAD_RATE_SCALE, default 20). */
  overheadRateScale: number;
  /** Cold single-worker requests of the cold-floor measurement, one at a time (BENCH_FLOOR_REQUESTS). */
  floorRequests: number;
  /** A PostgreSQL server for the audit logs (BENCH_AUDIT_POSTGRES_URL); unset: embedded PGlite logs, as `npm start`. */
  auditPostgresUrl: string | null;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}: expected a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

export function readBenchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const quick = env.BENCH_QUICK === '1';
  return {
    quick,
    durationS: positive(env, 'BENCH_DURATION_S', quick ? 2 : 5),
    connections: Math.round(positive(env, 'BENCH_CONNECTIONS', quick ? 5 : 10)),
    rateScale: positive(env, 'BENCH_RATE_SCALE', 20),
    settleS: positive(env, 'BENCH_SETTLE_S', quick ? 5 : 10),
    primeS: positive(env, 'BENCH_PRIME_S', quick ? 10 : 30),
    mixedWorkers: Math.round(positive(env, 'BENCH_MIXED_WORKERS', 300)),
    redisUrl: env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379',
    resultsDir: env.BENCH_RESULTS_DIR || new URL('./results/', import.meta.url).pathname,
    scenarios: env.BENCH_SCENARIOS ? env.BENCH_SCENARIOS.split(',').map((id) => id.trim()) : null,
    parts: env.BENCH_PARTS ? (env.BENCH_PARTS.split(',').map((id) => id.trim()) as BenchOptions['parts']) : ['published', 'overhead'],
    overheadRateScale: positive(env, 'BENCH_OVERHEAD_RATE_SCALE', 20),
    floorRequests: Math.round(positive(env, 'BENCH_FLOOR_REQUESTS', quick ? 5 : 20)),
    auditPostgresUrl: env.BENCH_AUDIT_POSTGRES_URL || null,
  };
}

/**
 * The soak run's settings (`npm run soak`), on top of the benchmark's (rate scale, connections,
 * Redis). It measures the maximum of its own traffic mix first, then holds a fraction of it.
 */
export interface SoakOptions {
  /** Length of the held load, in minutes (SOAK_MINUTES; 30 for the committed result). */
  minutes: number;
  /** Length of one sample: each point of the charts (SOAK_SAMPLE_S). */
  sampleS: number;
  /** Untimed traffic before the maximum is measured, so caches are at their steady hit rate (SOAK_WARMUP_S). */
  warmUpS: number;
  /** Length of the closed-loop measurement of the maximum (SOAK_PROBE_S). */
  probeS: number;
  /** Fraction of the measured maximum held during the soak (SOAK_LOAD, default 0.7). */
  loadFraction: number;
  /** Distinct workers the traffic is drawn from (SOAK_WORKERS; BENCH_MIXED_WORKERS otherwise). */
  workers: number;
  resultsDir: string;
}

export function readSoakOptions(env: NodeJS.ProcessEnv = process.env, bench = readBenchOptions(env)): SoakOptions {
  const loadFraction = positive(env, 'SOAK_LOAD', 0.7);
  if (loadFraction > 1) throw new Error(`SOAK_LOAD: expected a fraction of the maximum (0 < x ≤ 1), got ${loadFraction}`);
  return {
    minutes: positive(env, 'SOAK_MINUTES', 30),
    sampleS: Math.round(positive(env, 'SOAK_SAMPLE_S', 10)),
    warmUpS: Math.round(positive(env, 'SOAK_WARMUP_S', 30)),
    probeS: Math.round(positive(env, 'SOAK_PROBE_S', 30)),
    loadFraction,
    workers: Math.round(positive(env, 'SOAK_WORKERS', bench.mixedWorkers)),
    resultsDir: env.SOAK_RESULTS_DIR || new URL('./results/soak/', import.meta.url).pathname,
  };
}
