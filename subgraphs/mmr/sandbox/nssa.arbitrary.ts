// NSSA certificates across the space subgraphs/mmr/README.md allows: certificate numbers of several
// shapes (one example, no pattern), Myanmar holders with or without a passport, every level and
// status, ISCO codes of one to four digits. The expectation comes from the generator's own choices.
import fc from 'fast-check';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { documentNumber, isoDateBetween, uniqueNumber } from '../../../sandbox/testing/nativeArbitraries.js';
import type { NssaRecord } from '../nssa.native.js';

const STATUS: Record<NssaRecord['status'], string> = { VALID: 'VALID', EXPIRED: 'EXPIRED', CANCELLED: 'REVOKED' };
const NUMBER_SHAPES = [(n: number) => `NSSA-2-2023-${String(n).padStart(5, '0')}`, (n: number) => `NSSA/${n}`, (n: number) => `${n}`, (n: number) => `nssa-${n}-mm`];

export const nssaArbitrary: RegistryArbitrary<NssaRecord> = {
  registry: 'nssa',
  arbitrary: fc
    .record({
      number: uniqueNumber(NUMBER_SHAPES),
      passport: fc.option(documentNumber, { nil: null }),
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      issued: isoDateBetween('2012-01-01', '2026-06-30'),
      level: fc.integer({ min: 1, max: 4 }),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
      status: fc.constantFrom(...(Object.keys(STATUS) as NssaRecord['status'][])),
    })
    .map(({ number, passport, birth, issued, level, isco, status }) => {
      // Certificates last three years.
      const expiry = addDays(addMonths(issued, 36), -1);
      const native: NssaRecord = {
        certNo: number,
        nameMy: 'အောင်ကိုကို',
        nameEn: 'AUNG KO KO',
        nrc: '12/DAGANA(N)123456',
        passportNo: passport,
        dateOfBirth: birth,
        occupation: 'Sewing Machine Operator',
        iscoCode: isco,
        level,
        assessmentCentre: 'Yangon Skills Assessment Centre',
        issueDate: issued,
        expiryDate: expiry,
        status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: 'MMR',
            holderDocumentNumber: passport,
            status: STATUS[status],
            nativeStatus: status,
            nationalLevel: String(level),
            aqrfLevel: level,
            aqrfBasis: 'INDICATIVE',
            issuedOn: issued,
            validUntil: expiry,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
