import { describe, expect, it } from 'vitest';
import { alpha2ToAlpha3, alpha3ToAlpha2, isAlpha3 } from './isoCountries.js';

describe('ISO 3166-1', () => {
  it('accepts every member state and countries far beyond ASEAN', () => {
    for (const code of ['BRN', 'KHM', 'IDN', 'LAO', 'MYS', 'MMR', 'PHL', 'SGP', 'THA', 'VNM', 'TLS', 'BGD', 'NPL', 'TWN', 'PRT']) {
      expect(isAlpha3(code)).toBe(true);
    }
  });
  it('rejects codes that are not assigned, lower case, or alpha-2', () => {
    for (const code of ['XXX', 'idn', 'ID', 'INDO', '']) expect(isAlpha3(code)).toBe(false);
  });
  it('converts between alpha-2 and alpha-3', () => {
    expect(alpha2ToAlpha3('MM')).toBe('MMR');
    expect(alpha3ToAlpha2('KHM')).toBe('KH');
    expect(alpha2ToAlpha3('QQ')).toBeUndefined();
  });
});
