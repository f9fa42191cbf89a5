export * from './isoCountries.js';
export * from './countryNames.js';
