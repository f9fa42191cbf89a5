// DOE e-Work Permits across the space subgraphs/tha/README.md allows: permit numbers of several
// shapes (one example, no pattern), every worker type, both document types, every ISO nationality
// as alpha-2, Buddhist-Era dates, every status (PENDING without dates). The expectation comes from
// the generator's own choices.
import fc from 'fast-check';
import { alpha3ToAlpha2 } from '../../../schema/countries/index.js';
import { addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { anyAlpha3, documentNumber, isoDateBetween, uniqueNumber } from '../../../sandbox/testing/nativeArbitraries.js';
import type { DoeRecord } from '../doe.native.js';

const CLASS: Record<DoeRecord['worker_type'], string> = { GENERAL: 'LOWER_SKILLED', MOU: 'LOWER_SKILLED', BOI: 'SKILLED', BORDER: 'LOWER_SKILLED', MINORITY: 'OTHER' };
const STATUSES: DoeRecord['status'][] = ['PENDING', 'ACTIVE', 'EXPIRED', 'REVOKED'];
const NUMBER_SHAPES = [(n: number) => `WP67-1000-${String(n).padStart(7, '0')}`, (n: number) => `WP2568-${n}`, (n: number) => `EWP/${n}`, (n: number) => `${n}`];
const DOE_DATE = 'BBBB-MM-DD';

export const doeArbitrary: RegistryArbitrary<DoeRecord> = {
  registry: 'doe',
  arbitrary: fc
    .record({
      number: uniqueNumber(NUMBER_SHAPES),
      workerType: fc.constantFrom(...(Object.keys(CLASS) as DoeRecord['worker_type'][])),
      docType: fc.constantFrom<DoeRecord['doc_type']>('PASSPORT', 'CI'),
      docNo: documentNumber,
      nationality: anyAlpha3,
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      issued: isoDateBetween('2020-01-01', '2026-06-30'),
      years: fc.integer({ min: 1, max: 4 }),
      occupation: fc.stringMatching(/^[0-9]{4}$/),
      status: fc.constantFrom(...STATUSES),
    })
    .map(({ number, workerType, docType, docNo, nationality, birth, issued, years, occupation, status }) => {
      const pending = status === 'PENDING';
      const expiry = pending ? null : addMonths(issued, 12 * years);
      const native: DoeRecord = {
        permit_no: number,
        worker_type: workerType,
        name_en: 'AUNG SAN TUN',
        doc_type: docType,
        doc_no: docNo,
        nationality: alpha3ToAlpha2(nationality)!,
        birth_date: formatNativeDate(birth, DOE_DATE),
        employer: { name_th: 'บริษัท อาหารทะเลสยาม จำกัด', tax_id: '0105556012345' },
        province: 'สมุทรสาคร',
        occupation_code: occupation,
        issue_date: pending ? null : formatNativeDate(issued, DOE_DATE),
        expire_date: expiry === null ? null : formatNativeDate(expiry, DOE_DATE),
        status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality,
            holderDocumentNumber: docNo,
            status,
            nativeStatus: status,
            permitClass: CLASS[workerType],
            nativeType: workerType,
            validFrom: pending ? null : issued,
            validUntil: expiry,
            occupationIsco: occupation,
          },
        ],
      };
    }),
};
