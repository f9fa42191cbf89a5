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

function flagFrom(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new Error(`${name}: expected 1 or 0, got ${JSON.stringify(raw)}`);
}

/** Who may ask, and how Rantau's services vouch for the caller to each other (docs/security.md). */
export interface TrustSettings {
  /** The authorisation server's JWKS, fetched and refreshed on key rotation (AUTH_JWKS_URL). */
  jwksUrl: string | undefined;
  /** A JWKS file, re-read when it changes (AUTH_JWKS_FILE). */
  jwksFile: string | undefined;
  /** The `iss` tokens must carry (AUTH_ISSUER); required with AUTH_JWKS_URL or AUTH_JWKS_FILE. */
  issuer: string | undefined;
  /** The `aud` tokens must carry (AUTH_AUDIENCE). */
  audience: string;
  /** Clock skew tolerated on `exp`/`nbf`, seconds (AUTH_CLOCK_SKEW_S). */
  clockSkewS: number;
  /** The embedded development issuer; never on unless set (AUTH_DEV_ISSUER=1; `npm start` sets it). */
  devIssuer: boolean;
  /** Where the development issuer keeps its private key, shared with `npm run token` (AUTH_DEV_ISSUER_KEY_FILE). */
  devIssuerKeyFile: string;
  /** This service's private signing key (JWK), for the gateway and the regional subgraph (TRUST_SIGNING_KEY_FILE). */
  signingKeyFile: string | undefined;
  /** The gateway's public keys (JWKS), trusted by every subgraph (TRUST_GATEWAY_JWKS_FILE). */
  gatewayJwksFile: string | undefined;
  /** The regional subgraph's public keys (JWKS), trusted by the country subgraphs (TRUST_REGIONAL_JWKS_FILE). */
  regionalJwksFile: string | undefined;
  /** Lifetime of a signed caller context, seconds (TRUST_CONTEXT_TTL_S). */
  contextTtlS: number;
  /** The bearer credential the simulated registries' control endpoints accept (SIM_OPERATOR_TOKEN). */
  simOperatorToken: string | undefined;
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
  /** Whether a repeated cacheable operation is answered before it is parsed (CACHE_FAST_PATH; gateway/fastPath.ts). */
  fastPath: boolean;
  /** Automatic persisted queries (CACHE_TTL_APQ_S). */
  apqTtlS: number;
  /** Entries of the in-process cache used when there is no Redis (CACHE_MEMORY_ENTRIES). */
  memoryEntries: number;
  /** How often change feeds are read to invalidate records (CACHE_CHANGE_POLL_MS). */
  changePollMs: number;
  /** Prefix of every Redis key, for deployments sharing one Redis (CACHE_KEY_PREFIX). */
  keyPrefix: string;
  /** AES-256-GCM key of every cached value, 32 bytes as base64 or hex; random per process when unset (CACHE_ENCRYPTION_KEY). */
  encryptionKey: string | undefined;
}

/** The circuit breaker in front of every registry. */
export interface BreakerSettings {
  /** Consecutive failed calls (timeouts, dropped connections, 5xx) that open it (REGISTRY_BREAKER_FAILURES); 0 turns breakers off. */
  failures: number;
  /** How long it stays open before one probe call may close it again (REGISTRY_BREAKER_HALF_OPEN_MS). */
  halfOpenAfterMs: number;
}

/** OpenTelemetry, from the standard `OTEL_*` variables. */
export interface TracingSettings {
  /** `otlp`, `console` or `none` (OTEL_TRACES_EXPORTER; `otlp` by default once an OTLP endpoint is set, else `none`; OTEL_SDK_DISABLED=true: `none`). */
  exporter: 'otlp' | 'console' | 'none';
  /** OTEL_SERVICE_NAME; each launcher names its service when unset. */
  serviceName: string | undefined;
}

/** What one client may ask of the gateway (docs/security.md explains each). */
export interface LimitSettings {
  /** Largest HTTP request body, bytes; larger answers 413 (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** Largest GraphQL document, characters (GRAPHQL_MAX_DOCUMENT_CHARS). */
  maxDocumentChars: number;
  /** Most lexical tokens in a document; the parser stops there (GRAPHQL_MAX_TOKENS). */
  maxTokens: number;
  /** Deepest selection (GRAPHQL_MAX_DEPTH). */
  maxDepth: number;
  /** Most aliases in one document (GRAPHQL_MAX_ALIASES). */
  maxAliases: number;
  /** Most directives in one document (GRAPHQL_MAX_DIRECTIVES). */
  maxDirectives: number;
  /** Whether the schema may be introspected (GRAPHQL_INTROSPECTION; `npm start` turns it on). */
  introspection: boolean;
  /** Most registry calls one operation may be estimated to cause; 0 turns the check off (REGISTRY_CALL_BUDGET). */
  registryCallBudget: number;
  /** Requests one caller may send per window; 0 turns the rate limit off (RATE_LIMIT_REQUESTS). */
  rateLimitRequests: number;
  /** Window of RATE_LIMIT_REQUESTS, seconds (RATE_LIMIT_WINDOW_S). */
  rateLimitWindowS: number;
  /** Registry calls (estimated) one caller may cause per window; 0 turns the quota off (REGISTRY_CALL_QUOTA). */
  registryCallQuota: number;
  /** Window of REGISTRY_CALL_QUOTA, seconds (REGISTRY_CALL_QUOTA_WINDOW_S). */
  registryCallQuotaWindowS: number;
  /** Distinct operation names kept as metric labels before the rest count as `other` (METRICS_OPERATION_LABELS). */
  operationLabels: number;
  /** Most records one page of `searchPermits`/`searchCertifications` may ask for (SEARCH_MAX_PAGE). */
  searchMaxPage: number;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  return choiceFrom(env, name, ['true', 'false'] as const, fallback ? 'true' : 'false') === 'true';
}

/** The tamper-evident audit log (docs/security.md, "Audit"). */
export interface AuditSettings {
  /** PostgreSQL server holding the log; unset means PGlite in `dataDir` (AUDIT_DATABASE_URL). */
  databaseUrl: string | undefined;
  /** Folder of the embedded log and of generated keys; `memory://` keeps the log in memory (AUDIT_DATA_DIR). */
  dataDir: string;
  /** The embedded log's folder inside `dataDir`: one per process, since an embedded database belongs to one process (`pglite`; `npm run service` names one per service). */
  embedded: string;
  /** Key of the workers' identity HMACs; shared by every writer of one log; generated into `dataDir` when unset (AUDIT_HMAC_KEY). */
  hmacKey: string | undefined;
  /** Ed25519 private key (PKCS#8 PEM file) signing exported extracts; generated into `dataDir` when unset (AUDIT_EXPORT_KEY_FILE). */
  exportKeyFile: string | undefined;
}

export interface RantauConfig {
  /** Gateway port (PORT). */
  port: number;
  /** Time budget of one registry call, retries included (REGISTRY_TIMEOUT_MS). */
  registryTimeoutMs: number;
  /** Longest a live registry call waits for its turn under the registry's rate before failing as REGISTRY_RATE_LIMITED (REGISTRY_QUEUE_WAIT_MS). */
  registryQueueWaitMs: number;
  /** Calls in flight per registry per subgraph (REGISTRY_MAX_CONCURRENCY). */
  registryMaxConcurrency: number;
  /** Time the regional subgraph waits for one country subgraph (COUNTRY_TIMEOUT_MS). */
  countryTimeoutMs: number;
  /** Statistics cells counting fewer records than this are suppressed, with complementary cells (STATISTICS_SUPPRESSION_THRESHOLD). */
  statisticsSuppressionThreshold: number;
  /** Shared cache; unset means an in-process cache (REDIS_URL). */
  redisUrl: string | undefined;
  /**
   * Seed nodes of a Redis Cluster, `host:port` or `redis://[:password@]host:port`, comma-separated
   * (REDIS_CLUSTER_NODES). When set, it is used in place of REDIS_URL.
   */
  redisClusterNodes: string[] | undefined;
  /** What protects the service from a registry that fails or hangs. */
  breaker: BreakerSettings;
  /**
   * `shared` (default with Redis): registry pacing counted in Redis, so all replicas together keep
   * to each registry's rate; `local`: each process paces on its own (REGISTRY_PACING).
   */
  registryPacing: 'shared' | 'local';
  /** Longest wait for in-flight requests to finish after SIGTERM before connections are cut (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** Time between SIGTERM and closing the listener, while `/ready` already answers 503 (SHUTDOWN_DELAY_MS). */
  shutdownDelayMs: number;
  /** Least severe log level written: debug, info, warn, error (LOG_LEVEL). */
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  tracing: TracingSettings;
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
  trust: TrustSettings;
  limits: LimitSettings;
  audit: AuditSettings;
}

/** A hash tag in the prefix would put every key of a Redis Cluster in one slot. */
function keyPrefixFrom(env: NodeJS.ProcessEnv): string {
  const prefix = env.CACHE_KEY_PREFIX ?? '';
  if (/[{}]/.test(prefix)) throw new Error(`CACHE_KEY_PREFIX: must not contain { or } (Redis Cluster hash tags), got ${JSON.stringify(prefix)}`);
  return prefix;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): RantauConfig {
  const registryTimeoutMs = intFrom(env, 'REGISTRY_TIMEOUT_MS', 2500);
  return {
    port: intFrom(env, 'PORT', 4000),
    registryTimeoutMs,
    registryQueueWaitMs: intFrom(env, 'REGISTRY_QUEUE_WAIT_MS', 1000),
    registryMaxConcurrency: intFrom(env, 'REGISTRY_MAX_CONCURRENCY', 8),
    countryTimeoutMs: intFrom(env, 'COUNTRY_TIMEOUT_MS', registryTimeoutMs + 1500),
    statisticsSuppressionThreshold: Math.max(1, intFrom(env, 'STATISTICS_SUPPRESSION_THRESHOLD', 10)),
    redisUrl: env.REDIS_URL || undefined,
    redisClusterNodes: env.REDIS_CLUSTER_NODES ? env.REDIS_CLUSTER_NODES.split(',').map((node) => node.trim()).filter((node) => node !== '') : undefined,
    breaker: {
      failures: intFrom(env, 'REGISTRY_BREAKER_FAILURES', 5),
      halfOpenAfterMs: intFrom(env, 'REGISTRY_BREAKER_HALF_OPEN_MS', 10_000),
    },
    registryPacing: choiceFrom(env, 'REGISTRY_PACING', ['shared', 'local'] as const, 'shared'),
    shutdownGraceMs: intFrom(env, 'SHUTDOWN_GRACE_MS', 10_000),
    shutdownDelayMs: intFrom(env, 'SHUTDOWN_DELAY_MS', 0),
    logLevel: choiceFrom(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    tracing: {
      exporter:
        env.OTEL_SDK_DISABLED === 'true'
          ? 'none'
          : choiceFrom(env, 'OTEL_TRACES_EXPORTER', ['otlp', 'console', 'none'] as const, env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'otlp' : 'none'),
      serviceName: env.OTEL_SERVICE_NAME || undefined,
    },
    resolvers: choiceFrom(env, 'RESOLVERS', ['cached', 'naive'] as const, 'cached'),
    queryPlanCacheMiB: intFrom(env, 'QUERY_PLAN_CACHE_MIB', 30),
    locatorCacheSecret: env.LOCATOR_CACHE_SECRET || undefined,
    limits: {
      maxBodyBytes: intFrom(env, 'MAX_BODY_BYTES', 1_000_000),
      maxDocumentChars: intFrom(env, 'GRAPHQL_MAX_DOCUMENT_CHARS', 32_768),
      maxTokens: intFrom(env, 'GRAPHQL_MAX_TOKENS', 4000),
      maxDepth: intFrom(env, 'GRAPHQL_MAX_DEPTH', 8),
      maxAliases: intFrom(env, 'GRAPHQL_MAX_ALIASES', 200),
      maxDirectives: intFrom(env, 'GRAPHQL_MAX_DIRECTIVES', 50),
      introspection: booleanFrom(env, 'GRAPHQL_INTROSPECTION', false),
      registryCallBudget: intFrom(env, 'REGISTRY_CALL_BUDGET', 2500),
      rateLimitRequests: intFrom(env, 'RATE_LIMIT_REQUESTS', 1000),
      rateLimitWindowS: Math.max(1, intFrom(env, 'RATE_LIMIT_WINDOW_S', 10)),
      registryCallQuota: intFrom(env, 'REGISTRY_CALL_QUOTA', 30_000),
      registryCallQuotaWindowS: Math.max(1, intFrom(env, 'REGISTRY_CALL_QUOTA_WINDOW_S', 60)),
      operationLabels: intFrom(env, 'METRICS_OPERATION_LABELS', 100),
      searchMaxPage: Math.max(1, intFrom(env, 'SEARCH_MAX_PAGE', 100)),
    },
    audit: {
      databaseUrl: env.AUDIT_DATABASE_URL || undefined,
      dataDir: env.AUDIT_DATA_DIR || '.data/audit',
      embedded: 'pglite',
      hmacKey: env.AUDIT_HMAC_KEY || undefined,
      exportKeyFile: env.AUDIT_EXPORT_KEY_FILE || undefined,
    },
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
      fastPath: choiceFrom(env, 'CACHE_FAST_PATH', ['on', 'off'] as const, 'on') === 'on',
      apqTtlS: intFrom(env, 'CACHE_TTL_APQ_S', 86_400),
      memoryEntries: intFrom(env, 'CACHE_MEMORY_ENTRIES', 100_000),
      changePollMs: intFrom(env, 'CACHE_CHANGE_POLL_MS', 5000),
      keyPrefix: keyPrefixFrom(env),
      encryptionKey: env.CACHE_ENCRYPTION_KEY || undefined,
    },
    trust: {
      jwksUrl: env.AUTH_JWKS_URL || undefined,
      jwksFile: env.AUTH_JWKS_FILE || undefined,
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || 'rantau',
      clockSkewS: intFrom(env, 'AUTH_CLOCK_SKEW_S', 30),
      devIssuer: flagFrom(env, 'AUTH_DEV_ISSUER'),
      devIssuerKeyFile: env.AUTH_DEV_ISSUER_KEY_FILE || '.rantau/dev-issuer.key.json',
      signingKeyFile: env.TRUST_SIGNING_KEY_FILE || undefined,
      gatewayJwksFile: env.TRUST_GATEWAY_JWKS_FILE || undefined,
      regionalJwksFile: env.TRUST_REGIONAL_JWKS_FILE || undefined,
      contextTtlS: intFrom(env, 'TRUST_CONTEXT_TTL_S', 15),
      simOperatorToken: env.SIM_OPERATOR_TOKEN || undefined,
    },
  };
}
