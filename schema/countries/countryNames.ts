// Country names in a registry's own language, both ways, from a maintained data set
// (i18n-iso-countries locales: Indonesian `id`, Portuguese `pt`, Vietnamese `vi`, Malay `ms`,
// Thai `th`, Khmer `km`, English `en`, …). Registries write nationality as a name in their
// language; a hand-typed list of the names a specification happened to show would turn every
// other country into a silent "not found", so the whole world comes from the data set, and a
// registry's own spellings that the data set lacks are added as data beside its adapter.
import countries from 'i18n-iso-countries';

/** Case, accents-as-written and spacing differences that do not change which country a name means. */
export function normalizeCountryName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('en');
}

const indexes = new Map<string, Map<string, string>>();

/** Every name (official and aliases) of every country in one locale, normalised → alpha-3. */
function namesIn(locale: string): Map<string, string> {
  let index = indexes.get(locale);
  if (!index) {
    index = new Map();
    const all = countries.getNames(locale, { select: 'all' }) as Record<string, string[] | string>;
    if (Object.keys(all).length === 0) throw new Error(`no country names for locale ${JSON.stringify(locale)} in i18n-iso-countries`);
    for (const [alpha2, names] of Object.entries(all)) {
      const alpha3 = countries.alpha2ToAlpha3(alpha2);
      if (!alpha3) continue;
      for (const name of Array.isArray(names) ? names : [names]) if (!index.has(normalizeCountryName(name))) index.set(normalizeCountryName(name), alpha3);
    }
    indexes.set(locale, index);
  }
  return index;
}

/**
 * The alpha-3 code a registry's country name means: first the registry's own spellings
 * (`extra`, name → alpha-3, kept as data beside the adapter), then every name of every country in
 * each of `locales`, in order. Undefined when none knows it: the caller says so, never guesses.
 */
export function alpha3FromCountryName(name: string, locales: readonly string[], extra: Readonly<Record<string, string>> = {}): string | undefined {
  const wanted = normalizeCountryName(name);
  for (const [spelling, alpha3] of Object.entries(extra)) if (normalizeCountryName(spelling) === wanted) return alpha3;
  for (const locale of locales) {
    const alpha3 = namesIn(locale).get(wanted);
    if (alpha3) return alpha3;
  }
  return undefined;
}

/**
 * The name a registry expects for a country in a query: the registry's own spelling when it has
 * one (`extra`, alpha-3 → name), else the data set's official name in `locale`.
 */
export function countryNameIn(alpha3: string, locale: string, extra: Readonly<Record<string, string>> = {}): string | undefined {
  return extra[alpha3] ?? countries.getName(alpha3, locale, { select: 'official' });
}
