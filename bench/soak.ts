import 'reflect-metadata';
import { loadavg } from 'node:os';
import { readBenchOptions, readSoakOptions } from './options.js';
import { loadPopulation } from './workload/population.js';
import { SOAK_MIX, soakMix } from './workload/soakMix.js';
import { startRantauTopology } from './processes/topology.js';
import { BenchRun } from './processes/tearDown.js';
import { RegistryCalls } from './measure/registryCalls.js';
import { runLoad } from './measure/load.js';
import { assembleSoak, writeSoak, type SoakSample } from './report/soakReport.js';
import { fixed } from './report/tables.js';

/**
 * `npm run soak`: the registries, the cached subgraphs and the Rantau gateway as separate
 * processes (as `npm run bench` starts them), a realistic traffic mix warmed up, its maximum
 * measured closed-loop, then held at SOAK_LOAD (70 %) of that maximum for SOAK_MINUTES, sampled
 * every SOAK_SAMPLE_S: errors, latency, registry calls and each process's memory over time.
 * Writes bench/results/soak/ (soak.json, REPORT.md, latency/throughput/memory SVG charts).
 */
const bench = readBenchOptions();
const soak = readSoakOptions(process.env, bench);
const log = (line: string) => process.stderr.write(`${line}\n`);
const run = new BenchRun(bench.redisUrl, log);

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`Rantau soak: ${soak.minutes} min at ${Math.round(soak.loadFraction * 100)} % of the measured maximum, ${soak.sampleS} s samples, rate limits ×${bench.rateScale}`);
  const population = await loadPopulation();
  const nextBody = soakMix(population, soak.workers);
  const topology = (run.topology = await startRantauTopology(bench, log));
  const system = topology.systems[0];
  const endpoints = topology.registries.ready.registries;
  const calls = new RegistryCalls(endpoints, Math.min(...endpoints.map((e) => e.ratePerSecond)));

  log(`warming up for ${soak.warmUpS} s (untimed)…`);
  await runLoad({ url: system.url, headers: system.headers, durationS: soak.warmUpS, connections: bench.connections, nextBody });
  log(`measuring the maximum for ${soak.probeS} s…`);
  const maximum = await runLoad({ url: system.url, headers: system.headers, durationS: soak.probeS, connections: bench.connections, nextBody });
  const targetRps = Math.max(1, Math.round(maximum.rps * soak.loadFraction * 10) / 10);
  log(`maximum ${fixed(maximum.rps)} req/s (p99 ${fixed(maximum.p99Ms)} ms, ${maximum.errorResponses} with errors); holding ${fixed(targetRps)} req/s`);

  const processes = { gateway: system.gateway, subgraphs: system.subgraphs!.child, registries: topology.registries };
  const samples: SoakSample[] = [];
  await calls.reset();
  const start = Date.now();
  while (Date.now() - start < soak.minutes * 60_000) {
    // Enough connections that a slow answer never holds the pace back: the rate is the limit.
    const result = await runLoad({ url: system.url, headers: system.headers, durationS: soak.sampleS, connections: bench.connections * 2, nextBody, ratePerSecond: targetRps });
    const counts = await calls.read();
    await calls.reset();
    let rateLimited = 0;
    for (const count of counts.values()) rateLimited += count.rateLimited;
    const sample: SoakSample = {
      minute: Math.round(((Date.now() - start) / 60_000) * 100) / 100,
      requests: result.requests,
      rps: Math.round(result.rps * 10) / 10,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      errors: result.errorResponses,
      errorCodes: result.errorCodes,
      registryCalls: RegistryCalls.sum(counts),
      rateLimited,
      loadAverage: Math.round(loadavg()[0] * 100) / 100,
      rssMiB: { gateway: processes.gateway.rssMiB(), subgraphs: processes.subgraphs.rssMiB(), registries: processes.registries.rssMiB() },
    };
    samples.push(sample);
    log(`  ${fixed(sample.minute)} min: ${fixed(sample.rps)} req/s, p50 ${sample.p50Ms} ms, p99 ${sample.p99Ms} ms, ${sample.errors} errors${sample.errors > 0 ? ` ${JSON.stringify(sample.errorCodes)}` : ''}, ${sample.rateLimited} × 429, load ${sample.loadAverage}, RSS gateway ${sample.rssMiB.gateway} / subgraphs ${sample.rssMiB.subgraphs} / registries ${sample.rssMiB.registries} MiB`);
  }

  const results = assembleSoak({ startedAt, bench, soak, mix: SOAK_MIX, maximum, targetRps, samples });
  const written = writeSoak(soak.resultsDir, results);
  const t = results.totals;
  process.stdout.write(
    `\n${t.requests} requests, ${t.errors} with errors, ${t.rateLimited} registry 429s, median p50 ${fixed(t.medianP50Ms)} ms, worst p99 ${fixed(t.worstP99Ms)} ms\n` +
      `${results.memory.map((m) => `${m.process}: ${m.startMiB} → ${m.endMiB} MiB (${m.slopeMiBPerHour ?? '?'} MiB/h, ${m.flat ? 'flat' : 'NOT flat'})`).join('\n')}\n\n${written.join('\n')}\n`,
  );
}

run.run('soak', main);
