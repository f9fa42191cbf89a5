import { buildFederatedSchema, type FederatedSchema } from '../kit/federation.js';
import { PartialErrors, partialErrorsPlugin } from '../kit/partialErrors.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { serveSubgraph } from '../kit/serveSubgraph.js';
import { RegionalResolver, type RegionalContext } from './resolvers.js';
import { ReferenceResolver } from './referenceResolver.js';
import { AccessHistoryResolver } from './accessHistory.js';
import { SearchResolver } from './search/searchResolver.js';
import { StatisticsResolver } from './statistics/resolver.js';
import { WorkerIdentityInput, countryStubs } from './contract.js';
import { CountryLocator, type CountryEndpoint } from './countryLocator.js';
import type { LocatorCache } from './locatorCache.js';
import { ServiceMetrics } from '../../platform/metrics.js';
import { ResponseCacheHint, cacheHintPlugin } from '../kit/cacheHints.js';
import { storeProbe, type ReadinessProbe } from '../../platform/readiness.js';
import type { Admission } from '../../platform/trust/admission.js';
import type { ContextSigner, ContextVerifier } from '../../platform/trust/callerContext.js';

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
  /** Signs the caller context forwarded to the countries; absent (composition only), countries refuse its calls. */
  signer?: ContextSigner;
  /** Most records one page of a record search may ask for (SEARCH_MAX_PAGE, default 100). */
  searchMaxPage?: number;
  /** Statistics cells counting fewer records than this are suppressed (default 10). */
  suppressionThreshold?: number;
}

export interface RegionalSubgraph extends FederatedSchema {
  metrics: ServiceMetrics;
  /** One request's context, for the caller the gateway's signed context names. */
  createContext(admission?: Admission): RegionalContext;
  /** What `/ready` checks: the locator cache's store. */
  readiness: ReadinessProbe[];
  close(): Promise<void>;
}

/** The regional subgraph: Worker and the cross-country entry points, fanning out to every country. */
export async function buildRegionalSubgraph(options: RegionalOptions): Promise<RegionalSubgraph> {
  const federated = await buildFederatedSchema({
    resolvers: [RegionalResolver, ReferenceResolver, AccessHistoryResolver, SearchResolver, StatisticsResolver],
    orphanedTypes: [WorkerIdentityInput, ...countryStubs(options.countries.map((c) => c.code))],
  });
  const locatorOptions = { cache: options.locatorCache, batching: options.batching };
  return {
    ...federated,
    metrics: options.metrics ?? new ServiceMetrics('regional'),
    close: async () => options.locatorCache?.close(),
    readiness: options.locatorCache ? [storeProbe('locator cache', options.locatorCache.store)] : [],
    createContext: (admission = { caller: null }) => {
      const forward = options.signer && { signer: options.signer, claims: { caller: admission.caller, ...(admission.context ? { parent: admission.context.jti } : {}) } };
      return {
        partialErrors: new PartialErrors(),
        cacheHint: new ResponseCacheHint(),
        responseMaxAgeS: options.responseMaxAgeS ?? 0,
        searchMaxPage: options.searchMaxPage,
        caller: admission.caller,
        forward,
        countries: options.countries,
        countryTimeoutMs: options.countryTimeoutMs,
        suppressionThreshold: options.suppressionThreshold ?? 10,
        locators: new Map(options.countries.map((endpoint) => [endpoint.code, new CountryLocator(endpoint, options.countryTimeoutMs, { ...locatorOptions, forward })])),
      };
    },
  };
}

/** Serves the regional subgraph; `trust` verifies the gateway's caller context on every request (audience `regional`). */
export async function startRegionalSubgraph(subgraph: RegionalSubgraph, port: number, trust: ContextVerifier, host?: string): Promise<RunningServer> {
  const running = await serveSubgraph({ schema: subgraph.schema, context: (admission) => subgraph.createContext(admission), trust, plugins: [partialErrorsPlugin<RegionalContext>(), cacheHintPlugin<RegionalContext>()], metrics: subgraph.metrics, health: { subgraph: 'regional' }, readiness: subgraph.readiness, port, host });
  return { ...running, close: async () => { await running.close(); await subgraph.close(); } };
}
