import table from './countryNames.json' with { type: 'json' };

/**
 * Vietnamese country names (`quoc_tich`) ⇄ ISO alpha-3. The same name can arrive precomposed (NFC)
 * or decomposed (NFD: "Hàn Quốc" as H, a, combining grave, …); the registries compare names after
 * NFC normalisation, and so does this table.
 */
const toIso = table.names as Record<string, string>;
const toName = Object.fromEntries(Object.entries(toIso).map(([name, iso]) => [iso, name]));

export function isoFromVietnameseName(name: string): string | undefined {
  const key = name.normalize('NFC').trim();
  return Object.prototype.hasOwnProperty.call(toIso, key) ? toIso[key] : undefined;
}

export function vietnameseNameFromIso(iso: string): string | undefined {
  return toName[iso];
}
