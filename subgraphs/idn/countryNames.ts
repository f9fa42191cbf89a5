// TKA's nationality vocabulary (subgraphs/idn/README.md): the Indonesian name of the country, in
// capitals. Both directions come from the maintained data set (Indonesian names of every country),
// with the names the specification lists (TKA's own spellings, countryNames.json) first.
import { alpha3FromCountryName, countryNameIn } from '../../schema/countries/countryNames.js';
import table from './countryNames.json' with { type: 'json' };

const LOCALE = 'id';
const toIso = table.names as Record<string, string>;
const toName = Object.fromEntries(Object.entries(toIso).map(([name, iso]) => [iso, name]));

/** The alpha-3 code a TKA `kewarganegaraan` means, or undefined when neither TKA's list nor the data set knows the name. */
export function isoFromIndonesianName(name: string): string | undefined {
  return typeof name === 'string' ? alpha3FromCountryName(name, [LOCALE], toIso) : undefined;
}

/** The name TKA is asked with for a nationality, or undefined when there is none. */
export function indonesianNameFromIso(iso: string): string | undefined {
  return countryNameIn(iso, LOCALE, toName)?.toLocaleUpperCase(LOCALE);
}
