// Turns a country definition (its types and adapters) and a runtime (where its registries are, and
// its list of plugins) into a federated subgraph: one record source per registry, wrapped by the
// plugins, behind per-request DataLoaders, with the internal entry points the regional subgraph
// calls and reference resolvers for the gateway.
import type { RecordKind } from '../../schema/ids/index.js';
import { RegistryClient } from './registryClient.js';
import { registrySource, type RecordSource } from './registrySource.js';
import { CountryRequest, type CountryContext } from './countryContext.js';
import { internalFieldNames, profileOf, type CountryDefinition } from './country.js';
import { internalSchema } from './internalSchema.js';
import { searchSchema } from './searchSchema.js';
import { buildFederatedSchema, type FederatedSchema } from './federation.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { serveSubgraph } from './serveSubgraph.js';
import { ServiceMetrics } from '../../platform/metrics.js';
import { ResponseCacheHint, cacheHintPlugin, recordCacheHint } from './cacheHints.js';
import type { Background, BackgroundSources, CountryPlugin } from './plugins/plugin.js';
import type { ContractRecord } from './records.js';
import { BreakerBoard } from './registry/circuitBreaker.js';
import type { SharedPacing } from './registry/sharedPacing.js';
import type { BreakerSettings } from '../../platform/config.js';
import type { ReadinessProbe } from '../../platform/readiness.js';
import type { Admission } from '../../platform/trust/admission.js';
import type { ContextVerifier } from '../../platform/trust/callerContext.js';

/**
 * Calls are paced a little under each registry's published rate: paced at exactly the rate, the
 * registry's own bucket sits empty and the jitter of a few milliseconds between our start and its
 * arrival turns into 429s.
 */
export const RATE_MARGIN = 0.9;

/** Background work never takes more than this share of a registry's rate: live requests keep the rest. */
const MAX_BACKGROUND_SHARE = 0.9;

/** Deployment settings of one country subgraph (from the environment or the embedded launcher). */
export interface CountryRuntime {
  /** Base URL of each registry, by registry key. */
  registryUrls: Record<string, string>;
  /** Time budget of one registry call, retries included. */
  registryTimeoutMs: number;
  /** Live calls that would wait longer than this for their turn fail at once with REGISTRY_RATE_LIMITED (REGISTRY_QUEUE_WAIT_MS); absent, they wait. */
  registryQueueWaitMs?: number;
  /** Calls in flight per registry. */
  maxConcurrency: number;
  /** Overrides each registry's published rate (tests and benchmarks raise it together with the simulators'). */
  ratePerSecond?: number;
  /** The cross-cutting concerns of this subgraph, in order (bin/runtime.ts chooses them). */
  plugins?: CountryPlugin[];
  metrics?: ServiceMetrics;
  /** Circuit breakers in front of the registries; absent, the defaults. */
  breaker?: BreakerSettings;
  /** Pacing shared with the other replicas through Redis; absent, each process paces on its own. */
  pacing?: SharedPacing;
}

export interface CountrySubgraph extends FederatedSchema {
  code: string;
  metrics: ServiceMetrics;
  /** Background work of the plugins (change-feed watchers), for tests that do not want to wait for a timer. */
  watchers: Background[];
  /** One request's context, for the caller its signed context names (anonymous when absent). */
  createContext(admission?: Admission): CountryContext;
  plugins: readonly CountryPlugin[];
  /** What `/ready` checks: each registry's breaker, shared pacing, and what the plugins report (the record cache's store). */
  readiness: ReadinessProbe[];
  /** Stops background work and closes what the plugins hold (cache stores). */
  close(): Promise<void>;
}

export async function buildCountrySubgraph(definition: CountryDefinition, runtime: CountryRuntime): Promise<CountrySubgraph> {
  const names = internalFieldNames(definition.code);
  const metrics = runtime.metrics ?? new ServiceMetrics(`subgraph-${definition.code.toLowerCase()}`);
  const plugins = runtime.plugins ?? [];
  const sources = {} as Record<RecordKind, RecordSource>;
  const breakers = new BreakerBoard(runtime.breaker, metrics.registry);
  const background: BackgroundSources = { CERT: null, PERMIT: null };
  // Background work (the index's sync) takes its share of a registry's rate only where the registry has a bulk interface to read.
  const backgroundShare = Math.min(MAX_BACKGROUND_SHARE, plugins.reduce((sum, plugin) => sum + (plugin.backgroundRateShare ?? 0), 0));
  for (const binding of [definition.certifications, definition.permits]) {
    const profile = profileOf(binding);
    const baseUrl = runtime.registryUrls[profile.key];
    if (!baseUrl) throw new Error(`${definition.code}: no base URL configured for registry "${profile.key}"`);
    const rate = runtime.ratePerSecond ?? profile.ratePerSecond * RATE_MARGIN;
    const shared = backgroundShare > 0 && profile.bulk !== undefined;
    const breaker = breakers.for(definition.code, profile.key);
    const clientFor = (ratePerSecond: number, timeoutMs: number, pacer?: ReturnType<NonNullable<CountryRuntime['pacing']>['pacer']>, maxQueueWaitMs?: number) =>
      new RegistryClient({
        maxQueueWaitMs,
        country: definition.code,
        registry: profile.key,
        baseUrl,
        timeoutMs,
        maxConcurrency: runtime.maxConcurrency,
        ratePerSecond,
        breaker,
        pacer,
        onAttempt: (attempt) => plugins.forEach((plugin) => plugin.onRegistryAttempt?.(attempt)),
      });
    const liveRate = shared ? rate * (1 - backgroundShare) : rate;
    const client = clientFor(liveRate, runtime.registryTimeoutMs, runtime.pacing?.pacer(definition.code, profile.key, liveRate), runtime.registryQueueWaitMs);
    const onFetch = (size: number) => plugins.forEach((plugin) => plugin.onRegistryFetch?.({ country: definition.code, registry: profile.key }, size));
    const source = registrySource(definition.code, binding.adapter, client, onFetch);
    sources[profile.kind] = plugins.reduce((wrapped, plugin) => plugin.wrapSource?.(wrapped) ?? wrapped, source);
    if (shared) {
      // A longer budget than a user's request: background work can wait out a Retry-After instead of failing.
      background[profile.kind] = registrySource(definition.code, binding.adapter, clientFor(rate * backgroundShare, Math.max(runtime.registryTimeoutMs * 4, 10_000)));
    }
  }
  const watchers = plugins.flatMap((plugin) => plugin.start?.([sources.CERT, sources.PERMIT], background) ?? []);
  const index = plugins.find((plugin) => plugin.index)?.index ?? null;
  const maxAge: Partial<Record<RecordKind, number>> = {};
  for (const kind of ['CERT', 'PERMIT'] as const) {
    const opinions = plugins.map((plugin) => plugin.responseMaxAgeS?.(kind)).filter((age): age is number => age !== undefined);
    if (opinions.length > 0) maxAge[kind] = Math.min(...opinions);
  }

  const internal = internalSchema(definition.code);
  const search = searchSchema(definition.code);
  const resolveReference = {
    __resolveReference: async (reference: { id: string }, context: CountryContext): Promise<ContractRecord | null> => {
      const record = await context.country.record(reference.id);
      recordCacheHint(record, context, maxAge);
      return record;
    },
  };
  const federated = await buildFederatedSchema(
    { resolvers: [internal.resolver, search.resolver], orphanedTypes: [definition.certifications.type, definition.permits.type, ...internal.types, ...search.types] },
    { [names.certificationType]: resolveReference, [names.permitType]: resolveReference } as never,
  );
  for (const typeName of [names.certificationType, names.permitType]) {
    if (!federated.schema.getType(typeName)) throw new Error(`${definition.code}: expected a GraphQL type named ${typeName} (the kit's naming convention)`);
  }
  plugins.forEach((plugin) => plugin.bindSchema?.(federated.schema, [names.certificationType, names.permitType]));
  const createContext = (admission: Admission = { caller: null }): CountryContext => {
    const context: CountryContext = { country: new CountryRequest(definition.code, sources, index), cacheHint: new ResponseCacheHint(), caller: admission.caller, admission };
    context.country = plugins.reduce((access, plugin) => plugin.wrapRequest?.(access, context) ?? access, context.country);
    return context;
  };
  return {
    ...federated,
    code: definition.code,
    metrics,
    watchers,
    plugins,
    readiness: [...plugins.flatMap((plugin) => plugin.readiness?.() ?? []), breakers.probe, ...(runtime.pacing ? [runtime.pacing.probe] : [])],
    createContext,
    close: async () => {
      watchers.forEach((watcher) => watcher.stop());
      await Promise.all(plugins.map((plugin) => plugin.close?.()));
      await runtime.pacing?.close();
    },
  };
}

/** Serves a country subgraph; `trust` verifies the caller context every request must carry (audience: the country code, lower case). */
export async function startCountrySubgraph(subgraph: CountrySubgraph, port: number, trust: ContextVerifier, host?: string): Promise<RunningServer> {
  const running = await serveSubgraph({
    schema: subgraph.schema,
    context: (admission) => subgraph.createContext(admission),
    trust,
    plugins: [cacheHintPlugin(), ...subgraph.plugins.flatMap((plugin) => plugin.serverPlugins?.(subgraph) ?? [])],
    metrics: subgraph.metrics,
    health: { country: subgraph.code },
    readiness: subgraph.readiness,
    port,
    host,
  });
  return { ...running, close: async () => { await running.close(); await subgraph.close(); } };
}

/** A country's subgraph SDL, for composition without running anything (no registry is called). */
export async function countrySdl(definition: CountryDefinition): Promise<string> {
  const registryUrls = Object.fromEntries([definition.certifications, definition.permits].map((b) => [profileOf(b).key, 'http://registry.invalid']));
  const subgraph = await buildCountrySubgraph(definition, { registryUrls, registryTimeoutMs: 1, maxConcurrency: 1 });
  await subgraph.close();
  return subgraph.sdl;
}
