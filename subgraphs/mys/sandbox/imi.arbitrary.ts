// The whole space of Immigration Department passes the specification allows
// (subgraphs/mys/README.md), for property-based conformance: every pass type (PLKS with each of its
// six sectors, the others with none), every status, pass numbers in more than the example's shape
// (none is published); each with what the contract must say, from the generator's own choices.
import fc from 'fast-check';
import { addMonths } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, iscoUnitGroup, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { ImiRecord } from '../imi.native.js';

const CLASS = { 'EP-I': 'PROFESSIONAL', 'EP-II': 'PROFESSIONAL', 'RP-T': 'PROFESSIONAL', 'EP-III': 'SKILLED', PLKS: 'LOWER_SKILLED', PVP: 'OTHER' } as const;
const STATUS = { PENDING: 'PENDING', ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', BLACKLISTED: 'REVOKED' } as const;
const SECTORS = ['PEMBUATAN', 'PEMBINAAN', 'PERLADANGAN', 'PERTANIAN', 'PERKHIDMATAN', 'PERLOMBONGAN'] as const;
// The example's shape (`PLKS2024JHR0098812`) and others a number without a published pattern may take.
const NUMBER_SHAPES = [
  (type: string, n: string, year: number) => `${type.replace('-', '')}${year}JHR${n.padStart(7, '0')}`,
  (type: string, n: string, year: number) => `${type}/${year}/${n}`,
  (_type: string, n: string) => `MY${n.padStart(10, '0')}`,
];

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const imiGenerator = (serial = sequence()): RegistryArbitrary<ImiRecord> => ({
  registry: 'imi',
  arbitrary: fc
    .record({
      passType: fc.constantFrom(...(Object.keys(CLASS) as Array<ImiRecord['passType']>)),
      sector: fc.constantFrom(...SECTORS),
      shape: fc.integer({ min: 0, max: NUMBER_SHAPES.length - 1 }),
      name: personName,
      passport: passportNumber,
      nationality: fc.constantFrom('IDN', 'BGD', 'NPL', 'MMR', 'IND', 'PHL', 'VNM', 'CHN', 'PAK', 'GBR'),
      born: isoDate(1950, 2006),
      employer: fc.record({ name: freeText, ssmNo: fc.stringMatching(/^[0-9]{12}$/) }),
      isco: iscoUnitGroup,
      tail: fc.stringMatching(/^[0-9]{2}$/),
      title: freeText,
      salaryBand: fc.constantFrom('RM1700-2999', 'RM3000-4999', 'RM5000-9999', 'RM10000-19999', 'RM20000+'),
      issued: isoDate(2010, 2030),
      months: fc.integer({ min: 1, max: 60 }),
      status: fc.constantFrom(...(Object.keys(STATUS) as Array<ImiRecord['status']>)),
    })
    .map((c) => {
      const year = Number(c.issued.slice(0, 4));
      const number = NUMBER_SHAPES[c.shape](c.passType, serial(), year);
      const expiry = addMonths(c.issued, c.months);
      const sector = c.passType === 'PLKS' ? c.sector : null;
      const native: ImiRecord = {
        passNo: number,
        passType: c.passType,
        sector,
        holder: { name: c.name.toUpperCase(), passportNo: c.passport, nationality: c.nationality, dateOfBirth: c.born },
        employer: c.employer,
        occupation: { masco: `${c.isco}-${c.tail}`, title: c.title },
        salaryBand: c.salaryBand,
        issueDate: c.issued,
        expiryDate: expiry,
        status: c.status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: c.nationality,
            holderDocumentNumber: c.passport,
            status: STATUS[c.status],
            nativeStatus: c.status,
            permitClass: CLASS[c.passType],
            nativeType: c.passType,
            validFrom: c.issued,
            validUntil: expiry,
            occupationIsco: c.isco,
          },
        ],
      };
    }),
});

export const imiArbitrary = imiGenerator();
