import type { RantauConfig } from '../platform/config.js';
import type { CountryRuntime } from '../subgraphs/kit/buildCountrySubgraph.js';
import { auditTrail, changeFeed, ownerPolicy, recordCache, registryMetrics, unbatched, type CountryPlugin } from '../subgraphs/kit/plugins/index.js';
import { auditHmacKey, auditLocation, leaseAuditLog } from '../platform/audit/index.js';
import { loadPolicy } from '../subgraphs/countries.js';
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
 * The owner's trust concerns, last in the list so that they wrap everything else: the member
 * state's sharing policy decides what leaves, and the audit trail (outermost) writes down what
 * left. Requests without a caller are released unfiltered until every request carries a verified
 * signed caller context (docs/security.md); then `withoutCaller` becomes `refuse`.
 */
function trustPlugins(config: RantauConfig, code: string): CountryPlugin[] {
  return [
    ownerPolicy({ policy: loadPolicy(code), withoutCaller: 'release' }),
    auditTrail({ lease: leaseAuditLog(auditLocation(config.audit)), writer: `country:${code}`, hmacKey: auditHmacKey(config.audit) }),
  ];
}

/**
 * The one place a country subgraph's plugins are chosen. `cached` (every deployment): registry
 * metrics, the record cache and the change feeds that keep it current. `naive` (the benchmark's
 * baseline only): registry metrics, and every record its own registry call. Both end with the
 * owner's policy and audit.
 */
export function countryPlugins(config: RantauConfig, metrics: ServiceMetrics, code: string): CountryPlugin[] {
  if (config.resolvers === 'naive') return [registryMetrics(metrics), unbatched(), ...trustPlugins(config, code)];
  const cache = recordCache({ store: storeFor(config, metrics), settings: config.cache, metrics });
  return [registryMetrics(metrics), cache, changeFeed(cache.cache, config.cache.changePollMs), ...trustPlugins(config, code)];
}

export function countryRuntime(config: RantauConfig, code: string, registryUrls: Record<string, string>, overrides: Partial<CountryRuntime> = {}): CountryRuntime {
  const metrics = overrides.metrics ?? new ServiceMetrics(`subgraph-${code.toLowerCase()}`);
  return {
    registryUrls,
    registryTimeoutMs: config.registryTimeoutMs,
    maxConcurrency: config.registryMaxConcurrency,
    metrics,
    plugins: countryPlugins(config, metrics, code),
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
