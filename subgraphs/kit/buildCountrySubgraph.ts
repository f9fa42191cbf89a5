import type { RecordKind } from '../../schema/ids/index.js';
import { RegistryClient, type RegistryAttempt } from './registryClient.js';
import { adapterSource, type RecordSource } from './registrySource.js';
import { CountryRequest, type CountryContext } from './countryContext.js';
import { internalFieldNames, type CountryDefinition } from './country.js';
import { internalSchema } from './internalSchema.js';
import { buildFederatedSchema, type FederatedSchema } from './federation.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { serveSubgraph } from './serveSubgraph.js';
import { ServiceMetrics } from '../../platform/metrics.js';
import { RecordCache } from './cache/recordCache.js';
import type { CacheStore } from '../../platform/store/store.js';
import type { CacheSettings } from '../../platform/config.js';
import { watchChanges, type ChangeWatcher } from './cache/changeFeed.js';
import { ResponseCacheHint, recordCacheHint } from './cacheHints.js';
import type { Admission } from '../../platform/trust/admission.js';
import type { ContextVerifier } from '../../platform/trust/callerContext.js';
import { countryPlugins } from './countryPlugins.js';

/**
 * Calls are paced a little under each registry's published rate: paced at exactly the rate, the
 * registry's own bucket sits empty and the jitter of a few milliseconds between our start and its
 * arrival turns into 429s.
 */
export const RATE_MARGIN = 0.9;

/** Deployment settings of one country subgraph (from the environment or the embedded launcher). */
export interface CountryRuntime {
  /** Base URL of each registry, by registry key. */
  registryUrls: Record<string, string>;
  /** Time budget of one registry call, retries included. */
  registryTimeoutMs: number;
  /** Calls in flight per registry. */
  maxConcurrency: number;
  /** Overrides each registry's published rate (tests and benchmarks raise it together with the simulators'). */
  ratePerSecond?: number;
  onRegistryAttempt?: (attempt: RegistryAttempt) => void;
  /** Where records are kept across requests; absent, every request goes to the registries. */
  cache?: { store: CacheStore; settings: CacheSettings };
  /** False only for the benchmark's naive baseline: every reference its own registry call. */
  batching?: boolean;
  /** Longest time a gateway may reuse this subgraph's answers, by record kind (seconds); 0 or absent: never. */
  responseMaxAgeS?: Partial<Record<RecordKind, number>>;
  metrics?: ServiceMetrics;
}

export interface CountrySubgraph extends FederatedSchema {
  code: string;
  metrics: ServiceMetrics;
  /** Change-feed watchers, for tests that do not want to wait for the timer. */
  watchers: ChangeWatcher[];
  /** One request's context, for the caller its signed context names (anonymous when absent). */
  createContext(admission?: Admission): CountryContext;
  /** Stops background work (change-feed polling) and closes the cache store. */
  close(): Promise<void>;
}

export async function buildCountrySubgraph(definition: CountryDefinition, runtime: CountryRuntime): Promise<CountrySubgraph> {
  const names = internalFieldNames(definition.code);
  const metrics = runtime.metrics ?? new ServiceMetrics(`subgraph-${definition.code.toLowerCase()}`);
  const sources = {} as Record<RecordKind, RecordSource>;
  const watchers: ChangeWatcher[] = [];
  const maxAge: Partial<Record<RecordKind, number>> = { ...runtime.responseMaxAgeS };
  const cache = runtime.cache && new RecordCache({
    store: runtime.cache.store,
    settings: runtime.cache.settings,
    onEvent: (country, kind, outcome, count = 1) => metrics.cache.inc({ cache: 'record', country, kind, outcome }, count),
  });
  for (const binding of [definition.certifications, definition.permits]) {
    const { profile } = binding;
    const baseUrl = runtime.registryUrls[profile.key];
    if (!baseUrl) throw new Error(`${definition.code}: no base URL configured for registry "${profile.key}"`);
    const client = new RegistryClient({
      country: definition.code,
      registry: profile.key,
      baseUrl,
      timeoutMs: runtime.registryTimeoutMs,
      maxConcurrency: runtime.maxConcurrency,
      ratePerSecond: runtime.ratePerSecond ?? profile.ratePerSecond * RATE_MARGIN,
      onAttempt: (attempt) => {
        metrics.recordAttempt(attempt);
        runtime.onRegistryAttempt?.(attempt);
      },
    });
    const labels = { country: definition.code, registry: profile.key };
    const source = adapterSource(definition.code, binding.adapter(client), (size) => metrics.batchSize.observe(labels, size));
    sources[profile.kind] = cache ? cache.wrap(source) : source;
    const watcher = cache && watchChanges(source, (ids) => cache.invalidate(definition.code, profile.kind, ids), runtime.cache!.settings.changePollMs);
    if (watcher) {
      watchers.push(watcher);
      // A registry with a change feed promises freshness within one poll: a gateway must not keep its answers longer.
      maxAge[profile.kind] = Math.min(maxAge[profile.kind] ?? 0, Math.floor(runtime.cache!.settings.changePollMs / 1000));
    }
  }

  const internal = internalSchema(definition.code);
  const resolveReference = {
    __resolveReference: async (reference: { id: string }, context: CountryContext) => {
      const record = await context.country.record(reference.id);
      recordCacheHint(record, context, maxAge);
      return record;
    },
  };
  const federated = await buildFederatedSchema(
    { resolvers: [internal.resolver], orphanedTypes: [definition.certifications.type, definition.permits.type, ...internal.types] },
    { [names.certificationType]: resolveReference, [names.permitType]: resolveReference } as never,
  );
  for (const typeName of [names.certificationType, names.permitType]) {
    if (!federated.schema.getType(typeName)) throw new Error(`${definition.code}: expected a GraphQL type named ${typeName} (the kit's naming convention)`);
  }
  const batching = runtime.batching ?? true;
  return {
    ...federated,
    code: definition.code,
    metrics,
    watchers,
    createContext: (admission = { caller: null }) => ({
      country: new CountryRequest(definition.code, sources, { batching }),
      cacheHint: new ResponseCacheHint(),
      caller: admission.caller,
      admission,
    }),
    close: async () => {
      watchers.forEach((watcher) => watcher.stop());
      await runtime.cache?.store.close();
    },
  };
}

/** Serves a country subgraph; `trust` verifies the caller context every request must carry (audience: the country code, lower case). */
export async function startCountrySubgraph(subgraph: CountrySubgraph, port: number, trust: ContextVerifier, host?: string): Promise<RunningServer> {
  const running = await serveSubgraph({
    schema: subgraph.schema,
    context: (admission) => subgraph.createContext(admission),
    trust,
    plugins: countryPlugins(subgraph),
    metrics: subgraph.metrics,
    health: { country: subgraph.code },
    port,
    host,
  });
  return { ...running, close: async () => { await running.close(); await subgraph.close(); } };
}

/** A country's subgraph SDL, for composition without running anything (no registry is called). */
export async function countrySdl(definition: CountryDefinition): Promise<string> {
  const registryUrls = Object.fromEntries([definition.certifications, definition.permits].map((b) => [b.profile.key, 'http://registry.invalid']));
  const subgraph = await buildCountrySubgraph(definition, { registryUrls, registryTimeoutMs: 1, maxConcurrency: 1 });
  await subgraph.close();
  return subgraph.sdl;
}
