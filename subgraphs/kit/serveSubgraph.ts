// How every subgraph (country or regional) is served: Apollo Server over the platform's HTTP layer,
// with `/health`, `/ready`, `/metrics` and the kit's settings for subgraphs.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import { serveGraphQL, type RunningServer } from '../../platform/httpServer.js';
import { metricsPlugin, type ServiceMetrics } from '../../platform/metrics.js';
import { Readiness, type ReadinessProbe } from '../../platform/readiness.js';
import { logger } from '../../platform/logger.js';
import type { Admission } from '../../platform/trust/admission.js';
import { contextGuard } from '../../platform/trust/contextGuard.js';
import type { ContextVerifier } from '../../platform/trust/callerContext.js';
import { callerKeyOf, runAsCaller } from '../../platform/callerScope.js';

/** Apollo's logger, without the deprecation notice for the one setting kept on purpose below, which every subgraph would print at start. */
function subgraphLogger(service: string) {
  const log = logger(service);
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (message: unknown) => {
      if (!String(message).includes('status400ForVariableCoercionErrors')) log.warn(String(message));
    },
    error: (message: unknown) => log.error(String(message)),
  };
}

/**
 * Starts an Apollo Server for a subgraph (country or regional) with `/health`, the one way
 * subgraphs are served. Every GraphQL request must carry a valid signed caller context
 * (platform/trust/contextGuard.ts); the verified Caller is handed to `context`.
 */
export async function serveSubgraph<C extends BaseContext>(options: {
  schema: GraphQLSchema;
  context: (admission: Admission) => C;
  /** Verifies the signed caller context of every request (this subgraph's name is its audience). */
  trust: ContextVerifier;
  plugins?: ApolloServerPlugin<C>[];
  /** Served at `/metrics`, and fed by every operation. */
  metrics: ServiceMetrics;
  health: Record<string, string>;
  /** What `/ready` checks besides the server itself (stores, breakers). */
  readiness?: ReadinessProbe[];
  port: number;
  host?: string;
}): Promise<RunningServer> {
  const { ApolloServer } = await import('@apollo/server');
  const { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginCacheControlDisabled } = await import('@apollo/server/plugin/disabled');
  // Variable errors answer 200 so the gateway passes their BAD_USER_INPUT through unchanged
  // (the supergraph cannot check custom scalars such as Date; only the subgraph can).
  const server = new ApolloServer<C>({
    schema: options.schema,
    logger: subgraphLogger(options.metrics.service),
    includeStacktraceInErrorResponses: false,
    // Shutdown belongs to the launcher (bin/start.ts, bin/service.ts): a dozen servers share one process.
    stopOnTerminationSignals: false,
    status400ForVariableCoercionErrors: false,
    // Cache-Control comes from the kit's own hints (cacheHints.ts), not from Apollo's defaults.
    plugins: [...(options.plugins ?? []), metricsPlugin<C>(options.metrics), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await server.start();
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    guard: contextGuard(options.trust),
    context: (_req, admission) => options.context(admission),
    service: options.metrics.service,
    readiness: new Readiness(options.readiness, options.health),
    routes: { 'GET /metrics': options.metrics.route },
    // Every request runs as the caller its verified context names: the registry limiter shares by caller.
    scope: (admission, work) => runAsCaller(callerKeyOf(admission.caller), work),
  });
  return { ...running, close: async () => { await running.close(); await server.stop(); } };
}
