import table from './countryNames.json' with { type: 'json' };

/** Indonesian country names (TKA `kewarganegaraan`) ⇄ ISO alpha-3. */
const toIso = table.names as Record<string, string>;
const toName = Object.fromEntries(Object.entries(toIso).map(([name, iso]) => [iso, name]));

export function isoFromIndonesianName(name: string): string | undefined {
  return toIso[name];
}

export function indonesianNameFromIso(iso: string): string | undefined {
  return toName[iso];
}
