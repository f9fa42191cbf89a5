import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { idsPerCall } from '../../subgraphs/kit/adapter.js';
import { startTestStack, testConfig, NO_CACHE_TTLS, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { gatewayLimits } from '../../bin/runtime.js';
import { startGateway, type RunningGateway } from '../../gateway/server.js';
import { readConfig, type LimitSettings } from '../../platform/config.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';

// Abuse resistance (issue 8, docs/security.md), over real HTTP: what one client can no longer do
// to the gateway. One small stack (Indonesia and Viet Nam); gateways with other limits are started
// over the same subgraphs, as further replicas would be.
const COUNTRIES = [entryFor('IDN'), entryFor('VNM')];
const DEFAULTS = readConfig({}).limits;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> };
}

/** Authenticated as a case officer (the stack's default caller) unless `headers` say otherwise. */
let defaultHeaders: Record<string, string> = {};

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...defaultHeaders, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer['body'] };
}

describe('abuse resistance', () => {
  let stack: TestStack;
  const extra: RunningGateway[] = [];
  const sample = sampleCandidates(defaultPopulation(), ['IDN', 'VNM'], 1, 1)[0];
  const WORKER = { query: 'query W($n: String!, $d: String!) { worker(nationality: $n, documentNumber: $d) { id countries } }', variables: { n: sample.nationality, d: sample.documentNumber } };

  /** Another gateway over the same subgraphs, with these limits (the defaults otherwise). */
  async function gatewayWith(limits: Partial<LimitSettings>, supergraphSdl = stack.supergraphSdl, redisUrl?: string, keyPrefix?: string): Promise<RunningGateway> {
    const protection = await gatewayLimits(readConfig({}), COUNTRIES);
    const gateway = await startGateway({ supergraph: { kind: 'sdl', sdl: supergraphSdl }, port: 0, trust: stack.trust.gateway, ...protection, limits: { ...DEFAULTS, ...limits }, rateLimitStore: { redisUrl, keyPrefix } });
    extra.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    // The default limits (test stacks raise the document limits), with introspection on as in development.
    stack = await startTestStack({ countries: COUNTRIES, config: testConfig(NO_CACHE_TTLS, { limits: { ...DEFAULTS, introspection: true } }) });
    defaultHeaders = stack.headers();
  });
  afterAll(async () => {
    await Promise.all(extra.map((gateway) => gateway.close()));
    await stack?.close();
  });

  describe('client mistakes are 4xx with a JSON error, never 500 or a reset', () => {
    it('answers a mutation or a subscription 400 BAD_REQUEST', async () => {
      for (const query of ['mutation { worker }', 'subscription { worker }']) {
        const answer = await post(stack.gateway.url, { query });
        expect(answer.status).toBe(400);
        expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
      }
    });

    it('answers a 10 MB body 413 with a JSON error instead of resetting the connection', async () => {
      const answer = await post(stack.gateway.url, JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(10_000_000) }));
      expect(answer.status).toBe(413);
      expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    });

    it('refuses a document over the size limit before parsing it', async () => {
      const answer = await post(stack.gateway.url, { query: `query ${'N'.repeat(DEFAULTS.maxDocumentChars)} { __typename }` });
      expect(answer.status).toBe(400);
      expect(answer.text.length).toBeLessThan(500);
    });

    it('refuses a persisted-query hash that is not a SHA-256 (it would become a cache key)', async () => {
      const answer = await post(stack.gateway.url, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(100_000) } } });
      expect(answer.status).toBe(400);
      expect(answer.text.length).toBeLessThan(500);
    });

    it('refuses too many aliases, too deep a selection and too many tokens before planning', async () => {
      const aliases = Array.from({ length: DEFAULTS.maxAliases + 1 }, (_, i) => `a${i}: node(id: "IDN:CERT:x") { id }`).join(' ');
      const deep = `{ worker(nationality: "IDN", documentNumber: "C4812290") { ${'certifications { '.repeat(DEFAULTS.maxDepth)}id${' }'.repeat(DEFAULTS.maxDepth)} } }`;
      const tokens = `{ ${'a '.repeat(DEFAULTS.maxTokens)} }`;
      for (const query of [`{ ${aliases} }`, deep, tokens]) {
        const answer = await post(stack.gateway.url, { query });
        expect(answer.status, query.slice(0, 80)).toBe(400);
        expect(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']).toContain(answer.body.errors?.[0].extensions?.code);
      }
    });
  });

  describe('errors leak nothing', () => {
    it('cuts an echoed argument to a short prefix', async () => {
      const huge = 'A'.repeat(900_000);
      const answer = await post(stack.gateway.url, { query: 'query($d: String!) { worker(nationality: "IDN", documentNumber: $d) { id } }', variables: { d: huge } });
      expect(answer.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.text.length).toBeLessThan(1000);
    });

    it('suggests no field names', async () => {
      const answer = await post(stack.gateway.url, { query: '{ workr { id } }' });
      expect(answer.status).toBe(400);
      expect(answer.text).not.toMatch(/did you mean|worker/i);
    });

    it('refuses introspection by default and allows it when configured', async () => {
      expect(DEFAULTS.introspection).toBe(false);
      const off = await gatewayWith({ introspection: DEFAULTS.introspection });
      expect((await post(off.url, { query: '{ __schema { queryType { name } } }' })).body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await post(stack.gateway.url, { query: '{ __schema { queryType { name } } }' })).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    });

    it('masks a failing service: no URL, status or body, an error id that is in the log with the detail', async () => {
      const regionalUrl = stack.regional.url;
      const broken = await gatewayWith({}, stack.supergraphSdl.replaceAll(regionalUrl, 'http://127.0.0.1:9'));
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const answer = await post(broken.url, WORKER);
        const error = answer.body.errors?.[0];
        expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
        expect(answer.text).not.toMatch(/127\.0\.0\.1|:9\b|ECONNREFUSED|http|fetch|stack/i);
        const line = logged.mock.calls.map((call) => String(call[0])).find((text) => text.includes(String(error?.extensions?.errorId)));
        expect(line, 'the error id is logged').toBeDefined();
        expect(line).toMatch(/ECONNREFUSED|fetch/i);
        expect(line).not.toContain(sample.documentNumber);
      } finally {
        logged.mockRestore();
      }
    });
  });

  describe('bounded telemetry', () => {
    it('keeps a bounded set of operation names as metric labels, each cut short', async () => {
      const gateway = await gatewayWith({ operationLabels: 5 });
      for (let i = 0; i < 40; i++) await post(gateway.url, { query: `query Op${i}${'x'.repeat(2000)} { __typename }` });
      // The gateway's /metrics answers operators only.
      const metrics = await (await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${await stack.token({ role: 'operator' })}` } })).text();
      const labels = new Set([...metrics.matchAll(/rantau_graphql_requests_total\{operation="([^"]*)"/g)].map((m) => m[1]));
      expect(labels.size).toBeLessThanOrEqual(6);
      expect(labels).toContain('other');
      for (const label of labels) expect(label.length).toBeLessThanOrEqual(64);
    });
  });

  describe('registry-call budget', () => {
    it('refuses an operation estimated over the budget with OPERATION_TOO_EXPENSIVE, giving estimate and limit', async () => {
      const gateway = await gatewayWith({ registryCallBudget: 10 });
      const aliases = [0, 1, 2].map((i) => `w${i}: worker(nationality: "IDN", documentNumber: "C481229${i}") { id }`).join(' ');
      const answer = await post(gateway.url, { query: `{ ${aliases} }` });
      expect(answer.status).toBe(400);
      // Three holder searches on each of the stack's four registries.
      expect(answer.body.errors?.[0].extensions).toEqual({ code: 'OPERATION_TOO_EXPENSIVE', estimatedRegistryCalls: 12, limit: 10 });
    });

    it('returns the estimate when asked: ⌈n / batch limit⌉ per batch registry, n per single-record registry', async () => {
      const [kynang] = await loadSimulators('VNM');
      const bnsp = (await loadSimulators('IDN')).find((s) => s.profile.key === 'bnsp')!;
      const vnm = kynang.records(defaultPopulation()).slice(0, 3).map((r) => `VNM:${kynang.profile.kind}:${kynang.idOf(r as never)}`);
      const idn = bnsp.records(defaultPopulation()).slice(0, 120).map((r) => `IDN:CERT:${bnsp.idOf(r as never)}`);
      const answer = await post(stack.gateway.url, { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [...vnm, ...idn, 'malformed'] } }, { 'rantau-cost-estimate': 'true' });
      expect(answer.body.extensions?.cost).toEqual({ estimatedRegistryCalls: 3 + Math.ceil(120 / idsPerCall(bnsp.profile)), limit: DEFAULTS.registryCallBudget });
    });
  });

  describe('per-caller rate limits and quotas', () => {
    it('answers 429 with Retry-After and RATE_LIMITED past the limit, per caller, in memory without Redis', async () => {
      const gateway = await gatewayWith({ rateLimitRequests: 3, rateLimitWindowS: 60 });
      // Two callers, each with a valid token of its own client.
      const tokens = { one: await stack.token({ client: 'one' }), two: await stack.token({ client: 'two' }) };
      const as = (client: keyof typeof tokens) => post(gateway.url, { query: '{ __typename }' }, { authorization: `Bearer ${tokens[client]}` });
      for (let i = 0; i < 3; i++) expect((await as('one')).status).toBe(200);
      const refused = await as('one');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect((await as('two')).status).toBe(200);
    });

    it('shares the count between replicas through Redis', async () => {
      const prefix = `rantau-test-${randomUUID()}:`;
      const limits = { rateLimitRequests: 4, rateLimitWindowS: 60 };
      const [a, b] = [await gatewayWith(limits, undefined, 'redis://127.0.0.1:6379', prefix), await gatewayWith(limits, undefined, 'redis://127.0.0.1:6379', prefix)];
      // Let both connect, so the count is Redis's and not each replica's fallback.
      await new Promise((r) => setTimeout(r, 300));
      const statuses = [];
      const shared = await stack.token({ client: 'shared' });
      for (const gateway of [a, b, a, b, a]) statuses.push((await post(gateway.url, { query: '{ __typename }' }, { authorization: `Bearer ${shared}` })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      const redis = new Redis('redis://127.0.0.1:6379');
      try {
        const keys = await redis.keys(`${prefix}*`);
        expect(keys.length).toBeGreaterThan(0);
        // The key holds a hash of the credential, never the credential.
        for (const key of keys) expect(key).not.toContain('shared');
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    });

    it('takes each operation\'s estimated registry calls from the caller\'s quota', async () => {
      const gateway = await gatewayWith({ registryCallQuota: 10, registryCallQuotaWindowS: 60 });
      // Each worker look-up is estimated at four calls (the stack's four registries).
      expect((await post(gateway.url, WORKER)).status).toBe(200);
      expect((await post(gateway.url, WORKER)).status).toBe(200);
      const refused = await post(gateway.url, WORKER);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
