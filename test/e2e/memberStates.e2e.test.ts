import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { sampleCandidates, type SampleWorker } from '../../bin/sampleWorker.js';
import { countryCodes } from '../../subgraphs/countries.js';

// All eleven member states behind one gateway: a worker found in three or more of them,
// Singapore's date-of-birth rule, and a hanging Myanmar that must not hold anyone else up.
const WORKER = `query W($n: String!, $d: String!, $b: Date) {
  worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) {
    countries
    certifications { id country status }
    permits { id country status }
  }
}`;
interface WorkerResult { worker: { countries: string[]; certifications: Array<{ id: string; country: string }>; permits: Array<{ id: string; country: string }> } | null }

const population = defaultPopulation();
const vars = (w: SampleWorker, withBirthDate = true) => ({ n: w.nationality, d: w.documentNumber, ...(withBirthDate ? { b: w.dateOfBirth } : {}) });
/** Workers with records in `country` and in at least one other member state. */
function workersIn(country: string, limit = 10): SampleWorker[] {
  return population.people
    .filter((p) => p.passportNo !== null && p.holdings.some((h) => h.country === country) && p.holdings.some((h) => h.country !== country))
    .slice(0, limit)
    .map((p) => ({ nationality: p.nationality, documentNumber: p.passportNo!, dateOfBirth: p.dateOfBirth }));
}

describe('eleven member states behind one gateway', () => {
  const REGISTRY_TIMEOUT_MS = 700;
  const COUNTRY_TIMEOUT_MS = 1500;
  let stack: TestStack;

  beforeAll(async () => {
    // Caches off, so that every answer below comes from the registries as they are now.
    stack = await startTestStack({ registryTimeoutMs: REGISTRY_TIMEOUT_MS, countryTimeoutMs: COUNTRY_TIMEOUT_MS, config: testConfig(NO_CACHE_TTLS) });
  });
  afterAll(() => stack?.close());

  /** The first of the candidates whom the registries know in `country` and in another member state. */
  async function foundIn(country: string, candidates: SampleWorker[]) {
    for (const worker of candidates) {
      const full = (await stack.query<WorkerResult>(WORKER, vars(worker))).data?.worker;
      if (full && full.countries.includes(country) && full.countries.length > 1) return { worker, full };
    }
    throw new Error(`no candidate is known in ${country} and elsewhere`);
  }

  it('serves all eleven', async () => {
    expect(countryCodes().sort()).toEqual(['BRN', 'IDN', 'KHM', 'LAO', 'MMR', 'MYS', 'PHL', 'SGP', 'THA', 'TLS', 'VNM']);
    expect(stack.subgraphs.size).toBe(11);
  });

  it('finds one worker with records in at least three countries', async () => {
    const candidates = sampleCandidates(population, countryCodes(), 5, 3);
    expect(candidates.length).toBeGreaterThan(0);
    const result = await stack.query<WorkerResult>(WORKER, vars(candidates[0]));
    expect(result.errors).toBeUndefined();
    const { countries, certifications, permits } = result.data!.worker!;
    expect(countries.length).toBeGreaterThanOrEqual(3);
    expect(new Set([...certifications, ...permits].map((r) => r.country))).toEqual(new Set(countries));
  });

  it('without a date of birth, answers every other country and says what Singapore MOM needs', async () => {
    const { worker, full } = await foundIn('SGP', workersIn('SGP', 30));
    const result = await stack.query<WorkerResult>(WORKER, vars(worker, false));
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({ code: 'IDENTITY_ATTRIBUTES_REQUIRED', country: 'SGP', registry: 'mom', required: ['dateOfBirth'] });
    const others = full.countries.filter((c) => c !== 'SGP');
    expect(others.length).toBeGreaterThan(0);
    for (const country of others) expect(result.data!.worker!.countries).toContain(country);
    expect(result.data!.worker!.permits.filter((p) => p.country === 'SGP')).toEqual([]);
  });

  it('gets every other country\'s data within the configured timeout while Myanmar hangs', async () => {
    // A Myanmar national with records at home and abroad (Thailand and Malaysia are the big corridors).
    const { worker, full: healthy } = await foundIn('MMR', workersIn('MMR', 30).filter((w) => w.nationality === 'MMR'));
    await stack.configure('MMR/nssa', { hangRate: 1 });
    await stack.configure('MMR/mol', { hangRate: 1 });
    try {
      const started = Date.now();
      const result = await stack.query<WorkerResult>(WORKER, vars(worker));
      const elapsed = Date.now() - started;
      // The registry budget ends the hang; the country budget bounds everything else.
      expect(elapsed).toBeLessThan(COUNTRY_TIMEOUT_MS + 500);
      const others = healthy.countries.filter((c) => c !== 'MMR');
      expect(others.length).toBeGreaterThan(0);
      expect(result.data!.worker!.countries).toEqual(others);
      const mmrErrors = result.errors!.filter((e) => e.extensions?.country === 'MMR');
      expect(mmrErrors.length).toBeGreaterThan(0);
      for (const error of mmrErrors) expect(error.extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', reason: 'timeout' });
      expect(result.errors!.filter((e) => e.extensions?.country !== 'MMR')).toEqual([]);
    } finally {
      await stack.configure('MMR/nssa', { hangRate: 0 });
      await stack.configure('MMR/mol', { hangRate: 0 });
    }
  });
});
