// The whole space of MOM work passes the specification allows (subgraphs/sgp/README.md), for
// property-based conformance: every pass type, status and sector, FINs of every series, households
// without a UEN, pass ids in more than the example's shape (none is published); each with what the
// contract must say, from the generator's own choices.
import fc from 'fast-check';
import { addMonths } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { MomRecord } from '../mom.native.js';
import { finNumber } from './singaporeIds.arbitrary.js';

const CLASS = { EP: 'PROFESSIONAL', PEP: 'PROFESSIONAL', ONEP: 'PROFESSIONAL', SP: 'SKILLED', WP: 'LOWER_SKILLED', LOC: 'OTHER' } as const;
const STATUS = { IPA: 'APPROVED_IN_PRINCIPLE', ISSUED: 'ACTIVE', CANCELLED: 'CANCELLED', EXPIRED: 'EXPIRED', REVOKED: 'REVOKED' } as const;
const SECTORS: ReadonlyArray<MomRecord['sector']> = ['CONSTRUCTION', 'MARINE_SHIPYARD', 'PROCESS', 'MANUFACTURING', 'SERVICES', 'DOMESTIC', 'OTHER'];
const ID_SHAPES = [(n: string, year: number) => `WP-${year}-${n.padStart(7, '0')}`, (n: string) => `EP${n.padStart(9, '0')}`, (n: string, year: number) => `${year}/${n}`];

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const momGenerator = (serial = sequence()): RegistryArbitrary<MomRecord> => ({
  registry: 'mom',
  arbitrary: fc
    .record({
      shape: fc.integer({ min: 0, max: ID_SHAPES.length - 1 }),
      fin: finNumber,
      passType: fc.constantFrom(...(Object.keys(CLASS) as Array<MomRecord['passType']>)),
      name: personName,
      passport: passportNumber,
      nationality: fc.constantFrom('IND', 'CHN', 'MYS', 'PHL', 'BGD', 'MMR', 'IDN', 'GBR', 'LKA', 'THA'),
      born: isoDate(1950, 2006),
      uen: fc.option(fc.stringMatching(/^(19|20)[0-9]{7}[A-Z]$/), { nil: '' }),
      employer: freeText,
      ssoc: fc.stringMatching(/^[0-9]{5}$/),
      sector: fc.constantFrom(...SECTORS),
      salary: fc.constantFrom('S$1000-1999', 'S$3300-4499', 'S$5600-9999', 'S$10000+'),
      issued: isoDate(2010, 2030),
      months: fc.integer({ min: 1, max: 36 }),
      status: fc.constantFrom(...(Object.keys(STATUS) as Array<MomRecord['status']>)),
    })
    .map((c) => {
      const id = ID_SHAPES[c.shape](serial(), Number(c.issued.slice(0, 4)));
      const expiry = addMonths(c.issued, c.months);
      const native: MomRecord = {
        passId: id,
        fin: c.fin,
        passType: c.passType,
        holderName: c.name.toUpperCase(),
        passportNo: c.passport,
        nationality: c.nationality,
        dateOfBirth: c.born,
        employer: { uen: c.uen ?? '', name: c.employer },
        ssocCode: c.ssoc,
        sector: c.sector,
        monthlySalaryBand: c.salary,
        issueDate: c.issued,
        expiryDate: expiry,
        status: c.status,
      };
      return {
        native,
        records: [
          {
            nativeId: id,
            holderNationality: c.nationality,
            holderDocumentNumber: c.passport,
            status: STATUS[c.status],
            nativeStatus: c.status,
            permitClass: CLASS[c.passType],
            nativeType: c.passType,
            validFrom: c.issued,
            validUntil: expiry,
            occupationIsco: c.ssoc.slice(0, 4),
          },
        ],
      };
    }),
});

export const momArbitrary = momGenerator();
