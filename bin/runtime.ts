import type { RantauConfig } from '../platform/config.js';
import type { CountryRuntime } from '../subgraphs/kit/buildCountrySubgraph.js';
import { auditTrail, changeFeed, countryIndexPlugin, ownerPolicy, recordCache, registryMetrics, sharedBatching, unbatched, verifierFields, type CountryPlugin } from '../subgraphs/kit/plugins/index.js';
import { auditHmacKey, auditLocation, leaseAuditLog, serviceAudit } from '../platform/audit/index.js';
import { loadPolicy } from '../subgraphs/countries.js';
import { ServiceMetrics } from '../platform/metrics.js';
import { createStore } from '../platform/store/createStore.js';
import { redisTarget } from '../platform/store/redisConnection.js';
import type { CacheStore } from '../platform/store/store.js';
import { EncryptedStore } from '../platform/store/encryptedStore.js';
import { cacheSecrets, type CacheSecrets } from '../platform/store/cacheSecrets.js';
import { LocatorCache } from '../subgraphs/regional/locatorCache.js';
import type { RegionalOptions } from '../subgraphs/regional/index.js';
import type { CountryEndpoint } from '../subgraphs/regional/countryLocator.js';
import type { GatewayOptions } from '../gateway/server.js';
import { SharedPacing } from '../subgraphs/kit/registry/sharedPacing.js';
import type { RegistryTable } from '../gateway/limits/registryBudget.js';
import { countryEntries, loadCountry, type CountryEntry } from '../subgraphs/countries.js';
import { profileOf } from '../subgraphs/kit/country.js';
import { batchLimitOf } from '../subgraphs/kit/adapter.js';

/**
 * Turns configuration into each service's runtime: its metrics, its cache store (Redis or
 * in-process) and the caches over it. Shared by the embedded stack and the one-service-per-process
 * launcher so both run the same code paths. RESOLVERS=naive switches caches and batching off.
 */
function storeFor(config: RantauConfig, metrics: ServiceMetrics, secrets: CacheSecrets = cacheSecrets(config.cache.encryptionKey)): CacheStore {
  const store = createStore(redisTarget(config), config.cache, (operation) => metrics.cacheErrors.inc({ operation }));
  // Values that leave the process (Redis) are sealed; the in-process LRU holds them as they are.
  return store.kind === 'redis' ? new EncryptedStore(store, secrets.encryption) : store;
}

/**
 * The owner's trust concerns, last in the list so that they wrap everything else: the member
 * state's sharing policy decides what leaves, and the audit trail (outermost) writes down what
 * left. Every request carries a verified signed caller context (docs/security.md); one without a
 * caller is refused.
 */
function trustPlugins(config: RantauConfig, code: string): CountryPlugin[] {
  return [
    // A verifier's fixed limit (statuses and validity only), whatever a policy says.
    verifierFields(),
    ownerPolicy({ policy: loadPolicy(code), withoutCaller: 'refuse' }),
    auditTrail({ lease: leaseAuditLog(auditLocation(config.audit)), writer: `country:${code}`, hmacKey: auditHmacKey(config.audit) }),
  ];
}

/**
 * The one place a country subgraph's plugins are chosen. `cached` (every deployment): registry
 * metrics, reads by number batched across requests, the record cache and the change feeds that
 * keep it current, and the country index (INDEX=on) that locates identities without searching.
 * `naive` (the benchmark's baseline only): registry metrics, and every record its own registry
 * call. Both end with the owner's policy and audit.
 */
export function countryPlugins(config: RantauConfig, metrics: ServiceMetrics, code: string): CountryPlugin[] {
  if (config.resolvers === 'naive') return [registryMetrics(metrics), unbatched(), ...trustPlugins(config, code)];
  const cache = recordCache({ store: storeFor(config, metrics), settings: config.cache, metrics });
  // Batching across requests sits inside the record cache: only misses wait for the window.
  const plugins: CountryPlugin[] = [registryMetrics(metrics), sharedBatching(SHARED_BATCH_WINDOW_MS), cache, changeFeed(cache.cache, config.cache.changePollMs)];
  if (config.index.enabled) plugins.push(countryIndex(config, metrics));
  plugins.push(...trustPlugins(config, code));
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
  const metrics = overrides.metrics ?? new ServiceMetrics(`subgraph-${code.toLowerCase()}`, config.limits.operationLabels);
  const redis = redisTarget(config);
  return {
    registryUrls,
    registryTimeoutMs: config.registryTimeoutMs,
    registryQueueWaitMs: config.registryQueueWaitMs,
    maxConcurrency: config.registryMaxConcurrency,
    metrics,
    plugins: countryPlugins(config, metrics, code),
    breaker: config.breaker,
    // Pacing is shared whenever replicas can share it, naive resolvers included: a registry's rate is not negotiable.
    ...(redis && config.registryPacing === 'shared' ? { pacing: new SharedPacing(redis, config.cache.keyPrefix, () => metrics.cacheErrors.inc({ operation: 'pacing' })) } : {}),
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
    suppressionThreshold: config.statisticsSuppressionThreshold,
    metrics,
    batching: cached,
    searchMaxPage: config.limits.searchMaxPage,
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
  const secrets = cacheSecrets(config.cache.encryptionKey);
  return {
    metrics,
    queryPlanCacheMiB: config.queryPlanCacheMiB,
    ...(config.resolvers === 'cached' ? { cache: { store: storeFor(config, metrics, secrets), settings: config.cache, keySecret: secrets.keyHashing } } : {}),
  };
}

/** The gateway's own audit chain, `gateway`, in the same log as the owners' chains. */
export function gatewayAudit(config: RantauConfig): Pick<GatewayOptions, 'audit'> {
  return { audit: serviceAudit(config.audit, 'gateway') };
}

/**
 * Every registry's batch limit by country, from each country's published profiles: the plain
 * table the gateway's registry-call budget estimates from (the gateway imports no country code).
 */
export async function registryTable(entries: readonly CountryEntry[] = countryEntries): Promise<RegistryTable> {
  const table: RegistryTable = {};
  for (const entry of entries) {
    const { country } = await loadCountry(entry.code);
    table[entry.code] = [country.certifications, country.permits].map(profileOf).map((profile) => ({ registry: profile.key, kind: profile.kind, batchLimit: batchLimitOf(profile) }));
  }
  return table;
}

/** The gateway's limits (docs/security.md): settings, the registry table, and where callers are counted. */
export async function gatewayLimits(config: RantauConfig, entries: readonly CountryEntry[] = countryEntries): Promise<Pick<GatewayOptions, 'limits' | 'registries' | 'rateLimitStore'>> {
  return { limits: config.limits, registries: await registryTable(entries), rateLimitStore: { redisUrl: config.redisUrl, keyPrefix: config.cache.keyPrefix } };
}
