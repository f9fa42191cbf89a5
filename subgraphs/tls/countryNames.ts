// Portuguese country names (`nacionalidade` in INDMO and SEFOPE records and searches) ⇄ ISO
// alpha-3: the registries' own spellings (countryNames.json, the fifteen subgraphs/tls/README.md
// lists) first, then every country of the maintained data set in Portuguese. Compared after NFC,
// case and spacing normalisation.
import { alpha3FromCountryName, countryNameIn } from '../../schema/countries/index.js';
import table from './countryNames.json' with { type: 'json' };

/** The registries' own spellings, name → alpha-3. */
export const ISO_BY_PORTUGUESE_NAME = table.names as Record<string, string>;
const SPELLING_OF = Object.fromEntries(Object.entries(ISO_BY_PORTUGUESE_NAME).map(([name, alpha3]) => [alpha3, name]));

export function isoFromPortugueseName(name: string): string | undefined {
  return alpha3FromCountryName(name, ['pt'], ISO_BY_PORTUGUESE_NAME);
}

export function portugueseNameOf(alpha3: string): string | undefined {
  return countryNameIn(alpha3, 'pt', SPELLING_OF);
}
