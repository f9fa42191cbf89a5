import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { countryEntries, loadCountry } from '../../subgraphs/countries.js';
import { profileOf } from '../../subgraphs/kit/country.js';
import type { CountryIndexPlugin } from '../../subgraphs/kit/plugins/index.js';
import { indexSchemaName } from '../../subgraphs/kit/index/indexStore.js';
import { openDatabase } from '../../platform/sql/database.js';
import { createTestDatabase, type TestDatabase } from '../support/postgresDatabase.js';
import type { TkaRecord } from '../../subgraphs/idn/tka.native.js';

// The country index end to end: Indonesia (both registries publish a bulk interface and a change
// feed) beside Laos (whose NVQF publishes none), through the gateway over real HTTP, the index in a
// PostgreSQL database of its own. The sync's background rounds are slow here (a minute), so the
// test decides when an incremental round runs.
const WORKER = `query($n: String!, $d: String!, $c: Consistency) {
  worker(nationality: $n, documentNumber: $d, consistency: $c) {
    countries
    certifications { id }
    permits { id }
    sources { country registry locatedBy indexedAt }
  }
}`;

interface Source { country: string; registry: string; locatedBy: 'INDEX' | 'LIVE_SEARCH'; indexedAt: string | null }
interface WorkerResult { worker: { countries: string[]; certifications: Array<{ id: string }>; permits: Array<{ id: string }>; sources: Source[] } | null }

const SEARCH_ROUTES = { 'IDN/bnsp': 'GET /sertifikat', 'IDN/tka': 'GET /v1/tka' };
const BATCH_ROUTES = { 'IDN/bnsp': 'POST /sertifikat/batch', 'IDN/tka': 'POST /v1/pengesahan/batch' };

describe('locating through the country index', () => {
  let stack: TestStack;
  let database: TestDatabase;
  let index: CountryIndexPlugin;
  const ask = (n: string, d: string, c?: string) => stack.query<WorkerResult>(WORKER, { n, d, c });

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(NO_CACHE_TTLS, {});
    config.index = { ...config.index, enabled: true, databaseUrl: database.url, hmacKey: 'e2e-index-key', freshnessS: 120, syncIntervalMs: 60_000, syncRateShare: 0.3 };
    stack = await startTestStack({ countries: countryEntries.filter((e) => e.code === 'IDN' || e.code === 'LAO'), config });
    index = stack.countries.get('IDN')!.plugins.find((p) => p.name === 'country-index') as CountryIndexPlugin;
    const { syncs } = await index.ready;
    // The first full passes, as the background sync runs them (the test waits for both).
    for (let i = 0; i < 300 && (await index.index.status()).size > 0 && ![...(await index.index.status()).values()].every((s) => s.fresh); i++) await new Promise((r) => setTimeout(r, 100));
    expect(syncs.map((s) => s.registry).sort()).toEqual(['bnsp', 'tka']);
  });
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  const tkaHolder = () => {
    const permit = stack.simulators.get('IDN/tka')!.store.all()[5] as TkaRecord;
    return { passport: permit.paspor, permit };
  };

  it('locates a cold worker from the index with no search call, reading about as many records as the worker holds', async () => {
    const { passport } = tkaHolder();
    const holder = await findNationality(passport);
    // What the registries hold for this worker now, as their live searches say (no cache is kept between queries here).
    const expected = (await ask(holder, passport, 'LIVE')).data!.worker!;
    const held = expected.certifications.length + expected.permits.length;
    expect(held).toBeGreaterThan(0);
    await stack.resetStats();

    const result = await ask(holder, passport);
    expect(result.errors).toBeUndefined();
    const worker = result.data!.worker!;
    expect(worker.permits.map((p) => p.id).sort()).toEqual(expected.permits.map((p) => p.id).sort());
    expect(worker.certifications.map((c) => c.id).sort()).toEqual(expected.certifications.map((c) => c.id).sort());
    const idn = worker.sources.filter((s) => s.country === 'IDN');
    expect(idn.map((s) => [s.registry, s.locatedBy])).toEqual([['bnsp', 'INDEX'], ['tka', 'INDEX']]);
    for (const source of idn) expect(Date.parse(source.indexedAt!)).toBeGreaterThan(Date.now() - 120_000);

    let calls = 0;
    for (const [key, route] of Object.entries(SEARCH_ROUTES)) expect((await stack.stats(key))[route] ?? 0).toBe(0);
    for (const [key, route] of Object.entries(BATCH_ROUTES)) calls += (await stack.stats(key))[route] ?? 0;
    // One batched read per registry that holds records of this worker: at most one call per record, never a search.
    const idnRecords = [...worker.permits, ...worker.certifications].filter((r) => r.id.startsWith('IDN:')).length;
    expect(calls).toBeGreaterThan(0);
    expect(calls).toBeLessThanOrEqual(idnRecords);
  });

  it('searches live a registry that publishes no bulk interface, and says so', async () => {
    const lao = (await loadCountry('LAO')).country;
    const withoutBulk = [lao.certifications, lao.permits].map(profileOf).filter((p) => p.bulk === undefined).map((p) => p.key);
    expect(withoutBulk.length).toBeGreaterThan(0);
    const { passport } = tkaHolder();
    const result = await ask(await findNationality(passport), passport);
    const sources = result.data!.worker!.sources.filter((s) => s.country === 'LAO');
    for (const registry of withoutBulk) expect(sources).toContainEqual({ country: 'LAO', registry, locatedBy: 'LIVE_SEARCH', indexedAt: null });
  });

  it('finds a permit issued after the last sync at once with consistency LIVE, and from the index once the change feed has been read', async () => {
    const { permit } = tkaHolder();
    const serial = String(Date.now()).slice(-6);
    const passport = `E${serial}9`;
    const issued: TkaRecord = { ...permit, nomor_pengesahan: `KEP.${serial}/PPTKA/PTK/2026`, paspor: passport };
    await stack.upsert('IDN/tka', [issued]);
    const nationality = await findNationality(permit.paspor);

    expect((await ask(nationality, passport)).data!.worker).toBeNull();
    const live = (await ask(nationality, passport, 'LIVE')).data!.worker!;
    expect(live.permits.map((p) => p.id)).toEqual([`IDN:PERMIT:${issued.nomor_pengesahan}`]);
    expect(live.sources.filter((s) => s.country === 'IDN').map((s) => s.locatedBy)).toEqual(['LIVE_SEARCH', 'LIVE_SEARCH']);

    const { syncs } = await index.ready;
    await syncs.find((s) => s.registry === 'tka')!.runIncremental();
    await new Promise((r) => setTimeout(r, 1100)); // the index's status is reused for a second
    const indexed = (await ask(nationality, passport)).data!.worker!;
    expect(indexed.permits.map((p) => p.id)).toEqual([`IDN:PERMIT:${issued.nomor_pengesahan}`]);
    expect(indexed.sources.find((s) => s.registry === 'tka')!.locatedBy).toBe('INDEX');
  });

  it('answers the qualifications Indonesia certifies in an occupation from the index, with counts only', async () => {
    const cert = stack.simulators.get('IDN/bnsp')!.store.all()[0] as { kode_kbji: string };
    const query = `query($isco: String!) { idnQualifications(isco: $isco, first: 5) { qualificationCode title nationalLevel issued } }`;
    const answer = await stack.subgraphQuery<{ idnQualifications: Array<{ qualificationCode: string | null; title: string; issued: number }> }>('IDN', query, { isco: cert.kode_kbji.slice(0, 4) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.idnQualifications.length).toBeGreaterThan(0);
    expect(answer.data!.idnQualifications[0].issued).toBeGreaterThan(0);
    const bad = await stack.subgraphQuery('IDN', query, { isco: '12' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('falls back to live search when the sync has stopped for longer than the freshness bound, and says so', async () => {
    stack.countries.get('IDN')!.watchers.forEach((watcher) => watcher.stop());
    // Stopped three minutes ago, as far as the index can tell: older than its 120-second bound.
    const db = await openDatabase(database.url);
    await db.query(`UPDATE ${indexSchemaName('IDN')}.sync_state SET synced_at = now() - interval '3 minutes'`);
    await db.close();
    await new Promise((r) => setTimeout(r, 1100));
    const { passport } = tkaHolder();
    await stack.resetStats();
    const worker = (await ask(await findNationality(passport), passport)).data!.worker!;
    expect(worker.permits.length).toBeGreaterThan(0);
    expect(worker.sources.filter((s) => s.country === 'IDN')).toEqual([
      { country: 'IDN', registry: 'bnsp', locatedBy: 'LIVE_SEARCH', indexedAt: null },
      { country: 'IDN', registry: 'tka', locatedBy: 'LIVE_SEARCH', indexedAt: null },
    ]);
    expect((await stack.stats('IDN/tka'))['GET /v1/tka']).toBe(1);
  });

  /** The ISO nationality of a TKA permit's holder, as the registry's own search answers it. */
  async function findNationality(passport: string): Promise<string> {
    const permit = (stack.simulators.get('IDN/tka')!.store.all() as TkaRecord[]).find((p) => p.paspor === passport)!;
    const { isoFromIndonesianName } = await import('../../subgraphs/idn/countryNames.js');
    return isoFromIndonesianName(permit.kewarganegaraan)!;
  }
});
