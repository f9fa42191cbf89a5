// Statistics over an index of at least a million records (issue 13): permit statistics grouped by
// two dimensions, answered the way the regional subgraph answers them (every country's grouped
// counts from its own index, merged, then suppressed), on PostgreSQL and on the embedded PGlite.
//   npm run bench:statistics                         # SIM_SCALE=400: about 1.02M records region-wide
//   BENCH_STATISTICS_SCALE=40 npm run bench:statistics # a quicker run
// The index is filled directly, not synced at the registries' published rates (bench:index
// measures that): each record of the scaled population becomes the facts sync would write, through
// its registry's own native record writer (the simulator's `atScale`) and the country's adapter
// (`factsOf` of the contract record); a registry that could not draw records at scale would be
// filled from the population's holdings instead (none today). The HTTP hops gateway → regional → country are not in the timings.
// Cold: every country's counts cache and the regional suppression cache empty (the database's own
// buffers stay as the fill left them); warm: the same question again.
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLResolveInfo } from 'graphql';
import { countryEntries, loadCountry } from '../subgraphs/countries.js';
import { loadSimulators } from '../sandbox/countrySimulators.js';
import { defaultPopulation, SIMULATION_TODAY, type Holding, type Person } from '../sandbox/population/population.js';
import { sharedScaledPopulation } from '../sandbox/simulator/scaledRecordStore.js';
import { completeRecord } from '../subgraphs/kit/records.js';
import { factsOf, type RecordFacts } from '../subgraphs/kit/index/facts.js';
import { IndexStore, indexSchemaName } from '../subgraphs/kit/index/indexStore.js';
import { countryIndex, type CountryIndex } from '../subgraphs/kit/index/countryIndex.js';
import { IdentityDigest } from '../subgraphs/kit/index/identityDigest.js';
import type { CountDimension } from '../subgraphs/kit/index/recordCounts.js';
import { openDatabase, type SqlDatabase } from '../platform/sql/database.js';
import { scratchDatabase } from './measure/scratchDatabase.js';
import { RantauError } from '../schema/errors/index.js';
import { PERMIT_DIMENSIONS, answer, forgetDecisions, type Question, type StatisticsContext } from '../subgraphs/regional/statistics/resolver.js';

const SCALE = Number(process.env.BENCH_STATISTICS_SCALE ?? 400);
const COLD_RUNS = 7;
const WARM_RUNS = 30;
const CHUNK = 20_000;
const TARGET_WARM_MS = 100;
const TARGET_COLD_MS = 500;

interface CountryRegistries { code: string; permit: string; cert: string }

const QUESTIONS: Array<{ name: string; question: Question }> = [
  { name: 'permits by nationality and class, active on a day', question: { kind: 'PERMIT', groupBy: [PERMIT_DIMENSIONS.NATIONALITY, PERMIT_DIMENSIONS.PERMIT_CLASS], selections: new Map(), activeOn: SIMULATION_TODAY } },
  { name: 'permits by host and nationality', question: { kind: 'PERMIT', groupBy: [PERMIT_DIMENSIONS.HOST_COUNTRY, PERMIT_DIMENSIONS.NATIONALITY], selections: new Map() } },
];

const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (n: number) => Math.round(n * 10) / 10;

/** Every record of the scaled population as the facts the index keeps, per country. */
async function factsByCountry(): Promise<{ facts: Map<string, RecordFacts[]>; registries: CountryRegistries[]; drawnS: number; directly: string[] }> {
  const started = Date.now();
  const population = sharedScaledPopulation(defaultPopulation().seed, SCALE);
  const registries: CountryRegistries[] = [];
  // Per country and kind: the native writer and adapter where the registry can draw records at scale.
  const writers = new Map<string, (person: Person, holding: Holding) => RecordFacts | null>();
  const client = { error: (message: string) => new Error(message) } as never;
  for (const { code } of countryEntries) {
    const { country } = await loadCountry(code);
    registries.push({ code, permit: country.permits.adapter.profile.key, cert: country.certifications.adapter.profile.key });
    for (const simulator of await loadSimulators(code)) {
      const atScale = simulator.atScale;
      if (!atScale) continue;
      const binding = [country.certifications, country.permits].find((b) => b.adapter.profile.key === simulator.profile.key)!;
      const origin = { country: code, registry: binding.adapter.profile.key, typename: 'Bench' };
      writers.set(`${code}:${atScale.kind}`, (person, holding) => {
        const native = atScale.recordFor(person, holding);
        if (native === null) return null;
        const read = binding.adapter.read(native as never, client);
        const fields = (Array.isArray(read) ? read[0] : read) as never;
        return factsOf(completeRecord(origin, atScale.kind, fields));
      });
    }
  }
  const byKey = new Map(registries.map((r) => [r.code, r]));
  const directly = new Set<string>();
  const facts = new Map<string, RecordFacts[]>(registries.map((r) => [r.code, []]));
  // Registries that cannot draw records at scale: the facts straight from the holding.
  const direct = (person: Person, holding: Holding): RecordFacts => {
    const registry = byKey.get(holding.country)!;
    const common = { nativeId: `${holding.kind}-${holding.seq}`, country: holding.country, holderNationality: person.nationality, nativeStatus: null, isco: holding.occupation.isco, qualificationCode: null };
    return holding.kind === 'PERMIT'
      ? { ...common, registry: registry.permit, kind: 'PERMIT', status: holding.status, nativeType: holding.permitClass, permitClass: holding.permitClass, nationalLevel: null, aqrfLevel: null, aqrfBasis: null, issuedOn: null, validFrom: holding.validFrom, validUntil: holding.validUntil, sector: holding.occupation.sector, qualificationTitle: null }
      : { ...common, registry: registry.cert, kind: 'CERT', status: holding.status, nativeType: null, permitClass: null, nationalLevel: String(holding.level), aqrfLevel: null, aqrfBasis: 'NOT_REFERENCED', issuedOn: holding.issuedOn, validFrom: null, validUntil: null, sector: null, qualificationTitle: holding.occupation.en };
  };
  for (let pid = 1; pid <= population.size; pid++) {
    const person = population.person(pid);
    for (const holding of person.holdings) {
      if (!byKey.has(holding.country)) continue;
      const key = `${holding.country}:${holding.kind}`;
      const writer = directly.has(key) ? undefined : writers.get(key);
      let fact: RecordFacts | null = null;
      if (writer) {
        try {
          fact = writer(person, holding);
        } catch {
          // An adapter that reads more than the simulator's record (Laos MLSW reads an extract row
          // with its extract's stamp): that registry is filled from the holdings, and the result says so.
          directly.add(key);
        }
      } else directly.add(key);
      if (directly.has(key)) fact = direct(person, holding);
      if (fact) facts.get(holding.country)!.push(fact);
    }
  }
  return { facts, registries, drawnS: round((Date.now() - started) / 1000), directly: [...directly].sort() };
}

async function fill(db: SqlDatabase, facts: Map<string, RecordFacts[]>, registries: CountryRegistries[], digest: IdentityDigest): Promise<Map<string, IndexStore>> {
  const stores = new Map<string, IndexStore>();
  const now = new Date().toISOString();
  for (const { code, permit, cert } of registries) {
    const store = await IndexStore.open(db, code, digest);
    stores.set(code, store);
    const schema = indexSchemaName(code);
    const rows = facts.get(code)!;
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      const column = <T>(read: (f: RecordFacts) => T) => chunk.map(read);
      await db.query(
        `INSERT INTO ${schema}.records (registry, native_id, kind, country, changed_at, indexed_at, pass, fingerprint, holder_nationality, status, native_status, native_type, permit_class,
           national_level, aqrf_level, aqrf_basis, isco, issued_on, valid_from, valid_until, sector, qualification_code, qualification_title)
         SELECT u.registry, u.native_id, u.kind, u.country, $1, $1, 1, 'bench', u.holder_nationality, u.status, u.native_status, u.native_type, u.permit_class,
           u.national_level, u.aqrf_level, u.aqrf_basis, u.isco, u.issued_on, u.valid_from, u.valid_until, u.sector, u.qualification_code, u.qualification_title
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[],
           $15::date[], $16::date[], $17::date[], $18::text[], $19::text[], $20::text[])
           AS u(registry, native_id, kind, country, holder_nationality, status, native_status, native_type, permit_class, national_level, aqrf_level, aqrf_basis, isco,
             issued_on, valid_from, valid_until, sector, qualification_code, qualification_title)
         ON CONFLICT DO NOTHING`,
        [now, column((f) => f.registry), column((f) => f.nativeId), column((f) => f.kind), column((f) => f.country), column((f) => f.holderNationality), column((f) => f.status),
          column((f) => f.nativeStatus), column((f) => f.nativeType), column((f) => f.permitClass), column((f) => f.nationalLevel), column((f) => f.aqrfLevel), column((f) => f.aqrfBasis),
          column((f) => f.isco), column((f) => f.issuedOn), column((f) => f.validFrom), column((f) => f.validUntil), column((f) => f.sector), column((f) => f.qualificationCode), column((f) => f.qualificationTitle)],
      );
    }
    for (const registry of [permit, cert]) {
      await db.query(`INSERT INTO ${schema}.sync_state (registry, pass, synced_at, complete_since) VALUES ($1, 1, $2, $2) ON CONFLICT (registry) DO UPDATE SET synced_at = EXCLUDED.synced_at`, [registry, now]);
    }
  }
  await db.query('ANALYZE');
  return stores;
}

function contextOver(indexes: Map<string, CountryIndex>): StatisticsContext {
  return {
    suppressionThreshold: 10,
    partialErrors: { report: (error) => { throw error; } },
    cacheHint: { restrict: () => undefined },
    locators: new Map([...indexes].map(([code, index]) => [code, {
      recordCounts: async (kind: 'PERMIT' | 'CERT', groupBy: readonly string[], filter: { activeOn?: string | null; issuedFrom?: string | null; issuedTo?: string | null }) => {
        const counts = await index.recordCounts(groupBy as CountDimension[], { kind, ...filter });
        if (counts === null) throw new RantauError('INDEX_UNAVAILABLE', `${code} has no index`, { country: code });
        return counts;
      },
    }])),
  };
}

async function measure(backend: string, db: SqlDatabase, facts: Map<string, RecordFacts[]>, registries: CountryRegistries[]) {
  const digest = new IdentityDigest('bench-statistics');
  const filling = Date.now();
  const stores = await fill(db, facts, registries, digest);
  const fillS = round((Date.now() - filling) / 1000);
  const indexes = () => new Map(registries.map((r) => [r.code, countryIndex(stores.get(r.code)!, digest, { freshnessS: 3600, indexedRegistries: [r.permit, r.cert], certificationRegistry: r.cert, permitRegistry: r.permit })]));
  const info = { path: { key: 'permitStatistics', prev: undefined, typename: 'Query' } } as unknown as GraphQLResolveInfo;
  const questions = [];
  for (const { name, question } of QUESTIONS) {
    const cold: number[] = [];
    let cells = 0;
    for (let i = 0; i < COLD_RUNS; i++) {
      forgetDecisions();
      const context = contextOver(indexes());
      const started = performance.now();
      cells = (await answer(question, context, info)).cells.length;
      cold.push(performance.now() - started);
    }
    const context = contextOver(indexes());
    await answer(question, context, info);
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const started = performance.now();
      await answer(question, context, info);
      warm.push(performance.now() - started);
    }
    questions.push({ name, cells, coldP50Ms: round(p50(cold)), warmP50Ms: round(p50(warm)), coldRuns: COLD_RUNS, warmRuns: WARM_RUNS });
    console.log(`${backend}: ${name}: cold p50 ${round(p50(cold))} ms, warm p50 ${round(p50(warm))} ms (${cells} cells)`);
  }
  return { fillS, questions };
}

async function main(): Promise<void> {
  console.log(`drawing the population at scale ${SCALE} …`);
  const { facts, registries, drawnS, directly } = await factsByCountry();
  const records = [...facts.values()].reduce((sum, list) => sum + list.length, 0);
  const permits = [...facts.values()].reduce((sum, list) => sum + list.filter((f) => f.kind === 'PERMIT').length, 0);
  console.log(`${records} records (${permits} permits) drawn in ${drawnS} s`);
  const backends: Record<string, Awaited<ReturnType<typeof measure>>> = {};

  const scratch = await scratchDatabase('rantau_bench_statistics');
  const postgres = await openDatabase(scratch.url);
  try {
    backends.postgresql = await measure('PostgreSQL', postgres, facts, registries);
  } finally {
    await postgres.close();
    await scratch.drop();
  }

  const folder = mkdtempSync(join(tmpdir(), 'rantau-bench-statistics-'));
  const pglite = await openDatabase(folder);
  try {
    backends.pglite = await measure('PGlite', pglite, facts, registries);
  } finally {
    await pglite.close();
    rmSync(folder, { recursive: true, force: true });
  }

  const targets = Object.entries(backends).flatMap(([backend, result]) => result.questions.flatMap((q) => [
    `${q.warmP50Ms < TARGET_WARM_MS ? 'PASS' : 'FAIL'}  ${backend}: ${q.name}, warm p50 < ${TARGET_WARM_MS} ms: ${q.warmP50Ms} ms`,
    `${q.coldP50Ms < TARGET_COLD_MS ? 'PASS' : 'FAIL'}  ${backend}: ${q.name}, cold p50 < ${TARGET_COLD_MS} ms: ${q.coldP50Ms} ms`,
  ]));
  const result = {
    scale: SCALE,
    records,
    permits,
    filledBy: `the scaled population written straight into each country index (not synced at published rates), through each registry's native record writer and adapter (factsOf)${directly.length > 0 ? `, except ${directly.join(', ')} (from the population's holdings)` : ''}`,
    excludes: 'the HTTP hops gateway → regional → country (each a few ms)',
    drawnS,
    backends,
    targets,
  };
  for (const line of targets) console.log(line);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/statistics.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('written to bench/results/statistics.json');
}

main().then(() => process.exit(0), (error) => {
  console.error(error);
  process.exit(1);
});
