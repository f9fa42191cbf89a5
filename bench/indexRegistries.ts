// The registries of the index benchmark (bench/indexSync.ts), in a process of their own so that the
// memory measured is the syncing subgraphs' alone: every simulator of the countries named, serving
// the scaled population (SIM_SCALE, one numbering pass shared by all of them), with the published
// latency, no injected faults, and the published rate limits times BENCH_INDEX_RATE_SCALE, the
// latency divided by it (time runs that much faster: a registry answering page after page keeps
// up with its allotted rate as it does at ×1). Prints one JSON line with each registry's URL and
// size, then serves until the parent goes away.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadSimulators } from '../sandbox/countrySimulators.js';
import { startSimulator, type RunningSimulator } from '../sandbox/simulator/simulator.js';

export interface IndexRegistry {
  country: string;
  key: string;
  url: string;
  /** Places in the registry (records and holders it could not record), as its listing counts them. */
  size: number;
}

const countries = (process.env.BENCH_INDEX_COUNTRIES ?? '').split(',').filter((code) => code !== '');
const rateScale = Number(process.env.BENCH_INDEX_RATE_SCALE ?? 1);
const operatorToken = randomBytes(24).toString('base64url');
const started: RunningSimulator[] = [];
for (const code of countries) {
  for (const definition of await loadSimulators(code)) {
    const { profile, behaviour } = definition;
    started.push(await startSimulator(definition, { port: 0, host: '127.0.0.1', operatorToken, config: { latencyMs: [behaviour.latencyMs[0] / rateScale, behaviour.latencyMs[1] / rateScale], ratePerSecond: profile.ratePerSecond * rateScale, faultRate: 0, hangRate: 0 } }));
  }
}
const registries: IndexRegistry[] = started.map((s) => ({ country: s.country, key: s.key, url: s.url, size: s.store.size() }));
process.stdout.write(`${JSON.stringify({ registries, operatorToken })}\n`);
// The parent's end is ours too: an interrupted benchmark leaves no registry behind.
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
