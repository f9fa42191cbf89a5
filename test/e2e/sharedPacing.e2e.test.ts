import { embeddedTrust } from '../../bin/trustRuntime.js';
import { DevIssuer } from '../../platform/trust/devIssuer.js';
import { operatorHeaders } from '../../sandbox/simulator/operatorCredential.js';
import type { Caller } from '../../platform/caller.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { loadCountry } from '../../subgraphs/countries.js';
import { buildCountrySubgraph, startCountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { internalFieldNames } from '../../subgraphs/kit/country.js';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import { bnspSimulator } from '../../subgraphs/idn/sandbox/bnsp.simulator.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { countryRuntime } from '../../bin/runtime.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { testConfig } from './testStack.js';

// Two replicas of the IDN subgraph in front of one BNSP registry that allows 10 calls a second
// (from any one address: both replicas are 127.0.0.1). Each replica alone paces at 9 a second; a
// load of 40 look-ups spread over both would reach the registry at 18 a second without shared
// pacing. Counted in the shared Redis, the registry sees no 429.
const REGISTRY_RATE = 10;
const PACED_RATE = 9;
const LOOKUPS_PER_REPLICA = 20;
// One look-up every 50 ms, 20 a second for two seconds: numbers that arrive while the registry is at
// its pace share a call (subgraphs/kit/plugins/sharedBatching.ts), so the load must last past the
// replicas' first burst for pacing to matter.
const ARRIVAL_MS = 50;
const ids = bnspSimulator.records(defaultPopulation()).slice(0, 2 * LOOKUPS_PER_REPLICA).map((record) => bnspSimulator.idOf(record));
const names = internalFieldNames('IDN');
const ENTITIES = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on ${names.certificationType} { id } } }`;

// The gateway's and the regional subgraph's keys, as the embedded stack makes them, and a caller who may see records.
const trust = await embeddedTrust({ ...testConfig().trust, devIssuer: true }, await DevIssuer.inMemory());
const CASE_OFFICER: Caller = { client: 'pacing-test', memberState: 'IDN', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], purpose: 'PERMIT_APPLICATION', officer: null, subject: null, requestId: randomUUID() };

interface Replicas {
  urls: string[];
  close(): Promise<void>;
}

async function startReplicas(registryUrl: string, pacing: 'shared' | 'local'): Promise<Replicas> {
  const definition = (await loadCountry('IDN')).country;
  const config = testConfig({ keyPrefix: `test:${randomUUID()}:` }, { redisUrl: 'redis://127.0.0.1:6379', registryPacing: pacing, registryTimeoutMs: 20_000 });
  const running: RunningServer[] = [];
  for (let i = 0; i < 2; i++) {
    const subgraph = await buildCountrySubgraph(definition, countryRuntime(config, 'IDN', { bnsp: registryUrl, tka: 'http://127.0.0.1:9' }, { ratePerSecond: PACED_RATE }));
    running.push(await startCountrySubgraph(subgraph, 0, trust.verifierFor('idn')));
  }
  // Pacing is shared once each replica's Redis connection is up (before that, each paces alone).
  for (const server of running) {
    for (let attempt = 0; ; attempt++) {
      const ready = (await (await fetch(`${server.url}/ready`)).json()) as { checks: Array<{ name: string; status: string }> };
      if (pacing === 'local' || ready.checks.find((check) => check.name === 'registry pacing')?.status === 'ok') break;
      if (attempt > 50) throw new Error('shared pacing never became ready');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { urls: running.map((server) => server.url), close: async () => void (await Promise.all(running.map((server) => server.close()))) };
}

/**
 * Every look-up, half to each replica, one every ARRIVAL_MS: past the window in which a country
 * batches concurrent requests' numbers into one call, so each is its own call unless it waits for the pace. Resolves with the
 * registry's call and 429 counts.
 */
async function load(simulator: RunningSimulator, replicas: Replicas): Promise<{ found: number; calls: number; rateLimited: number }> {
  await fetch(`${simulator.url}/__sim/stats/reset`, { method: 'POST', headers: operatorHeaders(simulator.operatorToken) });
  const answers = await Promise.all(
    ids.map(async (id, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * ARRIVAL_MS));
      const url = `${replicas.urls[i % 2]}/graphql`;
      // Every subgraph call carries a caller context signed by the gateway for that request (docs/security.md).
      return graphqlRequest<{ _entities: Array<{ id: string } | null> }>(url, ENTITIES, { r: [{ __typename: names.certificationType, id: `IDN:CERT:${id}` }] }, 30_000, (body) => trust.gateway.signer.headerFor({ caller: CASE_OFFICER }, 'idn', url, body));
    }),
  );
  const stats = (await (await fetch(`${simulator.url}/__sim/stats`, { headers: operatorHeaders(simulator.operatorToken) })).json()) as { routes: Record<string, number>; rateLimited: number };
  const calls = Object.values(stats.routes).reduce((sum, n) => sum + n, 0);
  return { found: answers.filter((answer) => answer.data?._entities[0]?.id).length, calls, rateLimited: stats.rateLimited };
}

describe('registry pacing shared by every replica', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startSimulator(bnspSimulator, { port: 0, config: { latencyMs: [1, 5], faultRate: 0, hangRate: 0, ratePerSecond: REGISTRY_RATE } });
  });
  afterAll(() => simulator?.close());

  it('keeps two replicas together under the registry\'s rate: no 429', async () => {
    const replicas = await startReplicas(simulator.url, 'shared');
    try {
      const started = Date.now();
      const { found, calls, rateLimited } = await load(simulator, replicas);
      expect(found).toBe(ids.length);
      expect(rateLimited).toBe(0);
      // Numbers waiting for the pace share a call; still more calls than one second's worth of the shared pace.
      expect(calls).toBeGreaterThan(PACED_RATE);
      // Those calls at 9 a second across both replicas: the pace was shared, not doubled.
      expect(Date.now() - started).toBeGreaterThan(((calls - PACED_RATE) / PACED_RATE) * 1000);
    } finally {
      await replicas.close();
    }
  });

  it('without it (REGISTRY_PACING=local) the same load trips the registry\'s limit', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the registry's bucket refills
    const replicas = await startReplicas(simulator.url, 'local');
    try {
      const { found, rateLimited } = await load(simulator, replicas);
      expect(found).toBe(ids.length);
      expect(rateLimited).toBeGreaterThan(0);
    } finally {
      await replicas.close();
    }
  });
});
