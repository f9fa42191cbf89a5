// FWCMS permits across the space subgraphs/khm/README.md allows: permit numbers of several shapes
// (one example, no pattern), every ISO nationality, every quota category and status, any calendar
// year, ISCO codes of one to four digits. The expectation comes from the generator's own choices.
import fc from 'fast-check';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { anyAlpha3, documentNumber, isoDateBetween, uniqueNumber } from '../../../sandbox/testing/nativeArbitraries.js';
import type { FwcmsRecord } from '../fwcms.native.js';

const CLASS: Record<FwcmsRecord['quotaCategory'], string> = { OFFICE: 'OTHER', SKILLED: 'SKILLED', UNSKILLED: 'LOWER_SKILLED' };
const STATUS: Record<FwcmsRecord['status'], string> = { APPLIED: 'PENDING', VALID: 'ACTIVE', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED' };
const NUMBER_SHAPES = [(n: number) => `WP-2025-${String(n).padStart(7, '0')}`, (n: number) => `WP/${n}`, (n: number) => `${n}`, (n: number) => `FW-${n}-KH`];

export const fwcmsArbitrary: RegistryArbitrary<FwcmsRecord> = {
  registry: 'fwcms',
  arbitrary: fc
    .record({
      number: uniqueNumber(NUMBER_SHAPES),
      nationality: anyAlpha3,
      passport: documentNumber,
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      year: fc.integer({ min: 2010, max: 2030 }),
      quota: fc.constantFrom(...(Object.keys(CLASS) as FwcmsRecord['quotaCategory'][])),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
      status: fc.constantFrom(...(Object.keys(STATUS) as FwcmsRecord['status'][])),
    })
    .map(({ number, nationality, passport, birth, year, quota, isco, status }) => {
      const native: FwcmsRecord = {
        workPermitNo: number,
        employmentCardNo: `EC-${year}-0012345`,
        worker: { name: 'LI QIANG', passportNo: passport, nationality, dateOfBirth: birth },
        employer: { name: 'Phnom Penh Garment Co., Ltd.', registrationNo: '00012345' },
        quotaCategory: quota,
        position: 'Production Supervisor',
        iscoCode: isco,
        year,
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
            permitClass: CLASS[quota],
            nativeType: quota,
            validFrom: `${year}-01-01`,
            validUntil: `${year}-12-31`,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
