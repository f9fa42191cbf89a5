// Nationalities as English demonyms (`GERMAN`, `FILIPINO`), both ways, from a maintained data set
// kept as data (demonyms.json names its source). Some registries write nationality as a demonym
// (DOLE AEP, subgraphs/phl/README.md); a hand-typed list of the demonyms a specification happened
// to show would turn every other nationality into a silent "not found", so the whole world comes
// from the data set, and a registry's own spellings are added as data beside its adapter.
import table from './demonyms.json' with { type: 'json' };
import { normalizeCountryName } from './countryNames.js';
import { isAlpha3 } from './isoCountries.js';

// Only ISO 3166-1 codes: the data set also files Kosovo under `UNK`, a placeholder no ISO list
// holds, which the contract's CountryCode could not carry.
const byCountry = Object.fromEntries(Object.entries(table.demonyms as Record<string, string[]>).filter(([alpha3]) => isAlpha3(alpha3)));

/** Every demonym of the data set, normalised → the alpha-3 codes it names (two for CONGOLESE, DOMINICAN). */
const byDemonym = new Map<string, string[]>();
for (const [alpha3, demonyms] of Object.entries(byCountry)) {
  for (const demonym of demonyms) {
    const key = normalizeCountryName(demonym);
    byDemonym.set(key, [...(byDemonym.get(key) ?? []), alpha3]);
  }
}

/**
 * The alpha-3 code a demonym means: first the registry's own spellings (`extra`, demonym →
 * alpha-3), then the data set. Undefined when neither knows it, or when it names more than one
 * state (CONGOLESE): the caller says so, never guesses.
 */
export function alpha3FromDemonym(demonym: string, extra: Readonly<Record<string, string>> = {}): string | undefined {
  const wanted = normalizeCountryName(demonym);
  for (const [spelling, alpha3] of Object.entries(extra)) if (normalizeCountryName(spelling) === wanted) return alpha3;
  const codes = byDemonym.get(wanted);
  return codes?.length === 1 ? codes[0] : undefined;
}

/**
 * The demonym a registry expects for a nationality in a query, in capitals: the registry's own
 * spelling when it has one (`extra`, demonym → alpha-3, read backwards), else the data set's first.
 */
export function demonymOf(alpha3: string, extra: Readonly<Record<string, string>> = {}): string | undefined {
  const own = Object.entries(extra).find(([, code]) => code === alpha3);
  return own?.[0] ?? byCountry[alpha3]?.[0];
}
