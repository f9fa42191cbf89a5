import { startStack, type Stack, type StackOptions } from '../../bin/stack.js';
import { graphqlRequest, type GraphQLResponse } from '../../platform/graphqlRequest.js';
import { readConfig, type CacheSettings, type RantauConfig } from '../../platform/config.js';

function withoutIndex(config: RantauConfig): RantauConfig {
  return { ...config, index: { ...config.index, enabled: false } };
}

/**
 * Settings for a test stack: the defaults, with cache settings and other fields overridden. The
 * country index is off unless a test switches it on (it needs its own database): a stack without
 * it searches every registry live, which is what the counts of the other tests assert.
 */
export function testConfig(cache: Partial<CacheSettings> = {}, rest: Partial<Omit<RantauConfig, 'cache'>> = {}): RantauConfig {
  const base = withoutIndex(readConfig({}));
  return { ...base, ...rest, cache: { ...base.cache, ...cache } };
}

/** Every cross-request cache off: each query sees the registries as they are at that moment. */
export const NO_CACHE_TTLS: Partial<CacheSettings> = { certTtlS: 0, permitTtlS: 0, negativeTtlS: 0, staleTtlS: 0, locatorTtlS: 0, responseTtlS: 0 };

/**
 * The embedded stack on ephemeral ports for end-to-end tests: real HTTP everywhere, faults off,
 * registry latency kept small and rate limits raised so that counts, not timings, are asserted.
 */
export async function startTestStack(options: StackOptions = {}): Promise<TestStack> {
  const stack = await startStack({
    ports: 'ephemeral',
    simulatorConfig: { latencyMs: [1, 5], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 },
    registryRatePerSecond: 100_000,
    // Generous budgets: counts are asserted, not timings, and a loaded 2-core machine must not turn
    // a slow answer into a failed one. Tests of timeouts set their own.
    registryTimeoutMs: 5000,
    countryTimeoutMs: 10_000,
    ...options,
    config: options.config ?? withoutIndex(readConfig()),
  });
  return Object.assign(stack, {
    query: <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => graphqlRequest<T>(`${stack.gateway.url}/graphql`, query, variables, 20_000) as Promise<GraphQLResponse<T>>,
    async stats(key: string): Promise<Record<string, number>> {
      return ((await (await fetch(`${stack.simulators.get(key)!.url}/__sim/stats`)).json()) as { routes: Record<string, number> }).routes;
    },
    async resetStats(): Promise<void> {
      await Promise.all([...stack.simulators.values()].map((s) => fetch(`${s.url}/__sim/stats/reset`, { method: 'POST' })));
    },
    async configure(key: string, config: Record<string, unknown>): Promise<void> {
      await fetch(`${stack.simulators.get(key)!.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
    },
  });
}

export type TestStack = Stack & {
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stats(key: string): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  configure(key: string, config: Record<string, unknown>): Promise<void>;
};
