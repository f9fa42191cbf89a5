import type { RantauConfig } from '../platform/config.js';
import type { CountryRuntime } from '../subgraphs/kit/buildCountrySubgraph.js';
import { ServiceMetrics } from '../platform/metrics.js';
import { createStore } from '../platform/store/createStore.js';
import type { CacheStore } from '../platform/store/store.js';
import { EncryptedStore } from '../platform/store/encryptedStore.js';
import { cacheSecrets, type CacheSecrets } from '../platform/store/cacheSecrets.js';
import { LocatorCache } from '../subgraphs/regional/locatorCache.js';
import type { RegionalOptions } from '../subgraphs/regional/index.js';
import type { CountryEndpoint } from '../subgraphs/regional/countryLocator.js';
import type { GatewayOptions } from '../gateway/server.js';

/**
 * Turns configuration into each service's runtime: its metrics, its cache store (Redis or
 * in-process) and the caches over it. Shared by the embedded stack and the one-service-per-process
 * launcher so both run the same code paths. RESOLVERS=naive switches caches and batching off.
 */
function storeFor(config: RantauConfig, metrics: ServiceMetrics, secrets: CacheSecrets = cacheSecrets(config.cache.encryptionKey)): CacheStore {
  const store = createStore(config.redisUrl, config.cache, (operation) => metrics.cacheErrors.inc({ operation }));
  // Values that leave the process (Redis) are sealed; the in-process LRU holds them as they are.
  return store.kind === 'redis' ? new EncryptedStore(store, secrets.encryption) : store;
}

export function countryRuntime(config: RantauConfig, code: string, registryUrls: Record<string, string>, overrides: Partial<CountryRuntime> = {}): CountryRuntime {
  const metrics = new ServiceMetrics(`subgraph-${code.toLowerCase()}`);
  const cached = config.resolvers === 'cached';
  return {
    registryUrls,
    registryTimeoutMs: config.registryTimeoutMs,
    maxConcurrency: config.registryMaxConcurrency,
    metrics,
    batching: cached,
    ...(cached
      ? {
          cache: { store: storeFor(config, metrics), settings: config.cache },
          responseMaxAgeS: { CERT: Math.min(config.cache.certTtlS, config.cache.responseTtlS), PERMIT: Math.min(config.cache.permitTtlS, config.cache.responseTtlS) },
        }
      : {}),
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
  const secrets = cacheSecrets(config.cache.encryptionKey);
  return {
    metrics,
    queryPlanCacheMiB: config.queryPlanCacheMiB,
    ...(config.resolvers === 'cached' ? { cache: { store: storeFor(config, metrics, secrets), settings: config.cache, keySecret: secrets.keyHashing } } : {}),
  };
}
