// Specification-valid rows of the MLSW extract (subgraphs/lao/README.md) across the whole space the
// specification allows, with what the contract must say of each, from this generator's own choices:
// any permit number (no pattern is published), every status, TEMPORARY registrations without dates,
// rows without an employer licence or an employer, any ISO alpha-3 nationality, text with commas,
// quotes and line breaks (RFC 4180 quoting), ISCO codes from major group to unit group.
import fc from 'fast-check';
import { alpha3Code, isoDate, travelDocument, uniqueSerial } from '../../../sandbox/testing/arbitraryParts.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import type { MlswRow } from '../mlsw.native.js';

const STATUSES = [
  { word: 'ACTIVE', status: 'ACTIVE' },
  { word: 'TEMPORARY', status: 'ACTIVE' },
  { word: 'EXPIRED', status: 'EXPIRED' },
  { word: 'CANCELLED', status: 'CANCELLED' },
] as const;
// ISCO-08 major groups 1-2 are professionals, 3 technicians; the others do not say the tier.
const CLASS_OF_MAJOR_GROUP = ['OTHER', 'PROFESSIONAL', 'PROFESSIONAL', 'SKILLED', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'];
const EMPLOYERS = ['Lao-China Railway Co., Ltd.', 'Vientiane "Star" Hotel', 'Mekong Logistics\nSole Co.', ''];

const serial = uniqueSerial();

export const mlswArbitrary: RegistryArbitrary<MlswRow> = {
  registry: 'mlsw',
  arbitrary: fc
    .record({
      shape: fc.nat({ max: 2 }),
      nationality: alpha3Code(),
      status: fc.constantFrom(...STATUSES),
      undated: fc.boolean(),
      passport: travelDocument(),
      born: isoDate('1950-01-01', '2008-12-31'),
      issued: isoDate('2018-01-01', '2026-11-30'),
      expires: isoDate('2026-12-01', '2030-12-31'),
      employer: fc.constantFrom(...EMPLOYERS),
      licence: fc.constantFrom('ENT-0123', ''),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
    })
    .map(({ shape, nationality, status, undated, passport, born, issued, expires, employer, licence, isco }) => {
      const n = serial();
      const year = issued.slice(0, 4);
      const permitNo = [`WP-VTE-${year}-${String(n).padStart(5, '0')}`, `WP-LPB-${year}-${n}`, `${n}/MLSW/${year}`][shape];
      // A TEMPORARY registration may be published before its dates are.
      const dated = !(status.word === 'TEMPORARY' && undated);
      const native: MlswRow = {
        permit_no: permitNo,
        card_no: `C-${year}-${n}`,
        full_name: 'WANG, XIAOMING',
        passport: passport.native,
        nationality,
        dob: born,
        employer,
        employer_license: employer === '' ? '' : licence,
        province: 'Vientiane Capital',
        position: 'Signal Engineer',
        isco,
        issued: dated ? issued : '',
        expires: dated ? expires : '',
        status: status.word,
      };
      return {
        native,
        records: [
          {
            nativeId: permitNo,
            holderNationality: nationality,
            holderDocumentNumber: passport.canonical,
            status: status.status,
            nativeStatus: status.word,
            permitClass: CLASS_OF_MAJOR_GROUP[Number(isco[0])],
            nativeType: 'WORK_PERMIT_CARD',
            validFrom: dated ? issued : null,
            validUntil: dated ? expires : null,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
