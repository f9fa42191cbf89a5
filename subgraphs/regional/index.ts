import { buildFederatedSchema, type FederatedSchema } from '../kit/federation.js';
import { PartialErrors, partialErrorsPlugin } from '../kit/partialErrors.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { serveSubgraph } from '../kit/serveSubgraph.js';
import { RegionalResolver, type RegionalContext } from './resolvers.js';
import { AccessHistoryResolver } from './accessHistory.js';
import { WorkerIdentityInput, countryStubs } from './contract.js';
import { CountryLocator, type CountryEndpoint } from './countryLocator.js';
import type { LocatorCache } from './locatorCache.js';
import { ServiceMetrics } from '../../platform/metrics.js';
import { ResponseCacheHint, cacheHintPlugin } from '../kit/cacheHints.js';

export interface RegionalOptions {
  countries: CountryEndpoint[];
  /** Time the regional subgraph waits for one country subgraph. */
  countryTimeoutMs: number;
  /** Located ids kept across requests; absent, every request asks the countries. */
  locatorCache?: LocatorCache;
  /** False only for the benchmark's naive baseline: one locate call per identity. */
  batching?: boolean;
  /** Longest time a gateway may reuse an answer (seconds); 0 or absent: never. */
  responseMaxAgeS?: number;
  metrics?: ServiceMetrics;
}

export interface RegionalSubgraph extends FederatedSchema {
  metrics: ServiceMetrics;
  createContext(): RegionalContext;
  close(): Promise<void>;
}

/** The regional subgraph: Worker and the cross-country entry points, fanning out to every country. */
export async function buildRegionalSubgraph(options: RegionalOptions): Promise<RegionalSubgraph> {
  const federated = await buildFederatedSchema({
    resolvers: [RegionalResolver, AccessHistoryResolver],
    orphanedTypes: [WorkerIdentityInput, ...countryStubs(options.countries.map((c) => c.code))],
  });
  const locatorOptions = { cache: options.locatorCache, batching: options.batching };
  return {
    ...federated,
    metrics: options.metrics ?? new ServiceMetrics('regional'),
    close: async () => options.locatorCache?.close(),
    createContext: () => ({
      partialErrors: new PartialErrors(),
      cacheHint: new ResponseCacheHint(),
      responseMaxAgeS: options.responseMaxAgeS ?? 0,
      countries: options.countries,
      countryTimeoutMs: options.countryTimeoutMs,
      locators: new Map(options.countries.map((endpoint) => [endpoint.code, new CountryLocator(endpoint, options.countryTimeoutMs, locatorOptions)])),
    }),
  };
}

export async function startRegionalSubgraph(subgraph: RegionalSubgraph, port: number, host?: string): Promise<RunningServer> {
  const running = await serveSubgraph({ schema: subgraph.schema, context: () => subgraph.createContext(), plugins: [partialErrorsPlugin(), cacheHintPlugin()], metrics: subgraph.metrics, health: { subgraph: 'regional' }, port, host });
  return { ...running, close: async () => { await running.close(); await subgraph.close(); } };
}
