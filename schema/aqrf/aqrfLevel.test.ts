import { describe, expect, it } from 'vitest';
import { aqrfLevelFor } from './aqrfLevel.js';

describe('aqrfLevelFor', () => {
  it('claims REFERENCED only for frameworks whose report was accepted', () => {
    expect(aqrfLevelFor('MYS', 3)).toMatchObject({ level: 3, basis: 'REFERENCED' });
    expect(aqrfLevelFor('PHL', 'NC II')).toMatchObject({ level: 2, basis: 'REFERENCED' });
    expect(aqrfLevelFor('IDN', 3)).toMatchObject({ level: 3, basis: 'INDICATIVE' });
    expect(aqrfLevelFor('IDN', 9)).toMatchObject({ level: 8, basis: 'INDICATIVE' });
  });
  it('gives no level where none is published or the award is not a qualification', () => {
    expect(aqrfLevelFor('PHL', 'COC')).toMatchObject({ level: null, basis: 'NOT_REFERENCED' });
    expect(aqrfLevelFor('IDN', null)).toMatchObject({ level: null, basis: 'NOT_REFERENCED' });
    expect(aqrfLevelFor('SGP', 'CERTIFICATE')).toMatchObject({ level: null, basis: 'NOT_REFERENCED' });
  });
  it('says how an indicative level was derived', () => {
    expect(aqrfLevelFor('IDN', 2).derivation).toMatch(/Indicative only/);
  });
});
