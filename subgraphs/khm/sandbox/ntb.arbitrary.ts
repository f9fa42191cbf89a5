// NTB certificates across the space subgraphs/khm/README.md allows: certificate numbers of several
// shapes (one example, no pattern), every ISO nationality (citizens with a Khmer id and maybe no
// passport), every award at its CQF level, both statuses, ISCO codes of one to four digits. The
// expectation comes from the generator's own choices.
import fc from 'fast-check';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { anyAlpha3, documentNumber, isoDateBetween, uniqueNumber } from '../../../sandbox/testing/nativeArbitraries.js';
import type { NtbRecord } from '../ntb.native.js';

const AWARD_LEVEL: Record<NtbRecord['award'], number> = { C1: 1, C2: 2, C3: 3, TVD: 4, HTVD: 5 };
const STATUS: Record<NtbRecord['status'], string> = { ACTIVE: 'VALID', WITHDRAWN: 'REVOKED' };
const NUMBER_SHAPES = [(n: number) => `NTB-C2-2024-${String(n).padStart(5, '0')}`, (n: number) => `NTB/${n}`, (n: number) => `${n}`, (n: number) => `ntb-htvd-${n}`];

export const ntbArbitrary: RegistryArbitrary<NtbRecord> = {
  registry: 'ntb',
  arbitrary: fc
    .record({
      number: uniqueNumber(NUMBER_SHAPES),
      nationality: fc.oneof(fc.constant('KHM'), anyAlpha3),
      passport: fc.option(documentNumber, { nil: null }),
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      issued: isoDateBetween('2005-01-01', '2026-06-30'),
      award: fc.constantFrom(...(Object.keys(AWARD_LEVEL) as NtbRecord['award'][])),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
      status: fc.constantFrom(...(Object.keys(STATUS) as NtbRecord['status'][])),
    })
    .map(({ number, nationality, passport, birth, issued, award, isco, status }) => {
      const citizen = nationality === 'KHM';
      const level = AWARD_LEVEL[award];
      const native: NtbRecord = {
        certificateNo: number,
        nameKh: 'សុខ ចន្ទា',
        nameEn: 'SOK CHANTHA',
        khmerId: citizen ? '010203040' : null,
        passportNo: citizen ? passport : (passport ?? 'N01234567'),
        nationality,
        dateOfBirth: birth,
        qualification: 'Automotive Mechanics',
        cqfLevel: level,
        award,
        sector: 'AUTOMOTIVE',
        iscoCode: isco,
        institution: 'Preah Kossomak Polytechnic Institute',
        issuedDate: issued,
        status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality,
            holderDocumentNumber: native.passportNo,
            status: STATUS[status],
            nativeStatus: status,
            nationalLevel: String(level),
            aqrfLevel: level,
            aqrfBasis: 'INDICATIVE',
            issuedOn: issued,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
