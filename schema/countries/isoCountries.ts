import countries from 'i18n-iso-countries';

/**
 * ISO 3166-1 validation from a maintained data set (i18n-iso-countries), never a hand-typed list:
 * nationality can be any country in the world, not only the eleven member states.
 */
export function isAlpha3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

export function alpha2ToAlpha3(alpha2: string): string | undefined {
  return /^[A-Z]{2}$/.test(alpha2) ? countries.alpha2ToAlpha3(alpha2) : undefined;
}

export function alpha3ToAlpha2(alpha3: string): string | undefined {
  return isAlpha3(alpha3) ? countries.alpha3ToAlpha2(alpha3) : undefined;
}

export function countryName(alpha3: string): string | undefined {
  return countries.getName(alpha3, 'en');
}
