// Imported first: Apollo's telemetry is off before @apollo/gateway is loaded (noPhoningHome.ts).
import { noReportingPlugins } from './limits/noPhoningHome.js';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { EntityBatchingDataSource } from './entityBatching.js';
import { serveGraphQL, sendJson, type RouteHandler, type RunningServer } from '../platform/httpServer.js';
import { supergraphHook, type SupergraphSource } from './supergraphSource.js';
import { graphiqlRoutes } from './graphiql.js';
import { cacheMetricsPlugin, persistedQueries, responseCache } from './caching.js';
import { ServiceMetrics, metricsPlugin } from '../platform/metrics.js';
import type { CacheStore } from '../platform/store/store.js';
import { readConfig, type CacheSettings, type LimitSettings } from '../platform/config.js';
import { boundedLogger } from '../platform/maskedErrors.js';
import { maskError } from './limits/maskErrors.js';
import { queryOnlyPlugin } from './limits/queryOnly.js';
import { documentGuard, operationLimits } from './limits/operationLimits.js';
import { RegistryBudget, type RegistryTable } from './limits/registryBudget.js';
import { CallerLimits } from './limits/callerLimits.js';
import { credentialCallerKey, forwardCallerKey, type CallerKeyFunction } from './limits/callerKey.js';

export interface GatewayOptions {
  supergraph: SupergraphSource;
  port: number;
  host?: string;
  /** Query shown in the IDE when it opens (read on every page load). */
  defaultQuery?: () => string;
  plugins?: ApolloServerPlugin<BaseContext>[];
  routes?: Record<string, RouteHandler>;
  /** Persisted queries and the response cache live here; absent, neither is kept. */
  cache?: { store: CacheStore; settings: CacheSettings };
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
  /** Who a request counts against (callerKey.ts); replaced once callers authenticate. */
  callerKey?: CallerKeyFunction;
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

/** Apollo Server 5 with Apollo Gateway over the composed supergraph, plus the IDE and /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits = options.limits ?? readConfig({}).limits;
  const metrics = options.metrics ?? new ServiceMetrics('gateway', limits.operationLabels);
  const { cache } = options;
  const callerKey = options.callerKey ?? credentialCallerKey;
  const budget = new RegistryBudget(options.registries ?? {}, limits.registryCallBudget);
  const callerLimits = new CallerLimits({ limits, callerKey, ...options.rateLimitStore });
  const shape = operationLimits(limits);
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphHook(options.supergraph),
    // Node's own fetch (undici: pooled keep-alive connections) rather than Apollo's default
    // make-fetch-happen, whose per-request overhead showed up as ~30 ms on every cold operation.
    buildService: ({ url }) => new EntityBatchingDataSource({ url, fetcher: fetch as never, willSendRequest: forwardCallerKey as never }),
    experimental_approximateQueryPlanStoreMiB: options.queryPlanCacheMiB,
    logger: boundedLogger('gateway'),
  });
  const server = new ApolloServer({
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
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...noReportingPlugins(),
      metricsPlugin(metrics),
      // Abuse resistance (docs/security.md): each concern its own module in gateway/limits/.
      queryOnlyPlugin(),
      ...(shape.plugins ?? []),
      budget.plugin(),
      callerLimits.quotaPlugin((context) => (budget.allows(context) ? budget.estimate(context) : 0)),
      ...(cache ? [responseCache(cache.store, cache.settings), cacheMetricsPlugin(metrics)] : []),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    context: (req) => ({ callerKey: callerKey(req) }),
    maxBodyBytes: limits.maxBodyBytes,
    // Checked on the raw request, before Apollo parses anything: the rate limit before the body is even read.
    admission: [callerLimits.guard],
    guards: [documentGuard(limits)],
    service: 'gateway',
    routes: {
      ...graphiqlRoutes(options.defaultQuery ?? (() => DEFAULT_QUERY)),
      'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
      'GET /metrics': metrics.route,
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
    },
  };
}
