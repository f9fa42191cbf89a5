// The whole space of JPK certificates the specification allows (subgraphs/mys/README.md), for
// property-based conformance: every Tahap with its JenisSijil, every route and status, citizens
// with a MyKad and with or without a passport, foreigners, MASCO codes with their job-title tails;
// each with what the contract must say, from the generator's own choices.
import fc from 'fast-check';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, iscoUnitGroup, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { JpkRecord } from '../jpk.native.js';

const JENIS = { 1: 'SKM', 2: 'SKM', 3: 'SKM', 4: 'DKM', 5: 'DLKM' } as const;
const STATUS = { SAH: 'VALID', GANTUNG: 'SUSPENDED', BATAL: 'REVOKED' } as const;
const compact = (iso: string) => iso.replace(/-/g, '');

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const jpkGenerator = (serial = sequence()): RegistryArbitrary<JpkRecord> => ({
  registry: 'jpk',
  arbitrary: fc
    .record({
      tahap: fc.constantFrom(1, 2, 3, 4, 5),
      state: fc.stringMatching(/^[A-Z]{2}$/),
      citizen: fc.boolean(),
      myKad: fc.stringMatching(/^[0-9]{12}$/),
      passport: fc.option(passportNumber, { nil: null }),
      nationality: fc.constantFrom('IDN', 'BGD', 'NPL', 'MMR', 'IND', 'PHL', 'VNM', 'CHN', 'PAK', 'THA'),
      name: personName,
      born: isoDate(1950, 2008),
      noss: fc.stringMatching(/^[A-Z]{2}-[0-9]{3}-[1-5]:20[0-9]{2}$/),
      programme: freeText,
      isco: iscoUnitGroup,
      tail: fc.stringMatching(/^[0-9]{2}$/),
      centre: freeText,
      laluan: fc.constantFrom('PB', 'PPT', 'SLDN'),
      issued: isoDate(1995, 2030),
      status: fc.constantFrom(...(Object.keys(STATUS) as Array<keyof typeof STATUS>)),
    })
    .map((c) => {
      const jenis = JENIS[c.tahap as keyof typeof JENIS];
      const number = `${jenis}-${c.issued.slice(0, 4)}-${c.state}-${serial().padStart(7, '0').slice(-7)}`;
      // Foreigners always carry a passport; a citizen may have none (the MyKad identifies them).
      const passport = c.citizen ? c.passport : (c.passport ?? 'A1234567');
      const native: JpkRecord = {
        NoSijil: number,
        NamaPemegang: c.name,
        NoKP: c.citizen ? c.myKad : '',
        NoPasport: passport ?? '',
        Warganegara: c.citizen ? 'MYS' : c.nationality,
        TarikhLahir: compact(c.born),
        JenisSijil: jenis,
        Tahap: String(c.tahap),
        KodNOSS: c.noss,
        NamaProgram: c.programme,
        KodMASCO: `${c.isco}-${c.tail}`,
        PusatBertauliah: c.centre,
        Laluan: c.laluan,
        TarikhKeluar: compact(c.issued),
        Status: c.status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: native.Warganegara,
            holderDocumentNumber: passport,
            status: STATUS[c.status],
            nativeStatus: c.status,
            nationalLevel: String(c.tahap),
            aqrfLevel: c.tahap,
            aqrfBasis: 'REFERENCED',
            issuedOn: c.issued,
            validUntil: null,
            occupationIsco: c.isco,
          },
        ],
      };
    }),
});

export const jpkArbitrary = jpkGenerator();
