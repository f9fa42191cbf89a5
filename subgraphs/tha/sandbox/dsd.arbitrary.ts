// DSD certificates across the space subgraphs/tha/README.md allows: certificate numbers of several
// shapes (only one example is published), every ISO nationality as alpha-2 (citizens with an id
// card and maybe no passport), Buddhist-Era dates, levels 1–3, every status (หมดอายุ only with an
// expiry), expiry present or null. The expectation comes from the generator's own choices.
import fc from 'fast-check';
import { alpha3ToAlpha2 } from '../../../schema/countries/index.js';
import { addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { anyAlpha3, documentNumber, isoDateBetween, uniqueNumber } from '../../../sandbox/testing/nativeArbitraries.js';
import type { DsdRecord } from '../dsd.native.js';

const STATUS: Record<DsdRecord['status'], string> = { ใช้งาน: 'VALID', หมดอายุ: 'EXPIRED', เพิกถอน: 'REVOKED' };
const NUMBER_SHAPES = [(n: number) => `DSD-67-10-${String(n).padStart(6, '0')}`, (n: number) => `DSD-2568-${n}`, (n: number) => `${n}`, (n: number) => `DSD/67/${n}`];
const DSD_DATE = 'DD/MM/BBBB';

export const dsdArbitrary: RegistryArbitrary<DsdRecord> = {
  registry: 'dsd',
  arbitrary: fc
    .record({
      number: uniqueNumber(NUMBER_SHAPES),
      nationality: fc.oneof(fc.constant('THA'), anyAlpha3),
      passport: fc.option(documentNumber, { nil: null }),
      birth: isoDateBetween('1950-01-01', '2008-12-31'),
      issued: isoDateBetween('2000-01-01', '2026-06-30'),
      term: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      level: fc.integer({ min: 1, max: 3 }),
      occupation: fc.stringMatching(/^[0-9]{4}$/),
      status: fc.constantFrom(...(Object.keys(STATUS) as DsdRecord['status'][])),
    })
    .map(({ number, nationality, passport, birth, issued, term, level, occupation, status }) => {
      // หมดอายุ is only written for a certificate that has an expiry.
      const years = status === 'หมดอายุ' ? (term ?? 3) : term;
      const expiry = years === null ? null : addMonths(issued, 12 * years);
      const citizen = nationality === 'THA';
      const native: DsdRecord = {
        cert_no: number,
        full_name_th: 'สมชาย ใจดี',
        full_name_en: 'SOMCHAI JAIDEE',
        id_card: citizen ? '1101700203451' : null,
        passport_no: citizen ? passport : (passport ?? 'MD456789'),
        nationality: alpha3ToAlpha2(nationality)!,
        birth_date: formatNativeDate(birth, DSD_DATE),
        occupation_code: occupation,
        occupation_name: 'ช่างเชื่อม',
        skill_level: level,
        test_center: 'สถาบันพัฒนาฝีมือแรงงาน 1 สมุทรปราการ',
        issue_date: formatNativeDate(issued, DSD_DATE),
        expire_date: expiry === null ? null : formatNativeDate(expiry, DSD_DATE),
        status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality,
            holderDocumentNumber: native.passport_no,
            status: STATUS[status],
            nativeStatus: status,
            nationalLevel: String(level),
            aqrfLevel: level,
            aqrfBasis: 'INDICATIVE',
            issuedOn: issued,
            validUntil: expiry,
            occupationIsco: occupation,
          },
        ],
      };
    }),
};
