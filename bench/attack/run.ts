import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startChild, stopAllChildren, killAllChildrenNow } from '../processes/child.js';
import type { StackReady } from '../roles/stack.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { countryCodes } from '../../subgraphs/countries.js';

/**
 * `npm run attack`: the attacks of issue 8, replayed against the embedded stack (`npm start`'s one
 * process, registries at their published rates and latency, faults off) started as a child
 * process. Prints what each attack did: statuses, timings, the stack's memory, /metrics size.
 * Per-caller rate limits and quotas are off in the stack (RATE_LIMIT_REQUESTS=0,
 * REGISTRY_CALL_QUOTA=0) so that every other defence is measured on its own; they are tested in
 * test/e2e/security.e2e.test.ts. ATTACK_FLOOD_S shortens the 25-second floods. A full run is
 * written to bench/results/attack.json.
 */
const FLOOD_S = Number(process.env.ATTACK_FLOOD_S ?? 25);
const population = defaultPopulation();

interface Timed {
  status: number;
  ms: number;
  text: string;
}

let gateway = '';

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(`${gateway}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, text };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, text: String(error) };
  }
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (n: number) => Math.round(n * 10) / 10;
const count = (statuses: number[]) => Object.fromEntries([...new Set(statuses)].sort().map((s) => [s, statuses.filter((x) => x === s).length]));
const errorsOf = (answer: Timed) => {
  try {
    return (JSON.parse(answer.text) as { errors?: unknown[] }).errors?.length ?? 0;
  } catch {
    return 1;
  }
};

/** Runs `send` from `concurrency` loops until `seconds` have passed. */
async function loop(seconds: number, concurrency: number, send: (i: number) => Promise<void>): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let sent = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) await send(sent++);
  }));
  return sent;
}

const workers = sampleCandidates(population, countryCodes(), 60, 1);
const WORKER_QUERY = 'query Look($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { id countries certifications { id } permits { id } } }';
const lookUp = (i: number, token = 'normal-user') => {
  const w = workers[i % workers.length];
  return post({ query: WORKER_QUERY, variables: { n: w.nationality, d: w.documentNumber, b: w.dateOfBirth } }, { authorization: `Bearer ${token}` });
};

/** Resident memory of a process now (VmRSS), in MiB. */
function rssMiB(pid: number): number | null {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

async function operationNameFlood(stackPid: { pid: number; resetPeak(): boolean; peakRssMiB(): number | null }, nameChars: number, seconds: number) {
  stackPid.resetPeak();
  // Every 5 s: whether memory levels off (bounded caches, garbage not yet collected) or keeps growing.
  const rssEvery5s: Array<number | null> = [];
  const sampler = setInterval(() => rssEvery5s.push(rssMiB(stackPid.pid)), 5000);
  const statuses: number[] = [];
  const probes: Timed[] = [];
  let probing = true;
  const probe = (async () => {
    for (let i = 0; probing; i++) {
      probes.push(await lookUp(i));
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  const padding = 'x'.repeat(nameChars);
  const sent = await loop(seconds, 16, async (i) => {
    statuses.push((await post({ query: `query N${i}_${padding} { __typename }` })).status);
  });
  probing = false;
  clearInterval(sampler);
  await probe;
  const metrics = await (await fetch(`${gateway}/metrics`)).text();
  return {
    attack: `distinct ${Math.round(nameChars / 1000)} KB operation names for ${seconds} s`,
    sent,
    statuses: count(statuses),
    stackPeakRssMiB: stackPid.peakRssMiB(),
    stackRssEvery5sMiB: rssEvery5s,
    metricsKiB: round(metrics.length / 1024),
    operationLabels: new Set([...metrics.matchAll(/rantau_graphql_requests_total\{operation="([^"]*)"/g)].map((m) => m[1])).size,
    probes: { answered: probes.filter((p) => p.status === 200 && errorsOf(p) === 0).length, of: probes.length, maxMs: round(Math.max(...probes.map((p) => p.ms))) },
  };
}

/** 1,000 aliased `worker` fields; `compact` fits under the document-size limit, so the parser's and validation's limits refuse it. */
async function aliasedWorkers(compact: boolean) {
  const aliases = Array.from({ length: 1000 }, (_, i) => (compact ? `w${i}:worker(nationality:"IDN",documentNumber:"C${i}"){id}` : `w${i}: worker(nationality: "IDN", documentNumber: "C${4_000_000 + i}") { id }`)).join(compact ? ' ' : ' ');
  const hostile = { query: `{${aliases}}` };
  for (let i = 0; i < workers.length; i++) await lookUp(i); // warm: the normal query's own caches
  const normal = async (seconds: number) => {
    const ms: number[] = [];
    await loop(seconds, 1, async (i) => void ms.push((await lookUp(i)).ms));
    return ms;
  };
  const baseline = await normal(8);
  const refusals: Timed[] = [];
  let attacking = true;
  const attack = (async () => {
    await Promise.all(Array.from({ length: 2 }, async () => {
      while (attacking) refusals.push(await post(hostile, { authorization: 'Bearer attacker' }));
    }));
  })();
  const during = await normal(8);
  attacking = false;
  await attack;
  const codes = [...new Set(refusals.map((r) => (JSON.parse(r.text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code ?? 'none'))];
  return {
    attack: `1,000 aliased worker fields (${compact ? 'compact, under the size limit' : 'spaced'}) in a loop (2 senders), one normal look-up at a time beside them`,
    documentKiB: round(hostile.query.length / 1024),
    refusals: { sent: refusals.length, statuses: count(refusals.map((r) => r.status)), codes, p50Ms: round(percentile(refusals.map((r) => r.ms), 50)), p99Ms: round(percentile(refusals.map((r) => r.ms), 99)), maxMs: round(Math.max(...refusals.map((r) => r.ms))) },
    normalQuery: { baselineP99Ms: round(percentile(baseline, 99)), duringP99Ms: round(percentile(during, 99)), p99RiseMs: round(percentile(during, 99) - percentile(baseline, 99)), baselineN: baseline.length, duringN: during.length },
  };
}

async function nodesBurst() {
  const kynang = (await loadSimulators('VNM')).find((s) => s.profile.key === 'kynang')!;
  const real = kynang.records(population).map((r) => `VNM:CERT:${kynang.idOf(r as never)}`);
  // Well-formed numbers the registry does not hold cost one call each, like real ones.
  const burstIds = Array.from({ length: 500 }, (_, i) => `VNM:CERT:KNQG-2019-HN-${String(800_000 + i)}`);
  const started = performance.now();
  const burst = post({ query: 'query Burst($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: burstIds } }, { authorization: 'Bearer burst' });
  await new Promise((r) => setTimeout(r, 300));
  const others: Timed[] = [];
  for (const id of real.slice(0, 20)) others.push(await post({ query: 'query One($id: ID!) { node(id: $id) { id } }', variables: { id } }, { authorization: 'Bearer second-caller' }));
  const own = await burst;
  return {
    attack: '500-id nodes burst on Viet Nam (no batch endpoint: 500 calls at ~9/s) from one caller; 20 single look-ups by a second caller meanwhile',
    secondCaller: { lookUps: others.length, withErrors: others.filter((o) => o.status !== 200 || errorsOf(o) > 0).length, p50Ms: round(percentile(others.map((o) => o.ms), 50)), maxMs: round(Math.max(...others.map((o) => o.ms))) },
    burstCaller: { status: own.status, errors: errorsOf(own), ms: round(own.ms), startedBeforeSecondCallerMs: 300, totalMs: round(performance.now() - started) },
  };
}

async function aliasedFanOut() {
  const aliases = Array.from({ length: 100 }, (_, i) => `w${i}: worker(nationality: "IDN", documentNumber: "D${5_000_000 + i}") { id }`).join(' ');
  const attack = post({ query: `{ ${aliases} }` }, { authorization: 'Bearer fan-out' });
  await new Promise((r) => setTimeout(r, 300));
  const others = await Promise.all(Array.from({ length: 30 }, (_, i) => lookUp(i + 30, `user-${i}`)));
  const own = await attack;
  return {
    attack: '100 aliased worker fields (2,200 holder searches, within the budget) from one caller; 30 other callers look up one worker each meanwhile',
    otherCallers: { lookUps: others.length, failed: others.filter((o) => o.status !== 200 || errorsOf(o) > 0).length, p50Ms: round(percentile(others.map((o) => o.ms), 50)), maxMs: round(Math.max(...others.map((o) => o.ms))) },
    attacker: { status: own.status, errors: errorsOf(own), ms: round(own.ms) },
  };
}

async function leaks() {
  const echo = await post({ query: 'query($d: String!) { worker(nationality: "IDN", documentNumber: $d) { id } }', variables: { d: 'A'.repeat(900_000) } });
  const mutation = await post({ query: 'mutation { worker }' });
  const big = await post(JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(10_000_000) }));
  const suggestion = await post({ query: '{ workr { id } }' });
  const introspection = await post({ query: '{ __schema { types { name } } }' });
  const budget = await post({ query: `{ ${Array.from({ length: 150 }, (_, i) => `w${i}: worker(nationality: "IDN", documentNumber: "E${6_000_000 + i}") { id }`).join(' ')} }` });
  return {
    echoed900KBArgument: { status: echo.status, answerBytes: echo.text.length },
    postedMutation: { status: mutation.status },
    body10MB: { status: big.status, json: big.text.startsWith('{') },
    fieldSuggestion: { status: suggestion.status, suggests: /did you mean/i.test(suggestion.text) },
    introspection: { status: introspection.status, refused: introspection.text.includes('GRAPHQL_VALIDATION_FAILED') },
    aliased150Workers: { status: budget.status, answer: budget.text.slice(0, 200) },
  };
}

process.on('exit', killAllChildrenNow);
// ATTACK_STACK_HEAP_MB caps the stack's V8 heap: memory that is only garbage not yet collected stays under it; memory really kept crashes it.
const heapCap: Record<string, string> = process.env.ATTACK_STACK_HEAP_MB ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${process.env.ATTACK_STACK_HEAP_MB}`.trim() } : {};
const stack = await startChild<StackReady>('stack', 'stack', {}, { SIM_FAULTS: '0', RATE_LIMIT_REQUESTS: '0', REGISTRY_CALL_QUOTA: '0', REDIS_URL: '', ...heapCap });
gateway = stack.ready.gateway;
try {
  // ATTACK_ONLY=flood100KB,aliases1000 runs only those.
  const attacks: Record<string, () => Promise<unknown>> = {
    flood100KB: () => operationNameFlood(stack, 100_000, FLOOD_S),
    flood30KB: () => operationNameFlood(stack, 30_000, Math.min(FLOOD_S, 15)),
    aliases1000: () => aliasedWorkers(false),
    aliases1000Compact: () => aliasedWorkers(true),
    nodesBurst,
    fanOut100: aliasedFanOut,
    leaks,
  };
  const only = process.env.ATTACK_ONLY?.split(',');
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    stack: 'embedded stack, one process, registries at published rates and latency, faults off, in-process caches',
    // The machine's load when the attacks began: timings on a shared 2-core machine are only as quiet as it is.
    loadAverage: loadavg().map((n) => round(n)),
  };
  for (const [name, attack] of Object.entries(attacks)) if (!only || only.includes(name)) results[name] = await attack();
  console.log(JSON.stringify(results, null, 2));
  // The full run is kept beside the benchmark's results; a partial one (ATTACK_ONLY) only printed.
  if (!only) writeFileSync(new URL('../results/attack.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
} finally {
  await stopAllChildren();
}
