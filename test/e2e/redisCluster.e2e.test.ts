import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Cluster } from 'ioredis';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { RedisStore } from '../../platform/store/redisStore.js';
import { RedisCluster } from '../support/redisCluster.js';
import { metric } from '../support/metrics.js';

// Every shared cache on a real three-master Redis Cluster (REDIS_CLUSTER_NODES): record cache,
// locator cache, persisted queries, response cache. A multi-key command across hash slots is
// refused by a cluster (CROSSSLOT); the keys' hash tags and the store's per-slot grouping keep
// every command within one slot.
const COUNTRIES = [entryFor('IDN'), entryFor('MYS')];
const [worker] = sampleCandidates(defaultPopulation(), ['IDN', 'MYS'], 40, 2);
const variables = { n: worker.nationality, d: worker.documentNumber, b: worker.dateOfBirth };
const WORKER = (selection: string) => `query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { ${selection} } }`;

/** Sent as the test stack's default caller (a case officer) once the stack is up. */
let caller: Record<string, string> = {};

async function post(url: string, body: unknown) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...caller }, body: JSON.stringify(body) });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

describe('the shared caches on a three-master Redis Cluster', () => {
  const cluster = new RedisCluster();
  let stack: TestStack;

  beforeAll(async () => {
    await cluster.start();
    stack = await startTestStack({ countries: COUNTRIES, config: testConfig({}, { redisClusterNodes: cluster.nodes }) });
    caller = stack.headers();
    // Every service's store has connected (readiness says so) before the first query.
    for (const url of [stack.gateway.url, stack.regional.url, ...[...stack.subgraphs.values()].map((s) => s.url)]) {
      for (let attempt = 0; ; attempt++) {
        const ready = (await (await fetch(`${url}/ready`)).json()) as { status: string };
        if (ready.status === 'ok') break;
        if (attempt > 100) throw new Error(`${url} never became ready: ${JSON.stringify(ready)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await cluster.stop();
  });

  it('reads and writes keys of many slots in one call of the store', async () => {
    const errors: string[] = [];
    const store = new RedisStore({ clusterNodes: cluster.nodes }, { keyPrefix: 'test:', onError: (operation, error) => errors.push(`${operation}: ${error.message}`) });
    try {
      expect(await store.ready()).toBe(true);
      const entries = ['a', 'b', 'c', '{x}1', '{x}2', '{y}1'].map((key) => ({ key, value: `v-${key}`, ttlMs: 10_000 }));
      await store.setMany(entries);
      expect(await store.getMany(entries.map((e) => e.key))).toEqual(entries.map((e) => e.value));
      await store.deleteMany(['a', '{x}1', '{y}1']);
      expect(await store.getMany(['a', 'b', '{x}1', '{x}2', '{y}1'])).toEqual([null, 'v-b', null, 'v-{x}2', null]);
      // A CROSSSLOT refusal would be reported here (a command timing out on a busy machine is not the point).
      expect(errors.filter((error) => !/timed out/i.test(error))).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('serves records, located ids, persisted queries and responses from the cluster', async () => {
    const selection = 'countries certifications { id status } permits { id status }';
    const first = await post(stack.gateway.url, { query: WORKER(selection), variables });
    expect(first.errors).toBeUndefined();
    expect((first.data!.worker as { countries: string[] }).countries.sort()).toEqual(['IDN', 'MYS']);

    // The same operation again: the gateway's response cache.
    // The gateway's /metrics answers operators only.
    const operator = { authorization: `Bearer ${await stack.token({ role: 'operator' })}` };
    const responseHits = () => metric(stack.gateway.url, 'rantau_cache_events_total', { cache: 'response', outcome: 'hit' }, operator);
    const before = await responseHits();
    expect(await post(stack.gateway.url, { query: WORKER(selection), variables })).toEqual(first);
    expect(await responseHits()).toBe(before + 1);

    // Another selection for the same worker: located ids and records come from the cluster, not the registries.
    await stack.resetStats();
    const other = await post(stack.gateway.url, { query: WORKER('certifications { id title } permits { id validUntil }'), variables });
    expect(other.errors).toBeUndefined();
    for (const key of stack.simulators.keys()) {
      const calls = Object.entries(await stack.stats(key)).filter(([route]) => !route.includes('change'));
      expect(calls, key).toEqual([]);
    }
    expect(await metric(stack.regional.url, 'rantau_cache_events_total', { cache: 'locator', outcome: 'hit' })).toBeGreaterThan(0);
    expect(await metric(stack.subgraphs.get('IDN')!.url, 'rantau_cache_events_total', { cache: 'record', outcome: 'hit' })).toBeGreaterThan(0);

    // Automatic persisted queries: registered once, then sent by hash alone.
    const query = WORKER('countries');
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    expect((await post(stack.gateway.url, { extensions, variables })).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(stack.gateway.url, { query, extensions, variables })).errors).toBeUndefined();
    expect((await post(stack.gateway.url, { extensions, variables: { ...variables, b: null } })).errors).toBeUndefined();

    // The keys are spread over the masters.
    const client = new Cluster(cluster.nodes.map((node) => ({ host: '127.0.0.1', port: Number(node.split(':')[1]) })));
    try {
      await new Promise<void>((resolve) => client.once('ready', () => resolve()));
      const perMaster = await Promise.all(client.nodes('master').map((node) => node.keys('rantau:*')));
      const all = perMaster.flat();
      expect(all.filter((key) => key.startsWith('rantau:rec:v1:{')).map((key) => key.slice(0, key.indexOf('}') + 1))).toEqual(expect.arrayContaining(['rantau:rec:v1:{IDN:CERT}', 'rantau:rec:v1:{MYS:PERMIT}']));
      expect(all.some((key) => key.startsWith('rantau:loc:v2:{MYS}:'))).toBe(true);
      expect(all.some((key) => key.startsWith('rantau:apq:v1:'))).toBe(true);
      expect(all.some((key) => key.startsWith('rantau:resp:v2:'))).toBe(true);
      expect(perMaster.filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
    } finally {
      client.disconnect();
    }
  });
});
