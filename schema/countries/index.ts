export * from './isoCountries.js';
export * from './countryNames.js';
export * from './demonyms.js';
