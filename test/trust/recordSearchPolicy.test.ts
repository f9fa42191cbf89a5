// Record search under the owner's policy, read on the country subgraph's raw HTTP answers: the
// search lists record numbers only, and the records it lists still leave the owner cut to its
// policy. Indonesia here runs a policy of the test's own in which its inspectors get permits
// without the employer, so that a withheld field can be seen; the registries, the index and the
// subgraph code are the deployment's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCountry } from '../../subgraphs/countries.js';
import { buildCountrySubgraph, startCountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { countryIndexPlugin, ownerPolicy, verifierFields, type CountryIndexPlugin } from '../../subgraphs/kit/plugins/index.js';
import { internalFieldNames } from '../../subgraphs/kit/country.js';
import type { SharingPolicy } from '../../subgraphs/kit/policy/sharingPolicy.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { testCaller, testTrust } from '../support/trustedCountries.js';
import type { Caller } from '../../platform/caller.js';
import type { TkaRecord } from '../../subgraphs/idn/tka.native.js';

const POLICY: SharingPolicy = {
  country: 'IDN',
  rules: [
    { memberStates: ['OWN'], roles: ['inspector'], purposes: ['LABOUR_INSPECTION'], level: 'FULL', withhold: ['employer'] },
    { memberStates: ['*'], roles: ['inspector', 'case-officer', 'verifier'], purposes: ['*'], level: 'VERIFY', locate: true },
  ],
};
const names = internalFieldNames('IDN');
const SEARCH = `query { ${names.search}(kind: "PERMIT", filter: { statuses: ["ACTIVE"] }, first: 20) { records { id } totalCount hasMore } }`;

describe("record search under the owner's policy", () => {
  const simulators: RunningSimulator[] = [];
  let server: RunningServer;
  let ask: (caller: Caller | null, query: string, variables?: Record<string, unknown>) => Promise<{ raw: string; body: { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: Record<string, unknown> }> } }>;

  beforeAll(async () => {
    const registryUrls: Record<string, string> = {};
    for (const definition of await loadSimulators('IDN')) {
      const simulator = await startSimulator(definition, { port: 0, config: { latencyMs: [0, 1], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 } });
      simulators.push(simulator);
      registryUrls[definition.profile.key] = simulator.url;
    }
    const index = countryIndexPlugin({ location: 'memory://', hmacKey: 'policy-test', freshnessS: 600, rateShare: 0.3, intervalMs: 600_000, reconcileS: 86_400, sync: false, log: () => undefined });
    const subgraph = await buildCountrySubgraph((await loadCountry('IDN')).country, {
      registryUrls, registryTimeoutMs: 5000, maxConcurrency: 8, ratePerSecond: 100_000,
      plugins: [index, verifierFields(), ownerPolicy({ policy: POLICY, withoutCaller: 'refuse' })],
    });
    const { syncs } = await (index as CountryIndexPlugin).ready;
    for (const sync of syncs) await sync.runPass();
    const trust = await testTrust;
    server = await startCountrySubgraph(subgraph, 0, trust.verifierFor('idn'));
    ask = async (caller, query, variables = {}) => {
      const url = `${server.url}/graphql`;
      const body = JSON.stringify({ query, variables });
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(await trust.gateway.signer.headerFor({ caller }, 'idn', url, body)) }, body });
      const raw = await response.text();
      return { raw, body: JSON.parse(raw) };
    };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await Promise.all(simulators.map((simulator) => simulator.close()));
  });

  it('lists record numbers to its own inspector, and releases each record without what the policy withholds', async () => {
    const inspector = testCaller('inspector', 'IDN', 'LABOUR_INSPECTION');
    const search = await ask(inspector, SEARCH);
    expect(search.body.errors).toBeUndefined();
    const page = search.body.data![names.search] as { records: Array<{ id: string }>; totalCount: number; hasMore: boolean };
    expect(page.records).toHaveLength(20);
    expect(page.totalCount).toBeGreaterThan(20);
    // The search answer names records, never what they say of their holders.
    const tka = simulators.find((s) => s.profile.key === 'tka')!.store.all() as TkaRecord[];
    const listed = tka.filter((record) => page.records.some((r) => r.id === `IDN:PERMIT:${record.nomor_pengesahan}`));
    expect(listed).toHaveLength(20);
    for (const record of listed) expect(search.raw).not.toContain(record.paspor);

    const entities = await ask(inspector, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on WorkPermit { id holderName employer { name } } } }`, { reps: page.records.map((r) => ({ __typename: names.permitType, id: r.id })) });
    expect(entities.body.errors).toBeUndefined();
    const records = entities.body.data!._entities as Array<{ id: string; holderName: string | null; employer: unknown }>;
    expect(records.map((r) => r.id)).toEqual(page.records.map((r) => r.id));
    for (const record of records) expect(record).toMatchObject({ holderName: expect.any(String), employer: null });
    for (const record of listed) expect(entities.raw).not.toContain(JSON.stringify(record.pemberi_kerja.nama));
  });

  it('refuses the search to anyone its policy does not give records in full, and to other member states', async () => {
    const refused = [
      testCaller('inspector', 'MYS', 'LABOUR_INSPECTION'), // VERIFY with locate: still another member state's records
      testCaller('inspector', 'IDN', null), // no declared purpose: VERIFY at most
      testCaller('case-officer', 'IDN', 'PERMIT_APPLICATION'), // not an inspector
      testCaller('verifier', 'IDN', 'LABOUR_INSPECTION'),
      testCaller('analyst', 'IDN', null),
    ];
    for (const caller of refused) {
      const answer = await ask(caller, SEARCH);
      expect(answer.body.errors?.[0].extensions, `${caller.role} of ${caller.memberState}`).toMatchObject({ code: 'POLICY_WITHHELD', country: 'IDN' });
      expect(answer.body.data ?? null).toBeNull();
    }
    const anonymous = await ask(null, SEARCH);
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
