import list from './countries.json' with { type: 'json' };
import { fileURLToPath } from 'node:url';
import type { CountryDefinition } from './kit/country.js';
import { readSharingPolicy, type SharingPolicy } from './kit/policy/sharingPolicy.js';

/** One entry of subgraphs/countries.json. */
export interface CountryEntry {
  code: string;
  subgraphPort: number;
  registryPorts: Record<string, number>;
}

/** What a country folder exports from its index.ts: the product side only (its simulators are in `sandbox/`). */
export interface CountryModule {
  country: CountryDefinition;
}

export const countryEntries: readonly CountryEntry[] = list.countries as unknown as CountryEntry[];

export function countryCodes(entries: readonly CountryEntry[] = countryEntries): string[] {
  return entries.map((entry) => entry.code);
}

/** Loads `subgraphs/<cc>/index.ts` by convention, so no other file names a country. */
export async function loadCountry(code: string): Promise<CountryModule> {
  const module = (await import(`./${code.toLowerCase()}/index.ts`)) as CountryModule;
  if (module.country?.code !== code) throw new Error(`subgraphs/${code.toLowerCase()}/index.ts must export a country whose code is ${code}`);
  return module;
}

/** Reads and checks `subgraphs/<cc>/policy.json`, the member state's sharing policy (docs/security.md). */
export function loadPolicy(code: string): SharingPolicy {
  return readSharingPolicy(fileURLToPath(new URL(`./${code.toLowerCase()}/policy.json`, import.meta.url)), code);
}
