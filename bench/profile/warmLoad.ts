import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startStack } from '../../bin/stack.js';
import { readConfig } from '../../platform/config.js';
import { configureLogs } from '../../platform/logger.js';
import { DevIssuer } from '../../platform/trust/devIssuer.js';

/**
 * `npx tsx bench/profile/warmLoad.ts [label]`: the gateway's hot path under warm load, profiled.
 * Starts the embedded stack as `npm start` does (in-memory caches, every registry at its published
 * rate), answers the README's sample query once so every cache holds it, then lets autocannon (in
 * a process of its own, so its work is not in the profile) send it for PROFILE_DURATION_S (10)
 * over PROFILE_CONNECTIONS (10) while V8's CPU profiler (the one `node --cpu-prof` runs) samples
 * this process. Writes bench/profile/<label>.cpuprofile and <label>.load.json; the flame graph
 * is drawn from it by bench/profile/flameGraph.ts. Indicative only: one shared machine, one run.
 */
const label = process.argv[2] ?? 'warm';
const durationS = Number(process.env.PROFILE_DURATION_S ?? 10);
const connections = Number(process.env.PROFILE_CONNECTIONS ?? 10);
const out = join(import.meta.dirname);
mkdirSync(out, { recursive: true });

// The README's sample query ("Query it"), as the development case officer asks it.
const QUERY = `query {
  worker(nationality: "MMR", documentNumber: "MA660928", dateOfBirth: "1982-10-11") {
    id
    countries
    certifications { id country title status nativeStatus aqrfLevel aqrfBasis }
    permits { id country permitClass nativeType status validFrom validUntil employer { name } ... on MysWorkPermit { passType sector } }
  }
}`;

// Registries without injected faults: an answer with an error is never cached, and the measurement
// is of the warm path, not of how often a simulated registry fails.
process.env.SIM_FAULTS ??= '0';
configureLogs({ level: 'warn' });
// As the benchmark runs it: no per-caller limits (one client sends everything), no country index
// syncing in the background (the warm answer never reaches a registry).
const config = readConfig({ RATE_LIMIT_REQUESTS: '0', REGISTRY_CALL_QUOTA: '0', INDEX: 'off', ...process.env, REDIS_URL: '' });
const devIssuer = await DevIssuer.inMemory();
const stack = await startStack({ ports: 'ephemeral', config, devIssuer });
const token = await devIssuer.issue({ role: 'case-officer', memberState: 'IDN', officer: 'officer-1' });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'rantau-purpose': 'PERMIT_APPLICATION' };
const body = JSON.stringify({ query: QUERY });
const url = `${stack.gateway.url}/graphql`;

const firstResponse = await fetch(url, { method: 'POST', headers, body });
const cacheControl = firstResponse.headers.get('cache-control');
const first = await firstResponse.text();
for (let i = 0; i < 200; i++) await (await fetch(url, { method: 'POST', headers, body })).text();
if (first.includes('"errors"')) console.warn(`the sample query answered with errors: ${first.slice(0, 300)}`);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const cpuBefore = process.cpuUsage();
const autocannon = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
const args = [autocannon, '-c', String(connections), '-d', String(durationS), '-m', 'POST', '-b', body, '--json'];
for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
const report = await new Promise<string>((resolve, reject) => {
  const child = spawn(process.execPath, [...args, url], { stdio: ['ignore', 'pipe', 'ignore'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk));
  child.on('error', reject);
  child.on('close', () => resolve(text));
});
const cpu = process.cpuUsage(cpuBefore);
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const load = JSON.parse(report) as { requests: { average: number; total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
// CPU time this process spent per answer: steadier than requests per second on a shared machine.
const cpuMsPerRequest = (cpu.user + cpu.system) / 1000 / Math.max(1, load.requests.total);
const summary = { label, at: new Date().toISOString(), fastPath: config.cache.fastPath, durationS, connections, requestsPerSecond: load.requests.average, total: load.requests.total, cpuMsPerRequest: Number(cpuMsPerRequest.toFixed(4)), p50Ms: load.latency.p50, p99Ms: load.latency.p99, cacheControl, non2xx: load.non2xx, errors: load.errors, answerBytes: first.length };
writeFileSync(join(out, `${label}.cpuprofile`), JSON.stringify(profile));
writeFileSync(join(out, `${label}.load.json`), JSON.stringify(summary, null, 2) + '\n');
console.log(JSON.stringify(summary));
await stack.close();
process.exit(0);
