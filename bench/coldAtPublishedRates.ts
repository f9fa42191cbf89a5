// Cold look-ups for the whole region at the registries' published rate limits (×1), the country
// index on — the scenario issue 12 is judged by:
//   - cold single-worker look-ups through the gateway, each worker asked once (every cache cold),
//     by BENCH_COLD_CLIENTS clients at once: look-ups a second, latency, registry calls per look-up,
//     and which registries answered REGISTRY_RATE_LIMITED;
//   - one cold `workers(identities:)` with 100 workers never asked before: time, workers found,
//     countries that failed.
// Every registry at its published rate and latency, faults off (SIM_FAULTS=0) so that failures are
// the rate's, not injected. The index is synchronised first (in memory, the sandbox population),
// then the stack is asked as a client would: bearer token, purpose, over HTTP.
//   npm run bench:cold                         → bench/results/cold-published-rates.json
import 'reflect-metadata';
import { writeFileSync, mkdirSync } from 'node:fs';
import { startStack } from '../bin/stack.js';
import { readConfig } from '../platform/config.js';
import { DevIssuer } from '../platform/trust/devIssuer.js';
import { defaultPopulation, type Person } from '../sandbox/population/population.js';
import type { CountryIndexPlugin } from '../subgraphs/kit/plugins/index.js';
import { operatorHeaders } from '../sandbox/simulator/operatorCredential.js';

const CLIENTS = Number(process.env.BENCH_COLD_CLIENTS ?? 25);
const SINGLES = Number(process.env.BENCH_COLD_LOOKUPS ?? 200);
const HUNDRED = 100;
const OUT = 'bench/results/cold-published-rates.json';

const WORKER = 'query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { id countries certifications { id } permits { id } } }';
const WORKERS = 'query W($ids: [WorkerIdentityInput!]!) { workers(identities: $ids) { id countries certifications { id } permits { id } } }';

interface GraphQLAnswer { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }

/** Adds an answer's errors to `counts`, keyed `<country>/<registry> <code>`. */
function countErrors(errors: GraphQLAnswer['errors'], counts: Map<string, number>): Map<string, number> {
  for (const error of errors ?? []) {
    const key = `${error.extensions?.country ?? '?'}/${error.extensions?.registry ?? '-'} ${error.extensions?.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function main(): Promise<void> {
  process.env.SIM_FAULTS = '0';
  const config = readConfig({ ...process.env, INDEX: 'on', INDEX_DATABASE_URL: 'memory://', AUDIT_DATA_DIR: 'memory://', AUDIT_HMAC_KEY: 'bench-cold', INDEX_HMAC_KEY: 'bench-cold', INDEX_SYNC_INTERVAL_MS: '60000' });
  const devIssuer = await DevIssuer.inMemory();
  const stack = await startStack({ ports: 'ephemeral', config, devIssuer });
  try {
    // Every country's index through its first full pass (Laos NVQF has no bulk interface: searched live).
    const started = Date.now();
    for (const [code, country] of stack.countries) {
      const index = country.plugins.find((plugin) => plugin.name === 'country-index') as CountryIndexPlugin | undefined;
      if (!index) throw new Error(`${code}: no country index in the stack`);
      await index.ready;
      while ([...(await index.index.status()).values()].some((status) => !status.fresh)) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const syncS = (Date.now() - started) / 1000;
    console.log(`[cold] every index synchronised in ${syncS.toFixed(1)} s`);

    const token = await devIssuer.issue({ role: 'case-officer', memberState: 'IDN', officer: 'bench' });
    const ask = async (query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> => {
      const response = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'rantau-purpose': 'PERMIT_APPLICATION' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as GraphQLAnswer;
    };
    const registryCalls = async (): Promise<number> => {
      let total = 0;
      for (const simulator of stack.simulators.values()) {
        const stats = (await (await fetch(`${simulator.url}/__sim/stats`, { headers: operatorHeaders(stack.operatorToken) })).json()) as { routes: Record<string, number> };
        total += Object.values(stats.routes).reduce((sum, n) => sum + n, 0);
      }
      return total;
    };

    // Workers who hold records somewhere, each asked once: the first SINGLES for single look-ups, the next 100 for workers(100).
    // Held abroad: a permit, or a certificate earned outside the home country (at home a registry may
    // know its own national by national identity number only, which a passport look-up does not name).
    const abroad = (person: Person) => person.holdings.filter((h) => h.kind === 'PERMIT' || !h.home);
    const people = defaultPopulation().people.filter((p): p is Person & { passportNo: string } => p.passportNo !== null && abroad(p).length > 0);
    if (people.length < SINGLES + HUNDRED) throw new Error(`the population holds ${people.length} workers with records, fewer than ${SINGLES + HUNDRED}`);
    const singles = people.slice(0, SINGLES);
    const hundred = people.slice(SINGLES, SINGLES + HUNDRED);
    const expectedCountries = (person: Person) => [...new Set(abroad(person).map((h) => h.country))].sort();
    // A country whose sharing policy does not let this caller locate anyone (POLICY_WITHHELD) is excused: it answered as its owner decided.
    const withheld = (errors: GraphQLAnswer['errors'], index?: number) =>
      new Set((errors ?? []).filter((e) => e.extensions?.code === 'POLICY_WITHHELD' && (index === undefined || (e as { path?: unknown[] }).path?.[1] === index)).map((e) => String(e.extensions?.country)));
    const answeredAll = (person: Person, countries: string[], excused: Set<string>) => expectedCountries(person).every((c) => countries.includes(c) || excused.has(c));

    // Cold single look-ups.
    const before = await registryCalls();
    const latencies: number[] = [];
    const failedRegistries = new Map<string, number>();
    let found = 0;
    let complete = 0;
    const singleStart = Date.now();
    await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = client; i < singles.length; i += CLIENTS) {
        const person = singles[i];
        const askedAt = Date.now();
        const answer = await ask(WORKER, { n: person.nationality, d: person.passportNo, b: person.dateOfBirth });
        latencies.push(Date.now() - askedAt);
        const worker = answer.data?.worker as { countries: string[] } | null | undefined;
        if (worker) found += 1;
        if (worker && answeredAll(person, worker.countries, withheld(answer.errors))) complete += 1;
        countErrors(answer.errors, failedRegistries);
      }
    }));
    const singleS = (Date.now() - singleStart) / 1000;
    const singleCalls = (await registryCalls()) - before;
    latencies.sort((a, b) => a - b);

    // One cold workers(100).
    const beforeHundred = await registryCalls();
    const hundredStart = Date.now();
    const answer = await ask(WORKERS, { ids: hundred.map((p) => ({ nationality: p.nationality, documentNumber: p.passportNo, dateOfBirth: p.dateOfBirth })) });
    const hundredS = (Date.now() - hundredStart) / 1000;
    const hundredCalls = (await registryCalls()) - beforeHundred;
    const workers = (answer.data?.workers as Array<{ countries: string[] } | null> | undefined) ?? [];
    const hundredFound = workers.filter(Boolean).length;
    const hundredComplete = workers.filter((w, i) => w && answeredAll(hundred[i], w.countries, withheld(answer.errors, i))).length;
    const hundredErrors = countErrors(answer.errors, new Map());

    const single = {
      lookups: singles.length,
      clients: CLIENTS,
      perSecond: Number((singles.length / singleS).toFixed(1)),
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      found,
      foundInEveryCountryHeld: complete,
      registryCallsPerLookup: Number((singleCalls / singles.length).toFixed(2)),
      errors: Object.fromEntries([...failedRegistries].sort()),
    };
    const workers100 = {
      seconds: Number(hundredS.toFixed(2)),
      found: hundredFound,
      foundInEveryCountryHeld: hundredComplete,
      registryCalls: hundredCalls,
      errors: Object.fromEntries([...hundredErrors].sort()),
    };
    const line = (pass: boolean, text: string) => `${pass ? 'PASS' : 'FAIL'}  ${text}`;
    const result = {
      at: new Date().toISOString(),
      settings: { rateScale: 1, faults: 'off', latency: 'as published', index: 'memory (PGlite), synchronised first', population: 'sandbox default (SIM_SCALE=1)', caller: 'IDN case officer, PERMIT_APPLICATION' },
      indexSyncS: Number(syncS.toFixed(1)),
      single,
      workers100,
      targets: [
        line(single.perSecond >= 25, `cold single-worker look-ups >= 25/s at published rates, region-wide: ${single.perSecond}/s (p50 ${single.p50Ms} ms, ${CLIENTS} clients)`),
        line(workers100.seconds < 5 && workers100.found === HUNDRED, `cold workers(100) under 5 s with every worker found: ${workers100.seconds} s, ${workers100.found}/${HUNDRED} found`),
        line(workers100.foundInEveryCountryHeld === HUNDRED, `cold workers(100): every country each worker holds records in answered (or withheld by its policy): ${workers100.foundInEveryCountryHeld}/${HUNDRED}`),
        `INFO  registry calls per cold look-up: ${single.registryCallsPerLookup} (22 registries; a worker holds records in 2–3)`,
      ],
    };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await stack.close();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
