import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import { EntityBatchingDataSource } from './entityBatching.js';
import { serveGraphQL, type RouteHandler, type RunningServer } from '../platform/httpServer.js';
import { supergraphHook, type SupergraphSource } from './supergraphSource.js';
import { ideRoutes } from './ide/routes.js';
import { cacheMetricsPlugin, persistedQueries, responseCache } from './caching.js';
import { ServiceMetrics, metricsPlugin } from '../platform/metrics.js';
import type { CacheStore } from '../platform/store/store.js';
import type { CacheSettings } from '../platform/config.js';
import { Readiness, storeProbe } from '../platform/readiness.js';
import { tracedFetch } from '../platform/tracing.js';

export interface GatewayOptions {
  supergraph: SupergraphSource;
  port: number;
  host?: string;
  /** Query shown in the IDE's first tab (read on every page load); the saved examples follow it. */
  defaultQuery?: () => string | undefined;
  plugins?: ApolloServerPlugin<BaseContext>[];
  routes?: Record<string, RouteHandler>;
  /** Persisted queries and the response cache live here; absent, neither is kept. */
  cache?: { store: CacheStore; settings: CacheSettings };
  /** Approximate size of the query-plan cache (MiB). */
  queryPlanCacheMiB?: number;
  metrics?: ServiceMetrics;
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
  const metrics = options.metrics ?? new ServiceMetrics('gateway');
  const { cache } = options;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphHook(options.supergraph),
    // Node's own fetch (undici: pooled keep-alive connections) rather than Apollo's default
    // make-fetch-happen, whose per-request overhead showed up as ~30 ms on every cold operation.
    // tracedFetch carries the trace (traceparent) and the request id on to the subgraphs.
    buildService: ({ url }) => new EntityBatchingDataSource({ url, fetcher: tracedFetch as never }),
    experimental_approximateQueryPlanStoreMiB: options.queryPlanCacheMiB,
  });
  const server = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    // Shutdown belongs to the launcher (bin/start.ts, bin/service.ts): a dozen servers share one process.
    stopOnTerminationSignals: false,
    persistedQueries: cache ? persistedQueries(cache.store, cache.settings) : false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      metricsPlugin(metrics),
      ...(cache ? [responseCache(cache.store, cache.settings), cacheMetricsPlugin(metrics)] : []),
      ...(options.plugins ?? []),
    ],
  });
  let supergraphLoaded = false;
  gateway.onSchemaLoadOrUpdate(() => {
    supergraphLoaded = true;
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
    context: () => ({}),
    service: 'gateway',
    readiness,
    routes: {
      ...(await ideRoutes({ defaultQuery: options.defaultQuery })),
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
      await cache?.store.close();
    },
  };
}
