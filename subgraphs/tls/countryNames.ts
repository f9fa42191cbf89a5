import table from './countryNames.json' with { type: 'json' };

/** Portuguese country names (`nacionalidade` in INDMO and SEFOPE records) ⇄ ISO alpha-3, compared in NFC. */
export const ISO_BY_PORTUGUESE_NAME = table.names as Record<string, string>;
const nameByIso = Object.fromEntries(Object.entries(ISO_BY_PORTUGUESE_NAME).map(([name, iso]) => [iso, name]));

export function portugueseNameOf(iso: string): string | undefined {
  return nameByIso[iso];
}
