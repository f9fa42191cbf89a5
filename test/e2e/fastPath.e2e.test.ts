import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { gatewayLimits } from '../../bin/runtime.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { ServiceMetrics } from '../../platform/metrics.js';
import { MemoryStore } from '../../platform/store/memoryStore.js';
import { sampleCandidates, type SampleWorker } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { metric } from '../support/metrics.js';

// The gateway's fast path (gateway/fastPath.ts) over real HTTP: a repeated cacheable operation is
// answered before it is parsed, with exactly what the response cache would answer, to exactly
// the callers it would answer it to, for no longer, and every limit still charged.
const COUNTRIES = [entryFor('IDN'), entryFor('MYS')];
const workers = sampleCandidates(defaultPopulation(), ['IDN', 'MYS'], 10, 2);
const WORKER = 'query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { id countries certifications { id status } permits { id status } } }';
const vars = (w: SampleWorker) => ({ n: w.nationality, d: w.documentNumber, b: w.dateOfBirth });

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> };
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

describe('the fast path', () => {
  let stack: TestStack;
  /** The same subgraphs behind a gateway with the fast path off: what the whole pipeline answers. */
  let slow: RunningGateway;
  let operator: Record<string, string>;
  const fastHits = (url = stack.gateway.url) => metric(url, 'rantau_cache_events_total', { cache: 'response', kind: 'fast', outcome: 'hit' }, operator);
  const responseHits = (url: string) => metric(url, 'rantau_cache_events_total', { cache: 'response', outcome: 'hit' }, operator);

  beforeAll(async () => {
    stack = await startTestStack({ countries: COUNTRIES });
    const config = testConfig();
    slow = await startGateway({
      supergraph: { kind: 'sdl', sdl: stack.supergraphSdl },
      port: 0,
      trust: stack.trust.gateway,
      ...(await gatewayLimits(config, COUNTRIES)),
      metrics: new ServiceMetrics('gateway', config.limits.operationLabels),
      cache: { store: new MemoryStore(1000), settings: { ...config.cache, fastPath: false }, keySecret: randomBytes(32) },
    });
    operator = { authorization: `Bearer ${await stack.token({ role: 'operator' })}` };
  });
  afterAll(async () => {
    await slow?.close();
    await stack?.close();
  });

  it('answers a repeated query with the bytes and headers the response cache answers, without a registry call', async () => {
    const body = { query: WORKER, variables: vars(workers[0]) };
    const first = await post(stack.gateway.url, body, stack.headers());
    expect(first.body.errors).toBeUndefined();
    expect(first.headers.get('cache-control')).toMatch(/^max-age=[1-9]\d*, private$/);
    const before = await fastHits();
    await stack.resetStats();
    const fast = await post(stack.gateway.url, body, stack.headers());
    expect(await fastHits()).toBe(before + 1);
    expect(fast.body).toEqual(first.body);
    for (const key of stack.simulators.keys()) expect(Object.values(await stack.stats(key)).reduce((a, b) => a + b, 0)).toBe(0);
    // The whole pipeline's own response-cache hit, for the same caller, on the gateway without a fast path.
    await post(slow.url, body, stack.headers());
    const slowHitsBefore = await responseHits(slow.url);
    const slowHit = await post(slow.url, body, stack.headers());
    expect(await responseHits(slow.url)).toBe(slowHitsBefore + 1);
    expect(fast.text).toBe(slowHit.text);
    for (const header of ['content-type', 'cache-control']) expect(fast.headers.get(header)).toBe(slowHit.headers.get(header));
    expect(fast.headers.get('age')).toMatch(/^\d+$/);
  });

  it('never answers one entitlement with another’s entry; the same entitlement shares it', async () => {
    const body = { query: WORKER, variables: vars(workers[1]) };
    await post(stack.gateway.url, body, stack.headers());
    const before = await fastHits();
    const others: Array<Record<string, string>> = [
      stack.headers({ token: await stack.token({ memberState: 'MYS' }) }),
      stack.headers({ purpose: 'SKILLS_RECOGNITION' }),
      stack.headers({ token: await stack.token({ role: 'inspector', purposes: ['LABOUR_INSPECTION'] }), purpose: 'LABOUR_INSPECTION' }),
      stack.headers({ token: await stack.token({ role: 'subject', worker: `${workers[1].nationality}:${workers[1].documentNumber}` }), purpose: 'WORKER_REQUEST' }),
    ];
    for (const headers of others) {
      const answer = await post(stack.gateway.url, body, headers);
      // What the whole pipeline answers this caller.
      const expected = await post(slow.url, body, headers);
      expect(answer.status).toBe(expected.status);
      expect(answer.body).toEqual(expected.body);
    }
    expect(await fastHits()).toBe(before);
    // Refused before any entry is looked at: no token, a token that does not verify.
    const anonymous = await post(stack.gateway.url, body, stack.headers({ token: null }));
    expect(anonymous.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await post(stack.gateway.url, body, stack.headers({ token: `${await stack.token()}x` }));
    expect(forged.status).toBe(401);
    expect(await fastHits()).toBe(before);
    // Another officer of the same member state, same role, same purpose: the same answer, shared.
    await post(stack.gateway.url, body, stack.headers({ token: await stack.token({ officer: 'another-officer', client: 'another-client' }) }));
    expect(await fastHits()).toBe(before + 1);
  });

  it('tells operations apart by their variables and operation name', async () => {
    const first = await post(stack.gateway.url, { query: WORKER, variables: vars(workers[2]) }, stack.headers());
    const before = await fastHits();
    const other = await post(stack.gateway.url, { query: WORKER, variables: vars(workers[3]) }, stack.headers());
    expect(await fastHits()).toBe(before);
    expect(other.body.data).not.toEqual(first.body.data);
    expect(other.body).toEqual((await post(slow.url, { query: WORKER, variables: vars(workers[3]) }, stack.headers())).body);
    const named = await post(stack.gateway.url, { query: WORKER, variables: vars(workers[2]), operationName: 'W' }, stack.headers());
    expect(await fastHits()).toBe(before);
    expect(named.body).toEqual(first.body);
  });

  it('leaves mutations, introspection, answers with errors and cost estimates to the whole pipeline', async () => {
    const before = await fastHits();
    for (let i = 0; i < 2; i++) {
      const introspection = await post(stack.gateway.url, { query: '{ __schema { queryType { name } } }' }, stack.headers());
      expect(introspection.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const mutation = await post(stack.gateway.url, { query: 'mutation { worker }' }, stack.headers());
      expect(mutation.status).toBe(400);
      const estimated = await post(stack.gateway.url, { query: WORKER, variables: vars(workers[0]) }, { ...stack.headers(), 'rantau-cost-estimate': 'true' });
      expect(estimated.body.extensions?.cost).toMatchObject({ estimatedRegistryCalls: expect.any(Number) });
    }
    const body = { query: WORKER, variables: vars(workers[4]) };
    await stack.configure('MYS/imi', { down: true });
    try {
      for (let i = 0; i < 2; i++) {
        const partial = await post(stack.gateway.url, body, stack.headers());
        expect(partial.body.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', country: 'MYS' });
      }
    } finally {
      await stack.configure('MYS/imi', { down: false });
    }
    expect(await fastHits()).toBe(before);
    const healed = await post(stack.gateway.url, body, stack.headers());
    expect(healed.body.errors).toBeUndefined();
  });
});

describe('the fast path’s lifetimes and limits', () => {
  let stack: TestStack;
  let operator: Record<string, string>;
  const QUOTA = 8;
  const sample = sampleCandidates(defaultPopulation(), ['IDN'], 1, 1)[0];
  const body = { query: WORKER, variables: vars(sample) };
  const hits = (labels: Record<string, string>) => metric(stack.gateway.url, 'rantau_cache_events_total', { cache: 'response', outcome: 'hit', ...labels }, operator);

  beforeAll(async () => {
    // Every answer may be reused for 4 s (long enough for two requests on a loaded machine); each client may spend QUOTA estimated registry calls a minute.
    const base = testConfig();
    stack = await startTestStack({ countries: [entryFor('IDN')], config: testConfig({ responseTtlS: 4 }, { limits: { ...base.limits, registryCallQuota: QUOTA, registryCallQuotaWindowS: 60 } }) });
    operator = { authorization: `Bearer ${await stack.token({ role: 'operator', memberState: 'IDN' })}` };
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('answers no longer than the answer’s max-age', async () => {
    const headers = stack.headers({ token: await stack.token({ memberState: 'IDN', client: 'expiry-client' }) });
    const first = await post(stack.gateway.url, body, headers);
    const storedAt = Date.now();
    expect(first.headers.get('cache-control')).toBe('max-age=4, private');
    const before = await hits({});
    await post(stack.gateway.url, body, headers);
    expect(await hits({ kind: 'fast' })).toBeGreaterThan(0);
    expect(await hits({})).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, storedAt + 4_300 - Date.now())));
    const later = await post(stack.gateway.url, body, headers);
    expect(later.body).toEqual(first.body);
    // Neither the fast path nor the response cache answered it: both entries had expired.
    expect(await hits({})).toBe(before + 1);
  });

  it('charges every answer it gives to the caller’s registry-call quota', async () => {
    const headers = stack.headers({ token: await stack.token({ memberState: 'IDN', client: 'quota-client' }) });
    const estimated = await post(stack.gateway.url, body, { ...headers, 'rantau-cost-estimate': 'true' });
    const calls = (estimated.body.extensions?.cost as { estimatedRegistryCalls: number }).estimatedRegistryCalls;
    expect(calls).toBeGreaterThan(0);
    expect(calls * 3).toBeLessThanOrEqual(QUOTA);
    const fastBefore = await hits({ kind: 'fast' });
    const answers: Answer[] = [];
    for (let i = 0; i < Math.floor(QUOTA / calls); i++) answers.push(await post(stack.gateway.url, body, headers));
    // The estimate-header request spent `calls`; the rest of the quota allows this many more, then 429.
    const statuses = answers.map((a) => a.status);
    expect(statuses.slice(0, Math.floor(QUOTA / calls) - 1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await hits({ kind: 'fast' })).toBeGreaterThan(fastBefore);
    const refused = answers.at(-1)!;
    expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another client of the same entitlement has its own quota, and gets the cached answer.
    const other = await post(stack.gateway.url, body, stack.headers({ token: await stack.token({ memberState: 'IDN', client: 'another-quota-client' }) }));
    expect(other.status).toBe(200);
  });
});
