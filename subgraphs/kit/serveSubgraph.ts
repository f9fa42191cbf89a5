// How every subgraph (country or regional) is served: Apollo Server over the platform's HTTP layer,
// with `/health`, `/metrics` and the kit's settings for subgraphs.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { serveGraphQL, sendJson, type RunningServer } from '../../platform/httpServer.js';
import { metricsPlugin, type ServiceMetrics } from '../../platform/metrics.js';

/** Apollo's logger, without the deprecation notice for the one setting kept on purpose below, which every subgraph would print at start. */
const subgraphLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message: unknown) => {
    if (!String(message).includes('status400ForVariableCoercionErrors')) console.warn(message);
  },
  error: (message: unknown) => console.error(message),
};

/** Starts an Apollo Server for a subgraph (country or regional) with `/health`, the one way subgraphs are served. */
export async function serveSubgraph<C extends BaseContext>(options: {
  schema: GraphQLSchema;
  context: (req: IncomingMessage) => C | Promise<C>;
  plugins?: ApolloServerPlugin<C>[];
  /** Served at `/metrics`, and fed by every operation. */
  metrics: ServiceMetrics;
  health: Record<string, string>;
  port: number;
  host?: string;
}): Promise<RunningServer> {
  const { ApolloServer } = await import('@apollo/server');
  const { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginCacheControlDisabled } = await import('@apollo/server/plugin/disabled');
  // Variable errors answer 200 so the gateway passes their BAD_USER_INPUT through unchanged
  // (the supergraph cannot check custom scalars such as Date; only the subgraph can).
  const server = new ApolloServer<C>({
    schema: options.schema,
    logger: subgraphLogger,
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
    context: options.context,
    routes: { 'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok', ...options.health }), 'GET /metrics': options.metrics.route },
  });
  return { ...running, close: async () => { await running.close(); await server.stop(); } };
}
