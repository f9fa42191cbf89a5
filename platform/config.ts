/** Settings read from the environment, with the defaults the embedded stack uses. */
function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name}: expected a whole number, got ${JSON.stringify(raw)}`);
  return value;
}

function choiceFrom<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(choices as readonly string[]).includes(raw)) throw new Error(`${name}: expected one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw as T;
}

function fractionFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value >= 1) throw new Error(`${name}: expected a fraction between 0 and 1 (exclusive), got ${JSON.stringify(raw)}`);
  return value;
}

/** The country index (subgraphs/kit/index/): where it lives, how fresh it must be to answer alone, how it syncs. */
export interface IndexSettings {
  /** `on` (default) or `off` (INDEX). */
  enabled: boolean;
  /** `postgres://…` (a PostgreSQL server), `memory://`, or a folder for the embedded PGlite (INDEX_DATABASE_URL; default `data/index`). */
  databaseUrl: string;
  /** Keys the identity HMACs; every replica reading one index must share it. Unset: random per process, so nothing is shared (INDEX_HMAC_KEY). */
  hmacKey: string | undefined;
  /** How old a registry's index may be and still answer alone; older, the registry is searched live (INDEX_FRESHNESS_S). */
  freshnessS: number;
  /** Share of each registry's published rate the sync uses; live requests keep the rest (INDEX_SYNC_RATE_SHARE). */
  syncRateShare: number;
  /** Between two reads of a change feed or issue-date window (INDEX_SYNC_INTERVAL_MS). */
  syncIntervalMs: number;
  /** Between two full reconciliation passes (INDEX_RECONCILE_S). */
  reconcileS: number;
}

/** How long cached things live, in seconds. */
export interface CacheSettings {
  /** Certifications change rarely (CACHE_TTL_CERT_S). */
  certTtlS: number;
  /** Permits are cancelled and renewed more often (CACHE_TTL_PERMIT_S). */
  permitTtlS: number;
  /** An id the registry does not know (CACHE_TTL_NEGATIVE_S). */
  negativeTtlS: number;
  /** How long past its TTL a record may still be served, flagged stale, when its registry fails (CACHE_STALE_TTL_S). */
  staleTtlS: number;
  /** Which countries hold which record ids for an identity, at the regional subgraph (CACHE_TTL_LOCATOR_S). */
  locatorTtlS: number;
  /** Identical operations answered from the gateway's response cache (CACHE_TTL_RESPONSE_S). */
  responseTtlS: number;
  /** Automatic persisted queries (CACHE_TTL_APQ_S). */
  apqTtlS: number;
  /** Entries of the in-process cache used when there is no Redis (CACHE_MEMORY_ENTRIES). */
  memoryEntries: number;
  /** How often change feeds are read to invalidate records (CACHE_CHANGE_POLL_MS). */
  changePollMs: number;
  /** Prefix of every Redis key, for deployments sharing one Redis (CACHE_KEY_PREFIX). */
  keyPrefix: string;
}

export interface RantauConfig {
  /** Gateway port (PORT). */
  port: number;
  /** Time budget of one registry call, retries included (REGISTRY_TIMEOUT_MS). */
  registryTimeoutMs: number;
  /** Calls in flight per registry per subgraph (REGISTRY_MAX_CONCURRENCY). */
  registryMaxConcurrency: number;
  /** Time the regional subgraph waits for one country subgraph (COUNTRY_TIMEOUT_MS). */
  countryTimeoutMs: number;
  /** Shared cache; unset means an in-process cache (REDIS_URL). */
  redisUrl: string | undefined;
  /**
   * `cached` (default): cross-request caches and batching. `naive`: neither, every reference and
   * identity its own registry call; the benchmark's baseline, never a deployment choice (RESOLVERS).
   */
  resolvers: 'cached' | 'naive';
  /** Approximate size of the gateway's query-plan cache in MiB (QUERY_PLAN_CACHE_MIB). */
  queryPlanCacheMiB: number;
  /** Keys the hashes under which the regional subgraph caches identities; share it between replicas (LOCATOR_CACHE_SECRET). */
  locatorCacheSecret: string | undefined;
  cache: CacheSettings;
  index: IndexSettings;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RantauConfig {
  const registryTimeoutMs = intFrom(env, 'REGISTRY_TIMEOUT_MS', 2500);
  return {
    port: intFrom(env, 'PORT', 4000),
    registryTimeoutMs,
    registryMaxConcurrency: intFrom(env, 'REGISTRY_MAX_CONCURRENCY', 8),
    countryTimeoutMs: intFrom(env, 'COUNTRY_TIMEOUT_MS', registryTimeoutMs + 1500),
    redisUrl: env.REDIS_URL || undefined,
    resolvers: choiceFrom(env, 'RESOLVERS', ['cached', 'naive'] as const, 'cached'),
    queryPlanCacheMiB: intFrom(env, 'QUERY_PLAN_CACHE_MIB', 30),
    locatorCacheSecret: env.LOCATOR_CACHE_SECRET || undefined,
    index: {
      enabled: choiceFrom(env, 'INDEX', ['on', 'off'] as const, 'on') === 'on',
      databaseUrl: env.INDEX_DATABASE_URL || 'data/index',
      hmacKey: env.INDEX_HMAC_KEY || undefined,
      freshnessS: intFrom(env, 'INDEX_FRESHNESS_S', 300),
      syncRateShare: fractionFrom(env, 'INDEX_SYNC_RATE_SHARE', 0.3),
      syncIntervalMs: intFrom(env, 'INDEX_SYNC_INTERVAL_MS', 10_000),
      reconcileS: intFrom(env, 'INDEX_RECONCILE_S', 86_400),
    },
    cache: {
      certTtlS: intFrom(env, 'CACHE_TTL_CERT_S', 3600),
      permitTtlS: intFrom(env, 'CACHE_TTL_PERMIT_S', 600),
      negativeTtlS: intFrom(env, 'CACHE_TTL_NEGATIVE_S', 60),
      staleTtlS: intFrom(env, 'CACHE_STALE_TTL_S', 86_400),
      locatorTtlS: intFrom(env, 'CACHE_TTL_LOCATOR_S', 60),
      responseTtlS: intFrom(env, 'CACHE_TTL_RESPONSE_S', 30),
      apqTtlS: intFrom(env, 'CACHE_TTL_APQ_S', 86_400),
      memoryEntries: intFrom(env, 'CACHE_MEMORY_ENTRIES', 100_000),
      changePollMs: intFrom(env, 'CACHE_CHANGE_POLL_MS', 5000),
      keyPrefix: env.CACHE_KEY_PREFIX ?? '',
    },
  };
}
