// Vietnamese country names (`quoc_tich` in records and in the passport search) ⇄ ISO alpha-3:
// the registries' own spellings (countryNames.json, the names subgraphs/vnm/README.md lists) first,
// then every country of the maintained data set in Vietnamese. Names compare after NFC (a name may
// arrive decomposed), case and spacing normalisation.
import { alpha3FromCountryName, countryNameIn } from '../../schema/countries/index.js';
import table from './countryNames.json' with { type: 'json' };

const SPELLINGS = table.names as Record<string, string>;
const SPELLING_OF = Object.fromEntries(Object.entries(SPELLINGS).map(([name, alpha3]) => [alpha3, name]));

export function isoFromVietnameseName(name: string): string | undefined {
  return alpha3FromCountryName(name, ['vi'], SPELLINGS);
}

export function vietnameseNameFromIso(alpha3: string): string | undefined {
  return countryNameIn(alpha3, 'vi', SPELLING_OF);
}
