import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import type { CountryIndexPlugin } from '../../subgraphs/kit/plugins/index.js';
import { createTestDatabase, type TestDatabase } from '../support/postgresDatabase.js';
import type { TesdaRecord } from '../../subgraphs/phl/tesda.native.js';

// Recognition's comparable qualifications (issue 14): the host country's qualifications in the
// certificate's ISCO-08 unit group at the host level, read from the host's country index over real
// HTTP (gateway → regional subgraph → host country subgraph → its index in PostgreSQL).
interface Comparable { country: string; qualificationCode: string | null; title: string; nationalLevel: string | null; issued: number }
type Answer = Record<string, { hostLevels: string[]; comparableQualifications: Comparable[] | null } | null>;

const nc3Ids = async () => {
  const simulator = (await loadSimulators('PHL')).find((s) => s.profile.key === 'tesda')!;
  return (simulator.records(defaultPopulation()) as TesdaRecord[]).filter((r) => r.ncLevel === 'NC III').map((r) => `PHL:CERT:${r.certificateNumber}`);
};

const askAll = (ids: string[], first = 10) =>
  `{ ${ids.map((id, i) => `r${i}: recognition(certificationId: ${JSON.stringify(id)}, hostCountry: "MYS") { hostLevels comparableQualifications(first: ${first}) { country qualificationCode title nationalLevel issued } }`).join(' ')} }`;

describe('comparable qualifications from the host country\'s index', () => {
  let stack: TestStack;
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig(NO_CACHE_TTLS, {});
    config.index = { ...config.index, enabled: true, databaseUrl: database.url, hmacKey: 'e2e-comparable-key', freshnessS: 600, syncIntervalMs: 60_000 };
    stack = await startTestStack({ countries: ['MYS', 'PHL'].map(entryFor), config });
    const index = stack.countries.get('MYS')!.plugins.find((p) => p.name === 'country-index') as CountryIndexPlugin;
    await index.ready;
    for (let i = 0; i < 300; i++) {
      const status = await index.index.status();
      if (status.size > 0 && [...status.values()].every((s) => s.fresh)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  it('lists Malaysian SKM 3 qualifications of the same ISCO unit group for Philippine NC III certificates, with counts only', async () => {
    const ids = (await nc3Ids()).slice(0, 40);
    expect(ids.length).toBeGreaterThan(0);
    const result = await stack.query<Answer>(askAll(ids), {}, { purpose: 'SKILLS_RECOGNITION' });
    expect(result.errors).toBeUndefined();
    const lists = Object.values(result.data!).map((r) => r!.comparableQualifications!);
    expect(lists.some((list) => list.length > 0)).toBe(true);
    for (const list of lists) {
      for (const q of list) {
        expect(q).toMatchObject({ country: 'MYS', nationalLevel: '3' });
        expect(q.issued).toBeGreaterThan(0);
        expect(Object.keys(q).sort()).toEqual(['country', 'issued', 'nationalLevel', 'qualificationCode', 'title']);
      }
      // Most issued first.
      expect(list.map((q) => q.issued)).toEqual([...list.map((q) => q.issued)].sort((a, b) => b - a));
    }
  });

  it('refuses a page size out of range with BAD_USER_INPUT on that field only', async () => {
    const [id] = await nc3Ids();
    const result = await stack.query<Answer>(askAll([id], 500), {}, { purpose: 'SKILLS_RECOGNITION' });
    expect(result.errors?.[0]).toMatchObject({ path: ['r0', 'comparableQualifications'], extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    expect(result.data!.r0!.hostLevels).toEqual(['SKM 3']);
  });
});

describe('comparable qualifications when the host keeps no index', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ countries: ['MYS', 'PHL'].map(entryFor) });
  });
  afterAll(() => stack?.close());

  it('costs only that field: INDEX_UNAVAILABLE, the comparison itself still answered', async () => {
    const [id] = await nc3Ids();
    const result = await stack.query<Answer>(askAll([id]), {}, { purpose: 'SKILLS_RECOGNITION' });
    expect(result.data!.r0).toMatchObject({ hostLevels: ['SKM 3'], comparableQualifications: null });
    expect(result.errors?.[0]).toMatchObject({ path: ['r0', 'comparableQualifications'], extensions: { code: 'INDEX_UNAVAILABLE', country: 'MYS' } });
  });
});
