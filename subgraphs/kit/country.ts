import type { ClassType } from 'type-graphql';
import type { AdapterFactory, RegistryProfile } from './adapter.js';
import type { CertificationRecord, PermitRecord } from './records.js';

/** One registry of a country: its GraphQL type, its adapter and its published profile. */
export interface RegistryBinding<R> {
  type: ClassType;
  adapter: AdapterFactory<R & (CertificationRecord | PermitRecord)>;
  profile: RegistryProfile;
}

/**
 * A member state as the kit sees it. Everything country-specific lives in the country's folder
 * (`subgraphs/<cc>/`); the kit turns this into a federated subgraph.
 */
export interface CountryDefinition {
  /** ISO 3166-1 alpha-3. */
  code: string;
  name: string;
  certifications: RegistryBinding<CertificationRecord>;
  permits: RegistryBinding<PermitRecord>;
}

export function defineCountry(definition: CountryDefinition): CountryDefinition {
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
    identityInput: `${prefix}IdentityInput`,
    certificationType: `${prefix}Certification`,
    permitType: `${prefix}WorkPermit`,
  };
}
