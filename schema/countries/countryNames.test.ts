import { describe, expect, it } from 'vitest';
import { alpha3FromCountryName, countryNameIn } from './countryNames.js';

describe('country names in a registry\'s language', () => {
  it('reads names of every country, not only the ones a specification shows', () => {
    expect(alpha3FromCountryName('Jerman', ['id'])).toBe('DEU');
    expect(alpha3FromCountryName('Đức', ['vi'])).toBe('DEU');
    expect(alpha3FromCountryName('Alemanha', ['pt'])).toBe('DEU');
    expect(alpha3FromCountryName('  alemanha ', ['pt'])).toBe('DEU');
  });

  it('prefers the registry\'s own spellings, and knows nothing it was not told', () => {
    expect(alpha3FromCountryName('TIONGKOK', ['id'], { TIONGKOK: 'CHN' })).toBe('CHN');
    expect(alpha3FromCountryName('Atlantis', ['id', 'en'])).toBeUndefined();
  });

  it('writes the name a registry expects for a query', () => {
    expect(countryNameIn('DEU', 'id')).toBe('Jerman');
    expect(countryNameIn('CHN', 'id', { CHN: 'TIONGKOK' })).toBe('TIONGKOK');
  });
});
