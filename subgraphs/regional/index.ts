import { buildFederatedSchema, type FederatedSchema } from '../../schema/kit/federation.js';
import { PartialErrors, partialErrorsPlugin } from '../../schema/kit/partialErrors.js';
import { serveSubgraph, type RunningServer } from '../../schema/kit/httpServer.js';
import { RegionalResolver, type RegionalContext } from './resolvers.js';
import { WorkerIdentityInput, countryStubs } from './contract.js';
import { CountryLocator, type CountryEndpoint } from './countryLocator.js';

export interface RegionalOptions {
  countries: CountryEndpoint[];
  /** Time the regional subgraph waits for one country subgraph. */
  countryTimeoutMs: number;
}

export interface RegionalSubgraph extends FederatedSchema {
  createContext(): RegionalContext;
}

/** The regional subgraph: Worker and the cross-country entry points, fanning out to every country. */
export async function buildRegionalSubgraph(options: RegionalOptions): Promise<RegionalSubgraph> {
  const federated = await buildFederatedSchema({
    resolvers: [RegionalResolver],
    orphanedTypes: [WorkerIdentityInput, ...countryStubs(options.countries.map((c) => c.code))],
  });
  return {
    ...federated,
    createContext: () => ({
      partialErrors: new PartialErrors(),
      locators: new Map(options.countries.map((endpoint) => [endpoint.code, new CountryLocator(endpoint, options.countryTimeoutMs)])),
    }),
  };
}

export function startRegionalSubgraph(subgraph: RegionalSubgraph, port: number, host?: string): Promise<RunningServer> {
  return serveSubgraph({ schema: subgraph.schema, context: () => subgraph.createContext(), plugins: [partialErrorsPlugin()], health: { subgraph: 'regional' }, port, host });
}
