import { startStack, type Stack, type StackOptions } from '../../bin/stack.js';
import { graphqlRequest, type GraphQLResponse } from '../../platform/graphqlRequest.js';
import { readConfig, type CacheSettings, type RantauConfig } from '../../platform/config.js';
import { DevIssuer, type TokenRequest } from '../../platform/trust/devIssuer.js';
import { operatorHeaders } from '../../sandbox/simulator/operatorCredential.js';
import type { Caller } from '../../platform/caller.js';
import { randomUUID } from 'node:crypto';

/**
 * Settings for a test stack: the defaults, with cache settings and other fields overridden.
 * Introspection is on, as in development (`npm start`). The document limits are raised, as
 * registry rates are: the conformance suite counts registry calls with up to 2 × batch limit + 1
 * aliased `node` fields. test/e2e/security.e2e.test.ts and test/fuzz/ run with the defaults.
 */
export const TEST_LIMITS_ENV = { GRAPHQL_INTROSPECTION: 'true', GRAPHQL_MAX_DOCUMENT_CHARS: '1000000', GRAPHQL_MAX_TOKENS: '200000', GRAPHQL_MAX_ALIASES: '5000' };

function withoutIndex(config: RantauConfig): RantauConfig {
  return { ...config, index: { ...config.index, enabled: false } };
}

/**
 * Settings for a test stack: the defaults, with cache settings and other fields overridden. The
 * country index is off unless a test switches it on (it needs its own database): a stack without
 * it searches every registry live, which is what the counts of the other tests assert.
 */
export function testConfig(cache: Partial<CacheSettings> = {}, rest: Partial<Omit<RantauConfig, 'cache'>> = {}): RantauConfig {
  // The audit log of the run's own database (test/globalSetup.ts); limits raised as documented above.
  const base = withoutIndex(readConfig({ ...TEST_LIMITS_ENV, AUDIT_DATABASE_URL: process.env.AUDIT_DATABASE_URL, AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY }));
  return { ...base, ...rest, cache: { ...base.cache, ...cache } };
}

/** Every cross-request cache off: each query sees the registries as they are at that moment. */
export const NO_CACHE_TTLS: Partial<CacheSettings> = { certTtlS: 0, permitTtlS: 0, negativeTtlS: 0, staleTtlS: 0, locatorTtlS: 0, responseTtlS: 0 };

/** Who the tests ask as unless they say otherwise: an Indonesian case officer for a permit application. */
export const DEFAULT_CALLER: TokenRequest = { role: 'case-officer', memberState: 'IDN', officer: 'officer-test' };
export const DEFAULT_PURPOSE = 'PERMIT_APPLICATION';
const DEFAULT_CALLER_VERIFIED: Omit<Caller, 'requestId'> = {
  client: 'dev-idn-case-officer',
  memberState: 'IDN',
  role: 'case-officer',
  purposes: ['PERMIT_APPLICATION', 'SKILLS_RECOGNITION'],
  purpose: 'PERMIT_APPLICATION',
  officer: 'officer-test',
  subject: null,
};

export interface QueryOptions {
  /** A bearer token; null sends none (anonymous). Default: a token for DEFAULT_CALLER. */
  token?: string | null;
  /** The Rantau-Purpose header; null sends none. Default: DEFAULT_PURPOSE. */
  purpose?: string | null;
}

/**
 * The embedded stack on ephemeral ports for end-to-end tests: real HTTP everywhere, faults off,
 * registry latency kept small and rate limits raised so that counts, not timings, are asserted.
 * Every query authenticates: tokens come from a development issuer held in memory by the test.
 */
export async function startTestStack(options: StackOptions = {}): Promise<TestStack> {
  const devIssuer = options.devIssuer ?? (await DevIssuer.inMemory());
  // The IDE opens with a ready token, as under `npm start` (its purpose: the IDE's default).
  let ideHeaders: string | undefined;
  const stack = await startStack({
    ports: 'ephemeral',
    simulatorConfig: { latencyMs: [1, 5], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 },
    registryRatePerSecond: 100_000,
    // Generous budgets: counts are asserted, not timings, and a loaded 2-core machine must not turn
    // a slow answer into a failed one. Tests of timeouts set their own.
    registryTimeoutMs: 5000,
    countryTimeoutMs: 10_000,
    ideHeaders: () => ideHeaders,
    config: testConfig(),
    ...options,
    devIssuer,
  });
  // A stack of one country asks as that country's own case officer, whom its policy lets see its
  // records in full (conformance checks every field); a stack of several asks as DEFAULT_CALLER.
  const only = options.countries?.length === 1 ? options.countries[0].code : undefined;
  const defaultToken = await devIssuer.issue(only ? { ...DEFAULT_CALLER, memberState: only } : DEFAULT_CALLER);
  ideHeaders = JSON.stringify({ Authorization: `Bearer ${defaultToken}`, 'Rantau-Purpose': 'SKILLS_RECOGNITION' }, null, 2);
  const operator = operatorHeaders(stack.operatorToken);
  const headersFor = (options: QueryOptions = {}): Record<string, string> => {
    const token = options.token === undefined ? defaultToken : options.token;
    const purpose = options.purpose === undefined ? DEFAULT_PURPOSE : options.purpose;
    return { ...(token !== null ? { authorization: `Bearer ${token}` } : {}), ...(purpose !== null ? { 'rantau-purpose': purpose } : {}) };
  };
  return Object.assign(stack, {
    devIssuer,
    token: (request: Partial<TokenRequest> = {}) => devIssuer.issue({ ...DEFAULT_CALLER, ...request }),
    headers: headersFor,
    query: <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, options: QueryOptions = {}) =>
      graphqlRequest<T>(`${stack.gateway.url}/graphql`, query, variables, 20_000, headersFor(options)) as Promise<GraphQLResponse<T>>,
    async subgraphQuery<T = Record<string, unknown>>(service: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
      const url = `${service === 'regional' ? stack.regional.url : stack.subgraphs.get(service.toUpperCase())!.url}/graphql`;
      const caller = { ...DEFAULT_CALLER_VERIFIED, requestId: randomUUID() };
      return graphqlRequest<T>(url, query, variables, 20_000, (body) => stack.trust.gateway.signer.headerFor({ caller }, service.toLowerCase(), url, body));
    },
    async stats(key: string): Promise<Record<string, number>> {
      return ((await (await fetch(`${stack.simulators.get(key)!.url}/__sim/stats`, { headers: operator })).json()) as { routes: Record<string, number> }).routes;
    },
    async resetStats(): Promise<void> {
      await Promise.all([...stack.simulators.values()].map((s) => fetch(`${s.url}/__sim/stats/reset`, { method: 'POST', headers: operator })));
    },
    async configure(key: string, config: Record<string, unknown>): Promise<void> {
      await fetch(`${stack.simulators.get(key)!.url}/__sim/config`, { method: 'POST', headers: operator, body: JSON.stringify(config) });
    },
    async upsert(key: string, records: unknown[]): Promise<void> {
      const response = await fetch(`${stack.simulators.get(key)!.url}/__sim/records`, { method: 'POST', headers: operator, body: JSON.stringify(records) });
      if (!response.ok) throw new Error(`${key}: the simulator refused the records (${response.status})`);
    },
  });
}

export type TestStack = Stack & {
  devIssuer: DevIssuer;
  /** A token from the stack's development issuer: DEFAULT_CALLER with these fields replaced. */
  token(request?: Partial<TokenRequest>): Promise<string>;
  /** The Authorization and Rantau-Purpose headers `query` sends. */
  headers(options?: QueryOptions): Record<string, string>;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLResponse<T>>;
  /** Straight to one subgraph (`regional`, `idn`, …), with a caller context signed as the gateway signs it for DEFAULT_CALLER. */
  subgraphQuery<T = Record<string, unknown>>(service: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stats(key: string): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  configure(key: string, config: Record<string, unknown>): Promise<void>;
  /** Adds or replaces native records in one simulator (and feeds its change log). */
  upsert(key: string, records: unknown[]): Promise<void>;
};
