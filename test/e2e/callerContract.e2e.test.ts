import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { startTestStack, testConfig, NO_CACHE_TTLS, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { countryRuntime, regionalOptions } from '../../bin/runtime.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { loadCountry } from '../../subgraphs/countries.js';
import { buildCountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { serveSubgraph } from '../../subgraphs/kit/serveSubgraph.js';
import type { CountryContext } from '../../subgraphs/kit/countryContext.js';
import { buildRegionalSubgraph, startRegionalSubgraph } from '../../subgraphs/regional/index.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import type { Caller } from '../../platform/caller.js';
import type { RunningServer } from '../../platform/httpServer.js';

// The contract the owner's policy and audit build on: a plugin in a country subgraph sees the
// verified Caller, whether the gateway called it (`_entities`) or the regional subgraph did on the
// gateway's behalf (locate, check), with the gateway's context id as parent.
describe('the Caller in a country subgraph\'s context', () => {
  const config = testConfig(NO_CACHE_TTLS);
  const worker = sampleCandidates(defaultPopulation(), ['IDN'], 1, 1)[0];
  const seen: Array<{ caller: Caller | null; context: CountryContext['admission']['context'] }> = [];
  const capture: ApolloServerPlugin<CountryContext> = {
    async requestDidStart({ contextValue }) {
      seen.push({ caller: contextValue.caller, context: contextValue.admission.context });
    },
  };
  let stack: TestStack;
  const extra: RunningServer[] = [];
  let regionalUrl: string;

  beforeAll(async () => {
    stack = await startTestStack({ countries: [entryFor('IDN')], config });
    const registryUrls = Object.fromEntries([...stack.simulators].filter(([key]) => key.startsWith('IDN/')).map(([key, sim]) => [key.split('/')[1], sim.url]));
    const idn = await buildCountrySubgraph((await loadCountry('IDN')).country, countryRuntime(config, 'IDN', registryUrls, { ratePerSecond: 100_000 }));
    const idnServer = await serveSubgraph({ schema: idn.schema, context: (admission) => idn.createContext(admission), trust: stack.trust.verifierFor('idn'), plugins: [capture, ...idn.plugins.flatMap((plugin) => plugin.serverPlugins?.(idn) ?? [])], metrics: idn.metrics, health: {}, port: 0 });
    extra.push(idnServer);
    const regional = await buildRegionalSubgraph(regionalOptions(config, [{ code: 'IDN', url: idnServer.url }], { signer: stack.trust.regionalSigner }));
    const regionalServer = await startRegionalSubgraph(regional, 0, stack.trust.verifierFor('regional'));
    extra.push(regionalServer);
    regionalUrl = `${regionalServer.url}/graphql`;
  });
  afterAll(async () => {
    await Promise.all(extra.map((server) => server.close()));
    await stack?.close();
  });

  it('reaches the country through the regional subgraph, re-signed, with the gateway context as parent', async () => {
    const caller: Caller = { client: 'client-7', memberState: 'MYS', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], purpose: 'PERMIT_APPLICATION', officer: 'officer-9', subject: null, requestId: randomUUID() };
    let gatewayJti = '';
    const answer = await graphqlRequest<{ worker: { id: string } | null }>(regionalUrl, 'query($n: String!, $d: String!) { worker(nationality: $n, documentNumber: $d) { id } }', { n: worker.nationality, d: worker.documentNumber }, 20_000, async (body) => {
      const headers = await stack.trust.gateway.signer.headerFor({ caller }, 'regional', regionalUrl, body);
      gatewayJti = JSON.parse(Buffer.from(Object.values(headers)[0].split('.')[1], 'base64url').toString()).jti;
      return headers;
    });
    expect(answer.errors).toBeUndefined();
    expect(seen).toContainEqual({ caller, context: { issuer: 'rantau-regional', jti: expect.any(String), parent: gatewayJti } });
  });
});
