import type { RecordKind } from '../ids/index.js';
import { RegistryClient, type RegistryAttempt } from './registryClient.js';
import { adapterSource, type RecordSource } from './registrySource.js';
import { CountryRequest, type CountryContext } from './countryContext.js';
import { internalFieldNames, type CountryDefinition } from './country.js';
import { internalSchema } from './internalSchema.js';
import { buildFederatedSchema, type FederatedSchema } from './federation.js';
import { serveSubgraph, type RunningServer } from './httpServer.js';

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
  /** Wraps each registry's record source; the record cache plugs in here. */
  wrapSource?: (source: RecordSource) => RecordSource;
}

export interface CountrySubgraph extends FederatedSchema {
  code: string;
  createContext(): CountryContext;
}

export async function buildCountrySubgraph(definition: CountryDefinition, runtime: CountryRuntime): Promise<CountrySubgraph> {
  const names = internalFieldNames(definition.code);
  const sources = {} as Record<RecordKind, RecordSource>;
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
      ratePerSecond: runtime.ratePerSecond ?? profile.ratePerSecond,
      onAttempt: runtime.onRegistryAttempt,
    });
    const source = adapterSource(definition.code, binding.adapter(client));
    sources[profile.kind] = runtime.wrapSource ? runtime.wrapSource(source) : source;
  }

  const internal = internalSchema(definition.code);
  const resolveReference = { __resolveReference: (reference: { id: string }, context: CountryContext) => context.country.record(reference.id) };
  const federated = await buildFederatedSchema(
    { resolvers: [internal.resolver], orphanedTypes: [definition.certifications.type, definition.permits.type, ...internal.types] },
    { [names.certificationType]: resolveReference, [names.permitType]: resolveReference } as never,
  );
  for (const typeName of [names.certificationType, names.permitType]) {
    if (!federated.schema.getType(typeName)) throw new Error(`${definition.code}: expected a GraphQL type named ${typeName} (the kit's naming convention)`);
  }
  return { ...federated, code: definition.code, createContext: () => ({ country: new CountryRequest(definition.code, sources) }) };
}

export function startCountrySubgraph(subgraph: CountrySubgraph, port: number, host?: string): Promise<RunningServer> {
  return serveSubgraph({ schema: subgraph.schema, context: () => subgraph.createContext(), health: { country: subgraph.code }, port, host });
}
