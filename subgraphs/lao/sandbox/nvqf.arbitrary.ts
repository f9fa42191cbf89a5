// Specification-valid NVQF certificates (subgraphs/lao/README.md) across the whole space the
// specification allows, with what the contract must say of each, from this generator's own choices:
// any certificate number (no pattern is published), every level, withdrawn or not, any ISO alpha-3
// nationality, a passport present, null or absent, ISCO codes from major group to unit group.
import fc from 'fast-check';
import { alpha3Code, nativeDate, travelDocument, uniqueSerial } from '../../../sandbox/testing/arbitraryParts.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import type { NvqfRecord } from '../nvqf.native.js';

const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5'] as const;

const serial = uniqueSerial();

export const nvqfArbitrary: RegistryArbitrary<NvqfRecord> = {
  registry: 'nvqf',
  arbitrary: fc
    .record({
      shape: fc.nat({ max: 2 }),
      nationality: alpha3Code(),
      level: fc.nat({ max: 4 }),
      valid: fc.boolean(),
      passport: fc.option(travelDocument(), { nil: undefined }),
      passportMissing: fc.constantFrom(null, undefined),
      born: nativeDate('DD/MM/YYYY', '1950-01-01', '2008-12-31'),
      issued: nativeDate('DD/MM/YYYY', '2005-01-01', '2026-11-30'),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
    })
    .map(({ shape, nationality, level, valid, passport, passportMissing, born, issued, isco }) => {
      const n = serial();
      const year = issued.iso.slice(0, 4);
      const nativeId = [`LA-NVQF-${year}-${String(n).padStart(6, '0')}`, `NVQF/${year}/${n}`, `LA${n}`][shape];
      const native: NvqfRecord = {
        certNo: nativeId,
        nameLao: 'ສົມພອນ ແກ້ວມະນີ',
        nameLatin: 'SOMPHONE KEOMANY',
        nationality,
        dob: born.native,
        level: LEVELS[level],
        qualification: 'Electrical Installation',
        iscoCode: isco,
        college: 'Lao-German Technical College',
        issued: issued.native,
        valid,
      };
      if (passport) native.passport = passport.native;
      else if (passportMissing === null) native.passport = null;
      return {
        native,
        records: [
          {
            nativeId,
            holderNationality: nationality,
            holderDocumentNumber: passport?.canonical ?? null,
            // Certificates do not expire; `valid: false` means withdrawn.
            status: valid ? 'VALID' : 'REVOKED',
            nativeStatus: `valid: ${valid}`,
            nationalLevel: LEVELS[level],
            aqrfLevel: level + 1,
            aqrfBasis: 'INDICATIVE',
            issuedOn: issued.iso,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
