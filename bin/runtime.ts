import type { RantauConfig } from '../platform/config.js';
import type { CountryRuntime } from '../subgraphs/kit/buildCountrySubgraph.js';
import { ServiceMetrics } from '../platform/metrics.js';
import { createStore } from '../platform/store/createStore.js';
import type { CacheStore } from '../platform/store/store.js';
import { LocatorCache } from '../subgraphs/regional/locatorCache.js';
import type { RegionalOptions } from '../subgraphs/regional/index.js';
import type { CountryEndpoint } from '../subgraphs/regional/countryLocator.js';
import type { GatewayOptions } from '../gateway/server.js';
import type { RegistryTable } from '../gateway/limits/registryBudget.js';
import { countryEntries, loadCountry, type CountryEntry } from '../subgraphs/countries.js';

/**
 * Turns configuration into each service's runtime: its metrics, its cache store (Redis or
 * in-process) and the caches over it. Shared by the embedded stack and the one-service-per-process
 * launcher so both run the same code paths. RESOLVERS=naive switches caches and batching off.
 */
function storeFor(config: RantauConfig, metrics: ServiceMetrics): CacheStore {
  return createStore(config.redisUrl, config.cache, (operation) => metrics.cacheErrors.inc({ operation }));
}

export function countryRuntime(config: RantauConfig, code: string, registryUrls: Record<string, string>, overrides: Partial<CountryRuntime> = {}): CountryRuntime {
  const metrics = new ServiceMetrics(`subgraph-${code.toLowerCase()}`, config.limits.operationLabels);
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
  const metrics = new ServiceMetrics('regional', config.limits.operationLabels);
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
  const metrics = new ServiceMetrics('gateway', config.limits.operationLabels);
  return {
    metrics,
    queryPlanCacheMiB: config.queryPlanCacheMiB,
    ...(config.resolvers === 'cached' ? { cache: { store: storeFor(config, metrics), settings: config.cache } } : {}),
  };
}

/**
 * Every registry's batch limit by country, from each country's published profiles: the plain
 * table the gateway's registry-call budget estimates from (the gateway imports no country code).
 */
export async function registryTable(entries: readonly CountryEntry[] = countryEntries): Promise<RegistryTable> {
  const table: RegistryTable = {};
  for (const entry of entries) {
    const { country } = await loadCountry(entry.code);
    table[entry.code] = [country.certifications.profile, country.permits.profile].map((profile) => ({ registry: profile.key, kind: profile.kind, batchLimit: profile.batchLimit }));
  }
  return table;
}

/** The gateway's limits (docs/security.md): settings, the registry table, and where callers are counted. */
export async function gatewayLimits(config: RantauConfig, entries: readonly CountryEntry[] = countryEntries): Promise<Pick<GatewayOptions, 'limits' | 'registries' | 'rateLimitStore'>> {
  return { limits: config.limits, registries: await registryTable(entries), rateLimitStore: { redisUrl: config.redisUrl, keyPrefix: config.cache.keyPrefix } };
}
