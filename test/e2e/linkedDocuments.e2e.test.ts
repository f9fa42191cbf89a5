// A registry that links a holder's documents without naming them all in its records (Thailand's
// DOE files about half of the Myanmar, Cambodian and Lao permits under a certificate of identity
// and still finds them by passport): the country index sees only the document a permit names, so
// for those nationalities an identity it finds nothing for is searched live, and nobody's permit
// goes missing because the index answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { countryEntries } from '../../subgraphs/countries.js';
import type { CountryIndexPlugin } from '../../subgraphs/kit/plugins/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgresDatabase.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import type { DoeRecord } from '../../subgraphs/tha/doe.native.js';

const WORKER = 'query W($n: String!, $d: String!) { worker(nationality: $n, documentNumber: $d) { permits { id } sources { country registry locatedBy } } }';
interface Answer { worker: { permits: Array<{ id: string }>; sources: Array<{ country: string; registry: string; locatedBy: string }> } | null }

describe('locating through the index where the registry links documents it does not name', () => {
  let stack: TestStack;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(NO_CACHE_TTLS, {});
    config.index = { ...config.index, enabled: true, databaseUrl: database.url, hmacKey: 'linked-documents', freshnessS: 120, syncIntervalMs: 60_000 };
    stack = await startTestStack({ countries: countryEntries.filter((e) => e.code === 'THA'), config });
    const index = stack.countries.get('THA')!.plugins.find((p) => p.name === 'country-index') as CountryIndexPlugin;
    await index.ready;
    for (let i = 0; i < 300 && ![...(await index.index.status()).values()].every((s) => s.fresh); i++) await new Promise((r) => setTimeout(r, 100));
    expect([...(await index.index.status()).values()].every((s) => s.fresh)).toBe(true);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  /** Myanmar workers with a Thai permit, and how DOE itself answers a search by their passport. */
  const myanmarPermitHolders = async () => {
    const doe = stack.simulators.get('THA/doe')!;
    const people = defaultPopulation().people.filter((p) => p.nationality === 'MMR' && p.passportNo && p.holdings.some((h) => h.kind === 'PERMIT' && h.country === 'THA'));
    const found = [];
    for (const person of people.slice(0, 40)) {
      const answer = (await (await fetch(`${doe.url}/ewp/v1/permits?doc_type=PASSPORT&doc_no=${encodeURIComponent(person.passportNo!)}&nationality=MM`)).json()) as { permits: DoeRecord[] };
      found.push({ person, permits: answer.permits });
    }
    return found;
  };

  it('finds, by passport, a permit DOE filed under the worker\'s certificate of identity, and says it searched live', async () => {
    const underCi = (await myanmarPermitHolders()).find(({ permits }) => permits.length > 0 && permits.every((p) => p.doc_type === 'CI'));
    expect(underCi, 'a Myanmar worker whose Thai permit names only their CI').toBeDefined();
    const answer = await stack.query<Answer>(WORKER, { n: 'MMR', d: underCi!.person.passportNo });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.worker!.permits.map((p) => p.id).sort()).toEqual(underCi!.permits.map((p) => `THA:PERMIT:${p.permit_no}`).sort());
    expect(answer.data!.worker!.sources).toContainEqual({ country: 'THA', registry: 'doe', locatedBy: 'LIVE_SEARCH' });
  });

  it('still answers from the index alone when it holds the permit under the passport asked', async () => {
    const underPassport = (await myanmarPermitHolders()).find(({ permits }) => permits.length > 0 && permits.every((p) => p.doc_type === 'PASSPORT'));
    expect(underPassport).toBeDefined();
    const answer = await stack.query<Answer>(WORKER, { n: 'MMR', d: underPassport!.person.passportNo });
    expect(answer.data!.worker!.permits.length).toBe(underPassport!.permits.length);
    expect(answer.data!.worker!.sources).toContainEqual({ country: 'THA', registry: 'doe', locatedBy: 'INDEX' });
  });
});
