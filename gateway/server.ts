import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { serveGraphQL, sendJson, type RouteHandler, type RunningServer } from '../schema/kit/httpServer.js';
import { supergraphHook, type SupergraphSource } from './supergraphSource.js';
import { graphiqlRoutes } from './graphiql.js';

export interface GatewayOptions {
  supergraph: SupergraphSource;
  port: number;
  host?: string;
  /** Query shown in the IDE when it opens (read on every page load). */
  defaultQuery?: () => string;
  plugins?: ApolloServerPlugin<BaseContext>[];
  routes?: Record<string, RouteHandler>;
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
}

/** Apollo Server 5 with Apollo Gateway over the composed supergraph, plus the IDE and /health. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: supergraphHook(options.supergraph),
    buildService: ({ url }) => new RemoteGraphQLDataSource({ url }),
  });
  const server = new ApolloServer({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), ...(options.plugins ?? [])],
  });
  await server.start();
  const running = await serveGraphQL({
    server,
    port: options.port,
    host: options.host,
    context: () => ({}),
    routes: {
      ...graphiqlRoutes(options.defaultQuery ?? (() => DEFAULT_QUERY)),
      'GET /health': (_req, res) => sendJson(res, 200, { status: 'ok' }),
      ...options.routes,
    },
  });
  return {
    ...running,
    gateway,
    close: async () => {
      await running.close();
      await server.stop();
    },
  };
}
