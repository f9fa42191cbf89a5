import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryEntries, type CountryEntry } from '../../subgraphs/countries.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { NO_CACHE_TTLS, startTestStack, testConfig, type TestStack } from '../e2e/testStack.js';
import { composeCountries, composeEveryCountry } from './subgraphSources.js';
import { holdersIn, registrySamples, spread, type RegistrySample } from './samples.js';
import { MAX_WORKERS_PER_QUERY } from '../../subgraphs/regional/resolvers.js';
import { answersLive, lookupStyle } from './lookupStyle.js';
import { CONTRACT_SELECTION, REFERENCE_SELECTION, WORKER, WORKERS, entitiesQuery, nodesInOrder, nodesQuery, WORKERS_CONTRACT, type WorkerResult, type WorkersResult } from './queries.js';
import { contractViolations, type FetchedRecord } from './invariants.js';
import { callCount, callsDuring, withSimulatorConfig } from './registryCalls.js';
import { outageSubject } from './outageSubject.js';

/**
 * The conformance suite: every country listed in subgraphs/countries.json, and nothing else, is
 * held to the same promises over real HTTP through the gateway, each in a stack of its own
 * (simulators, its subgraph, the regional subgraph, the gateway). Caches are off so that every
 * query reaches the registries and each count measures the code, not a cache.
 */
const population = defaultPopulation();
const countries = await Promise.all(
  countryEntries.map(async (entry) => ({ entry, samples: registrySamples(entry.code, await loadSimulators(entry.code), population) })),
);
/**
 * Records per registry checked against the contract, spread from the first to the last the
 * simulator holds. Each aliased `node` costs the gateway one entity fetch, so a sweep of every
 * record would cost seconds per country; every record fetched elsewhere in the suite is checked too.
 */
const CONTRACT_SAMPLE = 30;

type Node = FetchedRecord | null;
type Nodes = Record<string, Node>;
type Errors = Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;

function startCountryStack(entry: CountryEntry): Promise<TestStack> {
  return startTestStack({ countries: [entry], config: testConfig(NO_CACHE_TTLS) });
}

async function fetchNodes(stack: TestStack, ids: readonly string[], selection: string): Promise<{ nodes: Node[]; errors: Errors }> {
  const { query, variables } = nodesQuery(ids, selection);
  const result = await stack.query<Nodes>(query, variables);
  return { nodes: nodesInOrder(result.data, ids.length), errors: result.errors };
}

/** The same through `nodes(ids)`: one list, so one check call per batch and one entity fetch. */
async function fetchNodeList(stack: TestStack, ids: readonly string[], selection: string): Promise<{ nodes: Node[]; errors: Errors }> {
  const result = await stack.query<{ nodes: Node[] }>(`query NodeList($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`, { ids });
  return { nodes: result.data?.nodes ?? [], errors: result.errors };
}

function expectFound(ids: readonly string[], nodes: Node[], errors: Errors): void {
  expect(errors, JSON.stringify(errors?.slice(0, 3))).toBeUndefined();
  expect(nodes.map((node) => node?.id ?? null)).toEqual(ids);
}

/** Every fetched record keeps the contract and comes back as the country's own type; failures name record, field and value. */
function expectContract(nodes: Node[], sample: RegistrySample): void {
  const violations = nodes.flatMap((node) => [
    ...(node!.__typename === sample.typename ? [] : [`${node!.id} __typename: expected ${sample.typename}, got ${node!.__typename}`]),
    ...contractViolations(node!, sample.key.split('/')[0]),
  ]);
  expect(violations).toEqual([]);
}

function expectRegistryError(errors: Errors, code: string, country: string, registry: string): void {
  expect(errors, `expected ${code} naming ${country}/${registry}`).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code, country, registry }) })]);
}

describe.each(countries)('$entry.code conformance', ({ entry, samples }) => {
  const code = entry.code;
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startCountryStack(entry);
  });
  afterAll(() => stack?.close());

  describe('composition', () => {
    it('composes with the regional subgraph alone', async () => {
      await expect(composeCountries([entry])).resolves.toContain(`join__Graph`);
    });

    it('composes together with every other listed country', async () => {
      const supergraph = await composeEveryCountry(countryEntries);
      for (const sample of samples) expect(supergraph).toContain(`type ${sample.typename} implements`);
    });
  });

  it('serves its records by global id through node(id), as its own types', async () => {
    for (const sample of samples) {
      const ids = spread(sample.globalIds, 3);
      const { nodes, errors } = await fetchNodes(stack, ids, `__typename id ... on Certification { country } ... on WorkPermit { country }`);
      expectFound(ids, nodes, errors);
      for (const node of nodes) expect(node).toEqual({ __typename: sample.typename, id: node!.id, country: code });
    }
  });

  it('keeps the shared contract on records spread over each whole registry', async () => {
    for (const sample of samples) {
      const ids = spread(sample.globalIds, CONTRACT_SAMPLE);
      const { nodes, errors } = await fetchNodes(stack, ids, CONTRACT_SELECTION);
      expectFound(ids, nodes, errors);
      expectContract(nodes, sample);
    }
  });

  it('keeps the shared contract on the records of many workers found by holder', async () => {
    for (const sample of samples) {
      const identities = holdersIn(population, code, [sample.profile.kind], MAX_WORKERS_PER_QUERY);
      const result = await stack.query<{ workers: Array<Record<'certifications' | 'permits', FetchedRecord[]> | null> }>(WORKERS_CONTRACT, { ids: identities });
      expect(result.errors, JSON.stringify(result.errors?.slice(0, 3))).toBeUndefined();
      const records = result.data!.workers.flatMap((w) => (w === null ? [] : sample.profile.kind === 'CERT' ? w.certifications : w.permits));
      expect(records.length, `none of ${identities.length} holders in the population is answered with a ${sample.key} record`).toBeGreaterThan(0);
      expectContract(records, sample);
    }
  });

  describe.each(samples)('$key lookups by id', (sample) => {
    const style = lookupStyle(sample.profile);

    if (style.kind === 'batch') {
      // node(id) costs two lookups of each id, in two requests to the country subgraph (so two
      // DataLoaders): the regional subgraph's existence check, then the gateway's entity fetch.
      const ids = spread(sample.globalIds, 2 * style.limit + 1);
      const bound = Math.ceil(ids.length / style.limit);

      it(`checks ${ids.length} ids in at most ⌈${ids.length} / ${style.limit}⌉ = ${bound} batch calls`, async () => {
        const { calls, result } = await callsDuring(stack, sample.key, style.route, () => fetchNodes(stack, ids, REFERENCE_SELECTION));
        expectFound(ids, result.nodes, result.errors);
        // At least one: a profile naming a route the simulator never counts would pass any bound.
        expect(calls).toBeGreaterThanOrEqual(1);
        expect(calls).toBeLessThanOrEqual(bound);
      });

      it(`resolves ${ids.length} entity references in at most ${bound} batch calls`, async () => {
        const representations = ids.map((id) => ({ __typename: sample.typename, id }));
        const { calls, result } = await callsDuring(stack, sample.key, style.route, () =>
          stack.subgraphQuery<{ _entities: Array<{ id: string } | null> }>(code, entitiesQuery(sample.typename), { representations }),
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!._entities.map((entity) => entity?.id ?? null)).toEqual(ids);
        expect(calls).toBeGreaterThanOrEqual(1);
        expect(calls).toBeLessThanOrEqual(bound);
      });

      // One list: the regional subgraph's existence check (⌈N / limit⌉), then one entity fetch (⌈N / limit⌉).
      const listBound = 2 * bound;
      it(`answers ${ids.length} full records with nodes(ids) through the gateway in at most 2 × ⌈N / limit⌉ = ${listBound} batch calls`, async () => {
        const { calls, result } = await callsDuring(stack, sample.key, style.route, () => fetchNodeList(stack, ids, CONTRACT_SELECTION));
        expectFound(ids, result.nodes, result.errors);
        expectContract(result.nodes, sample);
        expect(calls).toBeGreaterThanOrEqual(2);
        expect(calls).toBeLessThanOrEqual(listBound);
      });

      it('answers the references of many workers, one list per query, in ⌈N / limit⌉ batch calls', async () => {
        const identities = holdersIn(population, code, [sample.profile.kind], MAX_WORKERS_PER_QUERY);
        const { calls, result } = await callsDuring(stack, sample.key, style.route, () => stack.query<WorkersResult>(WORKERS, { ids: identities }));
        expect(result.errors).toBeUndefined();
        const references = result.data!.workers.flatMap((w) => (w === null ? [] : sample.profile.kind === 'CERT' ? w.certifications : w.permits)).length;
        expect(references, `none of ${identities.length} holders in the population is answered with a ${sample.key} record`).toBeGreaterThan(0);
        expect(calls).toBeGreaterThanOrEqual(1);
        expect(calls, `${references} references, limit ${style.limit}`).toBeLessThanOrEqual(Math.ceil(references / style.limit));
      });
    }

    if (style.kind === 'single') {
      const ids = spread(sample.globalIds, 5);

      it(`looks up ${ids.length} distinct ids in at most ${ids.length} calls per phase`, async () => {
        const checked = await callsDuring(stack, sample.key, undefined, () => fetchNodes(stack, ids, REFERENCE_SELECTION));
        expectFound(ids, checked.result.nodes, checked.result.errors);
        expect(checked.calls).toBeGreaterThanOrEqual(1);
        expect(checked.calls).toBeLessThanOrEqual(ids.length);
        const full = await callsDuring(stack, sample.key, undefined, () => fetchNodes(stack, ids, CONTRACT_SELECTION));
        expectFound(ids, full.result.nodes, full.result.errors);
        expectContract(full.result.nodes, sample);
        expect(full.calls).toBeLessThanOrEqual(2 * ids.length);
      });

      it('looks up the same id asked twice in one query once per phase', async () => {
        const twice = [ids[0], ids[0]];
        const checked = await callsDuring(stack, sample.key, undefined, () => fetchNodes(stack, twice, REFERENCE_SELECTION));
        expectFound(twice, checked.result.nodes, checked.result.errors);
        expect(checked.calls).toBe(1);
        const full = await callsDuring(stack, sample.key, undefined, () => fetchNodes(stack, twice, CONTRACT_SELECTION));
        expectFound(twice, full.result.nodes, full.result.errors);
        expect(full.calls).toBeLessThanOrEqual(2);
      });
    }

    if (style.kind === 'index') {
      const ids = sample.globalIds.slice(0, style.limit);

      it(`answers ${ids.length} ids from one download of the registry's extract for the life of the stack`, async () => {
        const { nodes, errors } = await fetchNodes(stack, ids, CONTRACT_SELECTION);
        expectFound(ids, nodes, errors);
        expectContract(nodes, sample);
        // Counted since the stack started, not around this query: every earlier test's lookups included.
        const downloads = await callCount(stack, sample.key);
        expect(downloads).toBe(1);
      });
    }
  });

  describe.each(samples)('$key failures', (sample) => {
    const id = sample.globalIds[0];

    if (answersLive(sample.profile)) {
      it('maps an outage to REGISTRY_UNAVAILABLE naming the country and registry', async () => {
        const result = await withSimulatorConfig(stack, sample.key, { down: true }, () => stack.query<Nodes>('query($id: ID!) { node(id: $id) { id } }', { id }));
        expect(result.data?.node ?? null).toBeNull();
        expectRegistryError(result.errors, 'REGISTRY_UNAVAILABLE', code, sample.profile.key);
      });

      it('maps a rate limit that cannot be waited out to REGISTRY_RATE_LIMITED', async () => {
        // One request per 1000 s: the 429's Retry-After cannot fit any request's time budget.
        const result = await withSimulatorConfig(stack, sample.key, { ratePerSecond: 0.001 }, () => stack.query<Nodes>('query($id: ID!) { node(id: $id) { id } }', { id }));
        expect(result.data?.node ?? null).toBeNull();
        expectRegistryError(result.errors, 'REGISTRY_RATE_LIMITED', code, sample.profile.key);
      });
    } else {
      // The index outlives requests, so an outage shows only before its first download: a stack of its own.
      it('maps an outage before the first download to REGISTRY_UNAVAILABLE naming the country and registry', async () => {
        const fresh = await startCountryStack(entry);
        try {
          await fresh.configure(sample.key, { down: true });
          const result = await fresh.query<Nodes>('query($id: ID!) { node(id: $id) { id } }', { id });
          expect(result.data?.node ?? null).toBeNull();
          expectRegistryError(result.errors, 'REGISTRY_UNAVAILABLE', code, sample.profile.key);
        } finally {
          await fresh.close();
        }
      });
    }
  });

  it.each(['CERT', 'PERMIT'].flatMap((kind) => [`${code}:${kind}:not\tan id`, `${code}:${kind}:${'x'.repeat(129)}`]).concat(['garbage']))('rejects the malformed id %s with BAD_USER_INPUT, calling no registry', async (id) => {
    const before = await Promise.all(samples.map((sample) => callCount(stack, sample.key)));
    const result = await stack.query<Nodes>('query($id: ID!) { node(id: $id) { id } }', { id });
    expect(result.data?.node ?? null).toBeNull();
    expect(result.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'id' }) })]);
    expect(await Promise.all(samples.map((sample) => callCount(stack, sample.key)))).toEqual(before);
  });

  it('answers a worker with the records of one registry and an error naming the other when it is down', async () => {
    const subject = await outageSubject(stack, samples, population);
    const { person, down, kept, lost, healthy } = subject;
    const variables = { n: person.nationality, d: person.documentNumber, b: person.dateOfBirth };
    const result = await withSimulatorConfig(stack, down.key, { down: true }, () => stack.query<WorkerResult>(WORKER, variables));
    expect(result.data?.worker).not.toBeNull();
    const worker = result.data!.worker!;
    expect(worker[lost]).toEqual([]);
    expect(worker[kept].length).toBeGreaterThan(0);
    expect(worker[kept]).toEqual(healthy[kept]);
    expectRegistryError(result.errors, 'REGISTRY_UNAVAILABLE', code, down.profile.key);
  });
});
