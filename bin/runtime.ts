import type { RantauConfig } from '../platform/config.js';
import type { CountryRuntime } from '../subgraphs/kit/buildCountrySubgraph.js';
import { changeFeed, countryIndexPlugin, recordCache, registryMetrics, sharedBatching, unbatched, type CountryPlugin } from '../subgraphs/kit/plugins/index.js';
import { ServiceMetrics } from '../platform/metrics.js';
import { createStore } from '../platform/store/createStore.js';
import type { CacheStore } from '../platform/store/store.js';
import { LocatorCache } from '../subgraphs/regional/locatorCache.js';
import type { RegionalOptions } from '../subgraphs/regional/index.js';
import type { CountryEndpoint } from '../subgraphs/regional/countryLocator.js';
import type { GatewayOptions } from '../gateway/server.js';

/**
 * Turns configuration into each service's runtime: its metrics, its cache store (Redis or
 * in-process) and the caches over it. Shared by the embedded stack and the one-service-per-process
 * launcher so both run the same code paths. RESOLVERS=naive switches caches and batching off.
 */
function storeFor(config: RantauConfig, metrics: ServiceMetrics): CacheStore {
  return createStore(config.redisUrl, config.cache, (operation) => metrics.cacheErrors.inc({ operation }));
}

/**
 * The one place a country subgraph's plugins are chosen. `cached` (every deployment): registry
 * metrics, reads by number batched across requests, the record cache and the change feeds that
 * keep it current, and the country index
 * (INDEX=on) that locates identities without searching. `naive` (the benchmark's baseline only):
 * registry metrics, and every record its own registry call.
 */
export function countryPlugins(config: RantauConfig, metrics: ServiceMetrics): CountryPlugin[] {
  if (config.resolvers === 'naive') return [registryMetrics(metrics), unbatched()];
  const cache = recordCache({ store: storeFor(config, metrics), settings: config.cache, metrics });
  // Batching across requests sits inside the record cache: only misses wait for the window.
  const plugins: CountryPlugin[] = [registryMetrics(metrics), sharedBatching(SHARED_BATCH_WINDOW_MS), cache, changeFeed(cache.cache, config.cache.changePollMs)];
  if (config.index.enabled) plugins.push(countryIndex(config, metrics));
  return plugins;
}

/** How long a read by number waits for others to share its registry call: far below a registry's latency (40–500 ms). */
const SHARED_BATCH_WINDOW_MS = 2;

function countryIndex(config: RantauConfig, metrics: ServiceMetrics): CountryPlugin {
  const { index } = config;
  return countryIndexPlugin({
    location: index.databaseUrl,
    hmacKey: index.hmacKey,
    freshnessS: index.freshnessS,
    rateShare: index.syncRateShare,
    intervalMs: index.syncIntervalMs,
    reconcileS: index.reconcileS,
    metrics,
  });
}

export function countryRuntime(config: RantauConfig, code: string, registryUrls: Record<string, string>, overrides: Partial<CountryRuntime> = {}): CountryRuntime {
  const metrics = overrides.metrics ?? new ServiceMetrics(`subgraph-${code.toLowerCase()}`);
  return {
    registryUrls,
    registryTimeoutMs: config.registryTimeoutMs,
    maxConcurrency: config.registryMaxConcurrency,
    metrics,
    plugins: countryPlugins(config, metrics),
    ...overrides,
  };
}

export function regionalOptions(config: RantauConfig, countries: CountryEndpoint[], overrides: Partial<RegionalOptions> = {}): RegionalOptions {
  const metrics = new ServiceMetrics('regional');
  const cached = config.resolvers === 'cached';
  const onEvent = (country: string, outcome: string, count: number) => metrics.cache.inc({ cache: 'locator', country, kind: '', outcome }, count);
  return {
    countries,
    countryTimeoutMs: config.countryTimeoutMs,
    metrics,
    batching: cached,
    ...(cached
      ? {
          locatorCache: new LocatorCache(storeFor(config, metrics), config.cache.locatorTtlS, config.locatorCacheSecret, onEvent),
          responseMaxAgeS: Math.min(config.cache.locatorTtlS, config.cache.responseTtlS),
        }
      : {}),
    ...overrides,
  };
}

export function gatewayCaching(config: RantauConfig): Pick<GatewayOptions, 'cache' | 'metrics' | 'queryPlanCacheMiB'> {
  const metrics = new ServiceMetrics('gateway');
  return {
    metrics,
    queryPlanCacheMiB: config.queryPlanCacheMiB,
    ...(config.resolvers === 'cached' ? { cache: { store: storeFor(config, metrics), settings: config.cache } } : {}),
  };
}
