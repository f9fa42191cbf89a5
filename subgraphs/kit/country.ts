// A member state as the kit sees it. Everything country-specific lives in the country's folder
// (`subgraphs/<cc>/`): its two GraphQL types and its two registry adapters; the kit turns this into
// a federated subgraph.
import type { ClassType } from 'type-graphql';
import type { RegistryAdapter, RegistryProfile } from './adapter.js';

/** One registry of a country: its GraphQL type and its adapter (which carries the registry's profile). */
export interface RegistryBinding {
  type: ClassType;
  adapter: RegistryAdapter;
}

/** The registry profile of a binding (its adapter carries it). */
export function profileOf(binding: RegistryBinding): RegistryProfile {
  return binding.adapter.profile;
}

export interface CountryDefinition {
  /** ISO 3166-1 alpha-3. */
  code: string;
  name: string;
  certifications: RegistryBinding;
  permits: RegistryBinding;
}

/** Checks, once and loudly, what the kit relies on: each binding's kind matches its slot. */
export function defineCountry(definition: CountryDefinition): CountryDefinition {
  for (const [slot, kind] of [['certifications', 'CERT'], ['permits', 'PERMIT']] as const) {
    const profile = profileOf(definition[slot]);
    if (profile.kind !== kind) throw new Error(`${definition.code}: the ${slot} registry "${profile.key}" has kind ${profile.kind}, expected ${kind}`);
  }
  return definition;
}

/** `IDN` → `Idn`: the prefix of the country's type names. */
export function typePrefix(code: string): string {
  return code[0] + code.slice(1).toLowerCase();
}

/** Names of the internal (@inaccessible) fields the regional subgraph calls on each country. */
export function internalFieldNames(code: string) {
  const lower = code.toLowerCase();
  const prefix = typePrefix(code);
  return {
    locate: `${lower}Locate`,
    check: `${lower}Check`,
    accessHistory: `${lower}AccessHistory`,
    qualifications: `${lower}Qualifications`,
    search: `${lower}SearchRecords`,
    searchFilterInput: `${prefix}RecordSearchFilter`,
    recordCounts: `${lower}RecordCounts`,
    identityInput: `${prefix}IdentityInput`,
    certificationType: `${prefix}Certification`,
    permitType: `${prefix}WorkPermit`,
  };
}
