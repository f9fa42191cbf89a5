import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './testStack.js';
import { defaultPopulation } from '../../registries/population/population.js';
import { countryCodes, loadCountry } from '../../subgraphs/countries.js';

const WORKERS = `query($ids: [WorkerIdentityInput!]!) {
  workers(identities: $ids) {
    id
    certifications { id country status aqrfBasis }
    permits { id country status permitClass }
  }
}`;

interface Ref { id: string; country: string }
interface WorkersResult { workers: Array<{ id: string; certifications: Ref[]; permits: Ref[] } | null> }

describe('batching: 50 workers in one query', () => {
  let stack: TestStack;
  const served = countryCodes();
  // Fifty people with records in the served countries, spread over every registry.
  const eligible = defaultPopulation().people.filter((p) => p.passportNo !== null && p.holdings.some((h) => served.includes(h.country)));
  const identities = eligible
    .filter((_, i) => i % Math.max(1, Math.floor(eligible.length / 50)) === 0)
    .slice(0, 50)
    .map((p) => ({ nationality: p.nationality, documentNumber: p.passportNo!, dateOfBirth: p.dateOfBirth }));

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('makes at most ⌈N / batch limit⌉ calls to each batch-capable registry', async () => {
    expect(identities).toHaveLength(50);
    await stack.resetStats();
    const result = await stack.query<WorkersResult>(WORKERS, { ids: identities });
    expect(result.errors).toBeUndefined();
    const workers = result.data!.workers.filter((w) => w !== null);
    expect(workers.length).toBeGreaterThan(20);

    let checked = 0;
    for (const code of served) {
      const { country } = await loadCountry(code);
      for (const binding of [country.certifications, country.permits]) {
        const { key, kind, batchLimit } = binding.profile;
        const references = workers.flatMap((w) => (kind === 'CERT' ? w!.certifications : w!.permits)).filter((r) => r.country === code).length;
        if (!binding.profile.batchRoute || batchLimit === null) continue;
        const batchCalls = (await stack.stats(`${code}/${key}`))[binding.profile.batchRoute] ?? 0;
        expect(batchCalls, `${code}/${key}: ${references} references, limit ${batchLimit}`).toBeLessThanOrEqual(Math.ceil(references / batchLimit));
        expect(batchCalls, `${code}/${key}`).toBeLessThanOrEqual(Math.ceil(identities.length / batchLimit));
        if (references > 0) checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Math.min(2, served.length * 2));
  });

  it('rejects more than 100 identities with BAD_USER_INPUT', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ nationality: 'IDN', documentNumber: `X${String(i).padStart(7, '0')}` }));
    const result = await stack.query(WORKERS, { ids: many });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'identities' } });
  });

  it('names the identity whose input is malformed', async () => {
    const result = await stack.query(WORKERS, { ids: [identities[0], { nationality: 'ABC', documentNumber: 'X1234567' }] });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'identities[1].nationality' } });
  });
});
