import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { deleteKeysUnder } from '../support/redisKeys.js';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { sampleCandidates, type SampleWorker } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { imiSimulator } from '../../subgraphs/mys/sandbox/imi.simulator.js';
import { bnspSimulator } from '../../subgraphs/idn/sandbox/bnsp.simulator.js';
import type { ImiRecord } from '../../subgraphs/mys/imi.native.js';
import { PrivateRedis } from '../support/redisServer.js';
import { freePort } from '../../platform/httpServer.js';
import { metric } from '../support/metrics.js';
import { operatorHeaders } from '../../sandbox/simulator/operatorCredential.js';
import { open } from '../../platform/store/encryptedStore.js';
import { cacheSecrets } from '../../platform/store/cacheSecrets.js';

// The caches end to end, on Redis: the shared one on 127.0.0.1:6379 under a key prefix of this
// run, and a private redis-server that the outage test kills and restarts.
const REDIS_URL = 'redis://127.0.0.1:6379';
const CACHE_KEY = randomBytes(32).toString('base64');
const COUNTRIES = [entryFor('IDN'), entryFor('MYS')];
const population = defaultPopulation();
const workers = sampleCandidates(population, ['IDN', 'MYS'], 40, 2);

const WORKER = (selection: string) => `query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { ${selection} } }`;
const FULL = 'countries certifications { id status stale retrievedAt } permits { id status nativeStatus stale }';
const vars = (w: SampleWorker) => ({ n: w.nationality, d: w.documentNumber, b: w.dateOfBirth });

async function post(url: string, body: unknown, headers: Record<string, string>) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { headers: response.headers, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } };
}

/** Calls for records: the change-feed polls that run in the background are not counted. */
async function totalRegistryCalls(stack: TestStack): Promise<number> {
  let total = 0;
  for (const [key, simulator] of stack.simulators) {
    const feed = simulator.profile.changeFeed?.route;
    for (const [route, calls] of Object.entries(await stack.stats(key))) if (route !== feed) total += calls;
  }
  return total;
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, attempts = 50): Promise<T> {
  let value = await probe();
  for (let i = 0; i < attempts && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

describe('caches across requests, on the shared Redis', () => {
  let stack: TestStack;
  const prefix = `test:${randomUUID()}:`;

  beforeAll(async () => {
    stack = await startTestStack({
      countries: COUNTRIES,
      config: testConfig({ keyPrefix: prefix, changePollMs: 100, certTtlS: 2, encryptionKey: CACHE_KEY }, { redisUrl: REDIS_URL }),
    });
  });
  afterAll(async () => {
    await stack?.close();
    await deleteKeysUnder(REDIS_URL, prefix);
  });

  it('answers a worker already looked up without a single registry call', async () => {
    const worker = workers[0];
    const first = await stack.query(WORKER(FULL), vars(worker));
    expect(first.errors).toBeUndefined();
    await stack.resetStats();
    // Another selection, so the gateway's response cache cannot answer: the locator and record caches must.
    const second = await stack.query(WORKER('countries permits { id status } certifications { id status }'), vars(worker));
    expect(second.errors).toBeUndefined();
    expect((second.data as { worker: { countries: string[] } }).worker.countries).toEqual(['IDN', 'MYS']);
    expect(await totalRegistryCalls(stack)).toBe(0);
    expect(await metric(stack.regional.url, 'rantau_cache_events_total', { cache: 'locator', outcome: 'hit' })).toBeGreaterThanOrEqual(2);
    expect(await metric(stack.subgraphs.get('IDN')!.url, 'rantau_cache_events_total', { cache: 'record', country: 'IDN', outcome: 'hit' })).toBeGreaterThan(0);
  });

  it('keeps the records, not names or documents, under the locator keys', async () => {
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}rantau:loc:*`);
      expect(keys.length).toBeGreaterThan(0);
      const values = await redis.mget(...keys);
      for (const [i, value] of values.entries()) {
        expect(keys[i]).not.toContain(workers[0].documentNumber);
        // Sealed (AES-256-GCM); opened with the deployment's key, it holds record ids only.
        const opened = open(cacheSecrets(CACHE_KEY).encryption, keys[i].slice(prefix.length), value!);
        expect(Object.keys(JSON.parse(opened!))).toEqual(['c', 'p']);
        expect(value).not.toContain(workers[0].documentNumber);
        expect(opened).not.toContain(workers[0].documentNumber);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('answers an identical operation from the response cache, separately for each caller', async () => {
    // Fields the regional subgraph answers alone: IDN's registries and MYS permits publish change
    // feeds polled every 100 ms here, and records from them are never reusable for longer than one poll.
    const body = { query: WORKER('countries certifications { id } permits { id }'), variables: vars(workers[1]) };
    const operator = { authorization: `Bearer ${await stack.token({ role: 'operator' })}` };
    const hits = () => metric(stack.gateway.url, 'rantau_cache_events_total', { cache: 'response', outcome: 'hit' }, operator);
    const first = await post(stack.gateway.url, body, stack.headers());
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+, private/);
    const before = await hits();
    await stack.resetStats();
    const again = await post(stack.gateway.url, body, stack.headers());
    expect(again.body).toEqual(first.body);
    expect(await hits()).toBe(before + 1);
    // A caller presenting other credentials never gets the anonymous caller's entry.
    // A caller with another entitlement (another member state) never gets the first caller's entry…
    await post(stack.gateway.url, body, stack.headers({ token: await stack.token({ memberState: 'MYS' }) }));
    expect(await hits()).toBe(before + 1);
    // …nor one asking for another purpose; the same entitlement under another officer's token does.
    await post(stack.gateway.url, body, stack.headers({ purpose: 'SKILLS_RECOGNITION' }));
    expect(await hits()).toBe(before + 1);
    await post(stack.gateway.url, body, stack.headers({ token: await stack.token({ officer: 'another-officer' }) }));
    expect(await hits()).toBe(before + 2);
  });

  it('keeps the fast path\'s answers sealed, under keys that name no one', async () => {
    const body = { query: WORKER('countries certifications { id } permits { id }'), variables: vars(workers[1]) };
    await post(stack.gateway.url, body, stack.headers());
    const redis = new Redis(REDIS_URL);
    try {
      const keys = await eventually(() => redis.keys(`${prefix}rantau:fast:v1:*`), (found) => found.length > 0);
      expect(keys.length).toBeGreaterThan(0);
      const values = await redis.mget(...keys);
      for (const [i, value] of values.entries()) {
        expect(keys[i]).not.toContain(workers[1].documentNumber);
        expect(value).not.toContain('"data"');
        const opened = JSON.parse(open(cacheSecrets(CACHE_KEY).encryption, keys[i].slice(prefix.length), value!)!) as { body: string; maxAgeS: number };
        expect(JSON.parse(opened.body)).toHaveProperty('data');
        expect(opened.maxAgeS).toBeGreaterThan(0);
      }
    } finally {
      redis.disconnect();
    }
  });

  it('does not store an answer that carries an error', async () => {
    const body = { query: WORKER(FULL), variables: vars(workers[2]) };
    await stack.configure('MYS/imi', { down: true });
    try {
      const partial = await post(stack.gateway.url, body, stack.headers());
      expect(partial.body.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', country: 'MYS' });
      expect(partial.headers.get('cache-control') ?? '').not.toMatch(/max-age=[1-9]/);
    } finally {
      await stack.configure('MYS/imi', { down: false });
    }
    const healed = await post(stack.gateway.url, body, stack.headers());
    expect(healed.body.errors).toBeUndefined();
  });

  it('stores automatic persisted queries in Redis', async () => {
    const query = WORKER('countries');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await post(stack.gateway.url, { extensions, variables: vars(workers[3]) }, stack.headers());
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(stack.gateway.url, { query, extensions, variables: vars(workers[3]) }, stack.headers());
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post(stack.gateway.url, { extensions, variables: vars(workers[4]) }, stack.headers());
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toMatchObject({ worker: { countries: expect.arrayContaining(['IDN']) } });
    const redis = new Redis(REDIS_URL);
    try {
      expect(await redis.keys(`${prefix}rantau:apq:v1:*${sha256Hash}`)).toHaveLength(1);
    } finally {
      redis.disconnect();
    }
  });

  it('serves the last good record, flagged stale, when its registry fails after the TTL', async () => {
    const worker = workers[5];
    const first = (await stack.query<{ worker: { certifications: Array<{ id: string; retrievedAt: string }> } }>(WORKER(FULL), vars(worker))).data!.worker;
    const cert = first.certifications.find((c) => c.id.startsWith('IDN:'))!;
    await new Promise((r) => setTimeout(r, 2100)); // past certTtlS
    await stack.configure('IDN/bnsp', { down: true });
    try {
      const result = await stack.query<{ node: { id: string; stale: boolean; retrievedAt: string } }>(`query N($id: ID!) { node(id: $id) { id ... on Certification { stale retrievedAt } } }`, { id: cert.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.node).toEqual({ id: cert.id, stale: true, retrievedAt: cert.retrievedAt });
      expect(await metric(stack.subgraphs.get('IDN')!.url, 'rantau_cache_events_total', { cache: 'record', outcome: 'stale' })).toBeGreaterThan(0);
    } finally {
      await stack.configure('IDN/bnsp', { down: false });
    }
  });

  it('drops a record from the cache when the registry\'s change feed reports it', async () => {
    const native = imiSimulator.records(population).find((r) => r.status === 'ACTIVE')!;
    const id = `MYS:PERMIT:${native.passNo}`;
    const query = `query P($id: ID!) { node(id: $id) { id ... on WorkPermit { status nativeStatus } } }`;
    expect((await stack.query<{ node: { status: string } }>(query, { id })).data!.node.status).toBe('ACTIVE');
    const cancelled: ImiRecord = { ...native, status: 'CANCELLED' };
    await fetch(`${stack.simulators.get('MYS/imi')!.url}/__sim/records`, { method: 'POST', headers: operatorHeaders(stack.operatorToken), body: JSON.stringify([cancelled]) });
    // The permit TTL is ten minutes: only the change feed can make the cancellation visible now.
    const seen = await eventually(
      async () => (await stack.query<{ node: { status: string } }>(`query P2($id: ID!) { node(id: $id) { id ... on WorkPermit { status } } }`, { id })).data?.node.status,
      (status) => status === 'CANCELLED',
    );
    expect(seen).toBe('CANCELLED');
    expect(await metric(stack.subgraphs.get('MYS')!.url, 'rantau_cache_events_total', { cache: 'record', country: 'MYS', outcome: 'invalidated' })).toBeGreaterThan(0);
  });

  it('publishes Prometheus metrics on the gateway and every subgraph', async () => {
    // A certificate never seen in this run: fetched by id, in a batch.
    const native = bnspSimulator.records(population)[100];
    await stack.query(`query N($id: ID!) { node(id: $id) { id } }`, { id: `IDN:CERT:${bnspSimulator.idOf(native)}` });
    const gateway = await (await fetch(`${stack.gateway.url}/metrics`, { headers: { authorization: `Bearer ${await stack.token({ role: 'operator' })}` } })).text();
    expect(gateway).toContain('rantau_graphql_requests_total{operation="W",outcome="ok",service="gateway"}');
    expect(gateway).toContain('rantau_graphql_request_duration_seconds_bucket');
    const idn = await (await fetch(`${stack.subgraphs.get('IDN')!.url}/metrics`)).text();
    expect(idn).toContain('rantau_registry_call_duration_seconds_bucket');
    const idnUrl = stack.subgraphs.get('IDN')!.url;
    const labels = { country: 'IDN', registry: 'bnsp', service: 'subgraph-idn' };
    expect(await metric(idnUrl, 'rantau_registry_calls_total', { ...labels, status: '200' })).toBeGreaterThan(0);
    expect(await metric(idnUrl, 'rantau_registry_batch_size_count', labels)).toBeGreaterThan(0);
    // The outage of the stale-if-error test above: 503s, counted as errors.
    expect(await metric(idnUrl, 'rantau_registry_errors_total', { ...labels, reason: 'http-503' })).toBeGreaterThan(0);
    const regional = await (await fetch(`${stack.regional.url}/metrics`)).text();
    expect(regional).toContain('service="regional"');
  });
});

describe('Redis going away mid-run', () => {
  let stack: TestStack;
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    stack = await startTestStack({ countries: COUNTRIES, config: testConfig({}, { redisUrl: redis.url }) });
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.kill();
  });

  it('answers every request while Redis is killed and restarted, then caches again', async () => {
    const ask = async (w: SampleWorker, selection = FULL) => {
      const result = await stack.query<{ worker: { countries: string[] } | null }>(WORKER(selection), vars(w));
      expect(result.errors).toBeUndefined();
      expect(result.data!.worker!.countries).toEqual(['IDN', 'MYS']);
    };
    for (const w of workers.slice(10, 14)) await ask(w);
    await redis.kill();
    for (const w of workers.slice(10, 20)) await ask(w, 'countries certifications { id } permits { id }');
    await redis.start();
    // ioredis reconnects on its own; once it has, answers are cached again.
    const hits = () => metric(stack.regional.url, 'rantau_cache_events_total', { cache: 'locator', outcome: 'hit' });
    const before = await hits();
    const cachedAgain = await eventually(
      async () => {
        await ask(workers[20], 'countries');
        await ask(workers[20], 'countries permits { id }');
        return hits();
      },
      (n) => n > before,
      300, // ioredis backs off up to 2 s between attempts; under a loaded CI machine the first hit can take many seconds
    );
    expect(cachedAgain).toBeGreaterThan(before);
    expect(await metric(stack.regional.url, 'rantau_cache_errors_total', {})).toBeGreaterThan(0);
  }, 90_000);
});
