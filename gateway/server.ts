// Imported first: Apollo's telemetry is off before @apollo/gateway is loaded (noPhoningHome.ts).
import { noReportingPlugins } from './limits/noPhoningHome.js';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { SignedDataSource } from './auth/signedDataSource.js';
import { accessPlugin, type GatewayContext } from './auth/accessPlugin.js';
import { tokenGuard } from './auth/tokenGuard.js';
import { gatewayAuditPlugin } from './auth/gatewayAudit.js';
import type { ServiceAudit } from '../platform/audit/index.js';
import { operatorOnly } from './auth/operatorRoute.js';
import type { AccessTokenVerifier } from '../platform/trust/accessToken.js';
import type { ContextSigner } from '../platform/trust/callerContext.js';
import type { JsonWebKeySet } from '../platform/trust/keys.js';
import { serveGraphQL, sendJson, type RouteHandler, type RunningServer } from '../platform/httpServer.js';
import { supergraphHook, type SupergraphSource } from './supergraphSource.js';
import { ideRoutes } from './ide/routes.js';
import { analystRoutes } from './analyst/routes.js';
import { cacheMetricsPlugin, persistedQueries, responseCache } from './caching.js';
import { FastPath, type FastPathContext } from './fastPath.js';
import { ServiceMetrics, metricsPlugin } from '../platform/metrics.js';
import type { CacheStore } from '../platform/store/store.js';
import { readConfig, type CacheSettings, type LimitSettings } from '../platform/config.js';
import { boundedLogger } from '../platform/maskedErrors.js';
import { maskError } from './limits/maskErrors.js';
import { queryOnlyPlugin } from './limits/queryOnly.js';
import { documentGuard, operationLimits } from './limits/operationLimits.js';
import { RegistryBudget, type RegistryTable } from './limits/registryBudget.js';
import { CallerLimits } from './limits/callerLimits.js';
import { credentialCallerKey, verifiedCallerKey } from './limits/callerKey.js';
import { Readiness, storeProbe } from '../platform/readiness.js';

export interface GatewayOptions {
  supergraph: SupergraphSource;
  port: number;
  host?: string;
  /** Query shown in the IDE's first tab (read on every page load); the saved examples follow it. */
  defaultQuery?: () => string | undefined;
  /** Request headers the IDE starts with, JSON, read on every page load (`npm start`: a development token and purpose). */
  ideHeaders?: () => string | undefined;
  /** The token the analyst page starts with when its tab holds none, read on every page load (`npm start`: a development analyst token). */
  analystToken?: () => string | undefined;
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** Verifies callers' tokens, and signs the caller context sent with every subgraph call. */
  trust: {
    tokens: AccessTokenVerifier;
    signer: ContextSigner;
    /** The development issuer's public keys, served at /dev-issuer/jwks.json when it is enabled. */
    devIssuerJwks?: () => JsonWebKeySet;
  };
  /**
   * The gateway's audit chain: every personal-data operation of an authenticated caller is written
   * before its answer leaves, cache hits included (gateway/auth/gatewayAudit.ts). Absent, the
   * gateway writes none (the owners still write theirs).
   */
  audit?: ServiceAudit;
  routes?: Record<string, RouteHandler>;
  /** Persisted queries and the response cache live here; absent, neither is kept. `keySecret` keys the HMAC of response-cache keys. */
  cache?: { store: CacheStore; settings: CacheSettings; keySecret: Buffer };
  /** Approximate size of the query-plan cache (MiB). */
  queryPlanCacheMiB?: number;
  metrics?: ServiceMetrics;
  /** What one client may ask (docs/security.md); the defaults of readConfig() when absent. */
  limits?: LimitSettings;
  /**
   * Every registry with its batch limit, by country: what the registry-call budget estimates
   * from. The launcher builds it from the countries' profiles (bin/runtime.ts); absent, no
   * operation is estimated to call any registry.
   */
  registries?: RegistryTable;
  /** Where callers' rate limits and quotas are counted across replicas; in process without a URL. */
  rateLimitStore?: { redisUrl?: string; keyPrefix?: string };
}

export const DEFAULT_QUERY = `# Rantau: one query over the labour registries of the ASEAN member states.
query Worker {
  worker(nationality: "IDN", documentNumber: "C4812290") {
    id
    countries
    certifications { id country title status aqrfLevel aqrfBasis }
    permits { id country permitClass nativeType status validUntil employer { name } }
  }
}
`;

export interface RunningGateway extends RunningServer {
  gateway: ApolloGateway;
  metrics: ServiceMetrics;
}

/** Apollo Server 5 with Apollo Gateway over the composed supergraph, plus the IDE, the analyst page and /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits = options.limits ?? readConfig({}).limits;
  const metrics = options.metrics ?? new ServiceMetrics('gateway', limits.operationLabels);
  const { cache } = options;
  const budget = new RegistryBudget(options.registries ?? {}, limits.registryCallBudget);
  const callerLimits = new CallerLimits({ limits, callerKey: credentialCallerKey, ...options.rateLimitStore });
  const shape = operationLimits(limits);
  const estimate = (context: Parameters<RegistryBudget['estimate']>[0]) => (budget.allows(context) ? budget.estimate(context) : 0);
  // A repeated cacheable operation answered before parsing, from what the response cache would answer.
  const fastPath =
    cache && cache.settings.fastPath && cache.settings.responseTtlS > 0
      ? new FastPath({ store: cache.store, keySecret: cache.keySecret, metrics, estimate, chargeRegistryCalls: (key, calls) => callerLimits.chargeRegistryCalls(key, calls), callerKey: verifiedCallerKey, audit: options.audit })
      : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphHook(options.supergraph),
    // Node's own fetch (undici: pooled keep-alive connections) rather than Apollo's default
    // make-fetch-happen, whose per-request overhead showed up as ~30 ms on every cold operation.
    // Every call carries a caller context signed for that subgraph, and the trace (traceparent) and
    // request id (gateway/auth/signedDataSource.ts).
    buildService: ({ name, url }) => new SignedDataSource(name, url!, options.trust.signer),
    experimental_approximateQueryPlanStoreMiB: options.queryPlanCacheMiB,
    logger: boundedLogger('gateway'),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: maskError,
    logger: boundedLogger('gateway'),
    allowBatchedHttpRequests: false,
    introspection: shape.introspection,
    validationRules: shape.validationRules,
    parseOptions: shape.parseOptions,
    // Shutdown belongs to the launcher (bin/start.ts, bin/service.ts): a dozen servers share one process.
    stopOnTerminationSignals: false,
    persistedQueries: cache ? persistedQueries(cache.store, cache.settings) : false,
    // The gateway's concerns, each its own module, in the order they act (docs/security.md).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...noReportingPlugins(),
      // First: nothing is planned, cached or fetched for a caller who may not ask.
      accessPlugin(),
      // Before the response cache in the list, so that its willSendResponse sees a cache hit too.
      ...(options.audit ? [gatewayAuditPlugin(options.audit)] : []),
      metricsPlugin(metrics),
      queryOnlyPlugin(),
      ...(shape.plugins ?? []),
      budget.plugin(),
      callerLimits.quotaPlugin(estimate),
      ...(cache ? [responseCache(cache.store, cache.settings, cache.keySecret), cacheMetricsPlugin(metrics)] : []),
      ...(fastPath ? [fastPath.plugin()] : []),
      ...(options.plugins ?? []),
    ],
  });
  let supergraphLoaded = false;
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    supergraphLoaded = true;
    fastPath?.supergraphLoaded(coreSupergraphSdl);
  });
  await server.start();
  const readiness = new Readiness([
    () => ({ name: 'supergraph', status: supergraphLoaded ? 'ok' : 'failing' }),
    ...(cache ? [storeProbe('gateway cache', cache.store)] : []),
  ]);
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    maxBodyBytes: limits.maxBodyBytes,
    // Checked on the raw request, before Apollo parses anything: the rate limit before the body is
    // even read, the token once it is, the document's size before parsing.
    checksBeforeBody: [callerLimits.guard],
    guard: tokenGuard(options.trust.tokens),
    checksAfterBody: [documentGuard(limits)],
    // Last, once every check has passed: the answer the response cache would give, without parsing.
    shortcut: fastPath,
    context: (req, admission): GatewayContext & FastPathContext => ({ caller: admission.caller, admission, callerKey: verifiedCallerKey(admission.caller, req), fastPath: fastPath?.requestOf(req) }),
    service: 'gateway',
    readiness,
    routes: {
      ...(await ideRoutes({ defaultQuery: options.defaultQuery, headers: options.ideHeaders })),
      ...(await analystRoutes({ token: options.analystToken })),
      'GET /metrics': operatorOnly(options.trust.tokens, metrics.route),
      ...(options.trust.devIssuerJwks ? { 'GET /dev-issuer/jwks.json': (_req, res) => sendJson(res, 200, options.trust.devIssuerJwks!()) } : {}),
      ...options.routes,
    },
  });
  return {
    ...running,
    gateway,
    metrics,
    close: async () => {
      await running.close();
      await server.stop();
      callerLimits.close();
      await cache?.store.close();
      await options.audit?.close();
    },
  };
}
