export * from './isoCountries.js';
