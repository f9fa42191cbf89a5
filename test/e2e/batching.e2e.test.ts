import { batchEndpoint } from '../../subgraphs/kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from './testStack.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { countryCodes, loadCountry } from '../../subgraphs/countries.js';
import { profileOf } from '../../subgraphs/kit/country.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { servedRecordIds } from '../../sandbox/simulator/simulator.js';

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
    // Caches off: every reference must reach its registry, so the counts measure batching alone.
    stack = await startTestStack({ config: testConfig(NO_CACHE_TTLS) });
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
        const profile = profileOf(binding);
        const { key, kind } = profile;
        const references = workers.flatMap((w) => (kind === 'CERT' ? w!.certifications : w!.permits)).filter((r) => r.country === code).length;
        const batch = batchEndpoint(profile);
        if (!batch) continue;
        const batchLimit = batch.limit;
        const batchCalls = (await stack.stats(`${code}/${key}`))[batch.route] ?? 0;
        expect(batchCalls, `${code}/${key}: ${references} references, limit ${batchLimit}`).toBeLessThanOrEqual(Math.ceil(references / batchLimit));
        expect(batchCalls, `${code}/${key}`).toBeLessThanOrEqual(Math.ceil(identities.length / batchLimit));
        if (references > 0) checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(Math.min(2, served.length * 2));
  });

  it('fetches N records by id with nodes(ids) in at most 2 × ⌈N / batch limit⌉ calls per registry', async () => {
    // 2 ×: the regional subgraph first checks that each record exists (node is nullable), then the
    // gateway fetches the fields; with the record cache on, the second pass costs nothing.
    const ids: string[] = [];
    const expected: Array<{ key: string; prefix: string; route: string; limit: number }> = [];
    for (const code of served) {
      for (const simulator of await loadSimulators(code)) {
        const { key, kind } = simulator.profile;
        const batch = batchEndpoint(simulator.profile);
        if (!batch) continue;
        const { limit: batchLimit, route: batchRoute } = batch;
        const natives = servedRecordIds(simulator, simulator.records(defaultPopulation()) as never[]).slice(0, 60).map((id) => `${code}:${kind}:${id}`);
        ids.push(...natives);
        expected.push({ key: `${code}/${key}`, prefix: `${code}:${kind}:`, route: batchRoute, limit: batchLimit });
      }
    }
    const chosen = ids.slice(0, 500);
    await stack.resetStats();
    const result = await stack.query<{ nodes: Array<{ id: string } | null> }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Certification { certificationStatus: status } ... on WorkPermit { permitStatus: status } } }`, { ids: chosen });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((n) => n?.id)).toEqual(chosen);
    let checked = 0;
    for (const { key, prefix, route, limit } of expected) {
      const n = chosen.filter((id) => id.startsWith(prefix)).length;
      if (n === 0) continue;
      checked += 1;
      expect((await stack.stats(key))[route] ?? 0, key).toBeLessThanOrEqual(2 * Math.ceil(n / limit));
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('merges the entity fetches of aliased node(id) fields, so they cost no more than nodes(ids)', async () => {
    const bnsp = (await loadSimulators('IDN')).find((s) => s.profile.key === 'bnsp')!;
    const ids = bnsp.records(defaultPopulation()).slice(100, 130).map((r) => `IDN:CERT:${bnsp.idOf(r as never)}`);
    const query = `query Aliased(${ids.map((_, i) => `$i${i}: ID!`).join(', ')}) {\n${ids.map((_, i) => `n${i}: node(id: $i${i}) { id ... on Certification { status issuedOn } }`).join('\n')}\n}`;
    await stack.resetStats();
    const result = await stack.query<Record<string, { id: string; status: string }>>(query, Object.fromEntries(ids.map((id, i) => [`i${i}`, id])));
    expect(result.errors).toBeUndefined();
    expect(ids.map((_, i) => result.data![`n${i}`].id)).toEqual(ids);
    // Without merging: 1 check call, then one entity fetch (and one registry call) per alias.
    expect((await stack.stats('IDN/bnsp'))['POST /sertifikat/batch']).toBeLessThanOrEqual(2);
  });

  it('answers the well-formed entries of nodes(ids) and names each malformed one, without losing sibling fields', async () => {
    const bnsp = (await loadSimulators('IDN')).find((s) => s.profile.key === 'bnsp')!;
    const good = `IDN:CERT:${bnsp.idOf(bnsp.records(defaultPopulation())[0] as never)}`;
    const result = await stack.query<{ nodes: Array<{ id: string } | null>; tooMany: unknown }>(
      `query($ids: [ID!]!, $many: [ID!]!) { nodes(ids: $ids) { id } tooMany: nodes(ids: $many) { id } }`,
      { ids: [good, 'garbage', 'IDN:CERT:123'], many: Array.from({ length: 501 }, () => good) },
    );
    expect(result.data).toEqual({ nodes: [{ id: good }, null, null], tooMany: null });
    const byArgument = Object.fromEntries((result.errors ?? []).map((e) => [e.extensions?.argument, e.extensions?.code]));
    // `IDN:CERT:123` is well formed: numbers are opaque, the registry is asked and holds none.
    expect(byArgument).toEqual({ 'ids[1]': 'BAD_USER_INPUT', ids: 'BAD_USER_INPUT' });
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
