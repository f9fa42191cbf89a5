// The whole space of SSG credentials the specification allows (subgraphs/sgp/README.md), for
// property-based conformance: both types, every level, revoked or not, holders by NRIC (no
// passport) and by FIN (with or without one), ids in more than the example's UUID shape (no format
// is stated); each with what the contract must say, from the generator's own choices.
import fc from 'fast-check';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { SsgRecord } from '../ssg.native.js';
import { finNumber, nricNumber } from './singaporeIds.arbitrary.js';

const LEVELS: ReadonlyArray<SsgRecord['level']> = ['CERTIFICATE', 'HIGHER_CERTIFICATE', 'ADVANCED_CERTIFICATE', 'DIPLOMA', 'SPECIALIST_DIPLOMA', 'GRADUATE_CERTIFICATE', 'GRADUATE_DIPLOMA'];
const ID_SHAPES = [
  (n: string) => `8f14e45f-ceea-467f-a9f2-${n.padStart(12, '0')}`,
  (n: string) => `SOA-${n}`,
  (n: string) => `WSQ/${n.padStart(9, '0')}`,
];

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const ssgGenerator = (serial = sequence()): RegistryArbitrary<SsgRecord> => ({
  registry: 'ssg',
  arbitrary: fc
    .record({
      shape: fc.integer({ min: 0, max: ID_SHAPES.length - 1 }),
      citizen: fc.boolean(),
      nric: nricNumber,
      fin: finNumber,
      passport: fc.option(passportNumber, { nil: null }),
      nationality: fc.constantFrom('IND', 'CHN', 'MYS', 'PHL', 'BGD', 'MMR', 'IDN', 'GBR'),
      name: personName,
      born: isoDate(1950, 2008),
      type: fc.constantFrom('SOA', 'QUALIFICATION' as const),
      code: fc.stringMatching(/^WSQ-[A-Z]{3}-[A-Z]{3}-[0-9]{4}$/),
      title: freeText,
      level: fc.constantFrom(...LEVELS),
      sector: fc.stringMatching(/^[A-Z]{3,12}(_[A-Z]{3,12})?$/),
      ssoc: fc.stringMatching(/^[0-9]{5}$/),
      provider: freeText,
      issued: isoDate(2005, 2030),
      root: fc.stringMatching(/^[0-9a-f]{64}$/),
      revoked: fc.boolean(),
    })
    .map((c) => {
      const id = ID_SHAPES[c.shape](serial());
      const passport = c.citizen ? null : c.passport;
      const native: SsgRecord = {
        credentialId: id,
        holder: { name: c.name.toUpperCase(), idType: c.citizen ? 'NRIC' : 'FIN', idNumber: c.citizen ? c.nric : c.fin, passportNo: passport, nationality: c.citizen ? 'SGP' : c.nationality, dateOfBirth: c.born },
        type: c.type,
        qualificationCode: c.code,
        title: c.title,
        level: c.level,
        frameworkSector: c.sector,
        ssocCode: c.ssoc,
        trainingProvider: c.provider,
        issuedOn: c.issued,
        opencertsMerkleRoot: c.root,
        revoked: c.revoked,
      };
      return {
        native,
        records: [
          {
            nativeId: id,
            holderNationality: native.holder.nationality,
            holderDocumentNumber: passport,
            status: c.revoked ? 'REVOKED' : 'VALID',
            nativeStatus: `revoked: ${c.revoked}`,
            // WSQ is not referenced to the AQRF.
            nationalLevel: c.level,
            aqrfLevel: null,
            aqrfBasis: 'NOT_REFERENCED',
            issuedOn: c.issued,
            validUntil: null,
            occupationIsco: c.ssoc.slice(0, 4),
          },
        ],
      };
    }),
});

export const ssgArbitrary = ssgGenerator();
