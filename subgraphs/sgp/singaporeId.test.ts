import { describe, expect, it } from 'vitest';
import { checkLetter, isSingaporeId, maskSingaporeId, singaporeIdProblem, singaporeIdType } from './singaporeId.js';

describe('NRIC and FIN check letters as subgraphs/sgp/README.md publishes them', () => {
  it('accepts the spec\'s example FIN and computes each series\' letter', () => {
    // 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 = 106; G adds 4: 110 mod 11 = 0 → X.
    expect(isSingaporeId('G1234567X')).toBe(true);
    expect(checkLetter('F', '1234567')).toBe('N');
    expect(checkLetter('S', '1234567')).toBe('D');
    expect(checkLetter('T', '1234567')).toBe('J');
    expect(['F1234567N', 'S1234567D', 'T1234567J'].every(isSingaporeId)).toBe(true);
  });

  it('rejects a wrong check letter and says which it should be', () => {
    expect(singaporeIdProblem('G1234567A')).toBe('G1234567A fails the G-series checksum: its last letter should be X');
    expect(isSingaporeId('S1234567A')).toBe(false);
  });

  it('checks M-series FINs by format only', () => {
    expect(checkLetter('M', '1234567')).toBeNull();
    expect(isSingaporeId('M1234567K')).toBe(true);
    expect(isSingaporeId('M1234567Q')).toBe(true);
  });

  it('rejects anything not in the published shape', () => {
    for (const bad of ['G123456X', 'A1234567X', 'g1234567x', 'G12345678', 'Z1234567']) {
      expect(singaporeIdProblem(bad)).toMatch(/^expected an NRIC or FIN as a letter S, T, F, G or M, seven digits and a letter/);
    }
  });

  it('tells NRIC from FIN and masks to the last three digits and the letter', () => {
    expect(singaporeIdType('S1234567D')).toBe('NRIC');
    expect(singaporeIdType('T1234567J')).toBe('NRIC');
    expect(singaporeIdType('M1234567K')).toBe('FIN');
    expect(maskSingaporeId('G1234567X')).toBe('*****567X');
  });
});
