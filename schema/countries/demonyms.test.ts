import { describe, expect, it } from 'vitest';
import { alpha3FromDemonym, demonymOf } from './demonyms.js';

describe('nationalities as English demonyms', () => {
  it('reads the demonym of every state, not only the ones a specification shows', () => {
    expect(alpha3FromDemonym('GERMAN')).toBe('DEU');
    expect(alpha3FromDemonym(' german ')).toBe('DEU');
    expect(alpha3FromDemonym('FILIPINO')).toBe('PHL');
    expect(alpha3FromDemonym('FRENCH')).toBe('FRA');
  });

  it('prefers the registry\'s own spellings, and names no country for an unknown or shared demonym', () => {
    expect(alpha3FromDemonym('KOREAN', { KOREAN: 'KOR' })).toBe('KOR');
    expect(alpha3FromDemonym('KOREAN')).toBeUndefined();
    expect(alpha3FromDemonym('CONGOLESE')).toBeUndefined();
    expect(alpha3FromDemonym('ATLANTEAN')).toBeUndefined();
  });

  it('writes the demonym a registry expects for a query, its own spelling first', () => {
    expect(demonymOf('DEU')).toBe('GERMAN');
    expect(demonymOf('KOR', { KOREAN: 'KOR' })).toBe('KOREAN');
    expect(demonymOf('XXK')).toBeUndefined();
  });
});
