// MOL permits across the space subgraphs/mmr/README.md allows: permit numbers of several shapes
// (one example, no pattern), every ISO nationality, every channel and status, posts of every
// ISCO-08 major group with codes of one to four digits. The expectation comes from the generator's
// own choices (the class from the major group, as molVocabulary.json documents it).
import fc from 'fast-check';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { anyAlpha3, documentNumber, isoDateBetween, uniqueNumber } from '../../../sandbox/testing/nativeArbitraries.js';
import type { MolRecord } from '../mol.native.js';

const STATUS: Record<MolRecord['status'], string> = { PENDING: 'PENDING', VALID: 'ACTIVE', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED' };
const CLASS_BY_MAJOR_GROUP = ['OTHER', 'PROFESSIONAL', 'PROFESSIONAL', 'SKILLED', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'];
const NUMBER_SHAPES = [(n: number) => `MOL-FE-2024-${String(n).padStart(6, '0')}`, (n: number) => `MOL/${n}`, (n: number) => `${n}`, (n: number) => `SEZ-TLW-${n}`];

export const molArbitrary: RegistryArbitrary<MolRecord> = {
  registry: 'mol',
  arbitrary: fc
    .record({
      number: uniqueNumber(NUMBER_SHAPES),
      channel: fc.constantFrom<MolRecord['channel']>('MOL', 'MIC', 'SEZ'),
      nationality: anyAlpha3,
      passport: documentNumber,
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      issued: isoDateBetween('2015-01-01', '2026-06-30'),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
      status: fc.constantFrom(...(Object.keys(STATUS) as MolRecord['status'][])),
    })
    .map(({ number, channel, nationality, passport, birth, issued, isco, status }) => {
      // Permits run one year.
      const expiry = addDays(addMonths(issued, 12), -1);
      const native: MolRecord = {
        permitNo: number,
        channel,
        name: 'TANAKA HIROSHI',
        passportNo: passport,
        nationality,
        dateOfBirth: birth,
        position: 'Plant Manager',
        iscoCode: isco,
        employer: 'Thilawa Auto Parts Co., Ltd.',
        issueDate: issued,
        expiryDate: expiry,
        status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality,
            holderDocumentNumber: passport,
            status: STATUS[status],
            nativeStatus: status,
            permitClass: CLASS_BY_MAJOR_GROUP[Number(isco[0])],
            nativeType: channel,
            validFrom: issued,
            validUntil: expiry,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
