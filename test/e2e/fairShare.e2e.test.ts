import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testConfig, NO_CACHE_TTLS, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { defaultPopulation } from '../../sandbox/population/population.js';

// Fair share of a registry (issue 8): Viet Nam's registries have no batch endpoint, so 300 ids
// from one caller are 300 calls, paced at the registry's rate. Another caller's look-ups must
// not wait behind them: each registry's rate is shared between callers, and the caller key
// travels gateway → regional → country subgraph so the country's limiter knows whose call it is.
describe('fair share of a registry', () => {
  let stack: TestStack;
  let ids: string[];

  beforeAll(async () => {
    // Paced at 20 calls a second: 300 calls take 15 s, far past the 4 s a country has to answer.
    stack = await startTestStack({ countries: [entryFor('VNM')], registryRatePerSecond: 20, config: testConfig(NO_CACHE_TTLS) });
    const kynang = (await loadSimulators('VNM')).find((s) => s.profile.key === 'kynang')!;
    ids = kynang.records(defaultPopulation()).map((r) => `VNM:CERT:${kynang.idOf(r as never)}`);
    // Well-formed numbers the registry does not hold cost a call each, like real ones.
    for (let i = 0; i < 300; i++) ids.push(`VNM:CERT:KNQG-2019-HN-${String(900_000 + i)}`);
  });
  afterAll(() => stack?.close());

  // Two clients, each authenticated as its own case officer: the registry is shared between them.
  const ask = async (client: string, query: string, variables: Record<string, unknown>) =>
    fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...stack.headers({ token: await stack.token({ client }) }) }, body: JSON.stringify({ query, variables }) }).then(
      async (response) => (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> },
    );

  it('answers a second caller\'s single look-ups without errors during a 300-id burst from the first', async () => {
    const burst = ask('burst', 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(-300) });
    await new Promise((r) => setTimeout(r, 300));
    const answers = [];
    for (const id of ids.slice(0, 5)) answers.push(await ask('other', 'query($id: ID!) { node(id: $id) { id } }', { id }));
    for (const [i, answer] of answers.entries()) {
      expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
      expect(answer.data).toEqual({ node: { id: ids[i] } });
    }
    // The burst itself degrades: its own calls queue behind its own share.
    const own = await burst;
    expect(own.errors?.length ?? 0).toBeGreaterThan(0);
  });
});
