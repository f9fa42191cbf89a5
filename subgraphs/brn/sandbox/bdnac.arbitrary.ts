// The whole space of BDNAC certificates the specification allows (subgraphs/brn/README.md), for
// property-based conformance: every BDQF level, both statuses, every identity card colour, holders
// with and without a passport, certificate numbers in more than the example's shape (none is
// published); each with what the contract must say, from the generator's own choices.
import fc from 'fast-check';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { BdnacRecord } from '../bdnac.native.js';

const STATUS = { SAH: 'VALID', BATAL: 'REVOKED' } as const;
const NUMBER_SHAPES = [(level: number, year: number, n: string) => `BDQF-${level}-${year}-${n.padStart(6, '0')}`, (_level: number, year: number, n: string) => `NTEC/${year}/${n}`, (_l: number, _y: number, n: string) => `C${n.padStart(8, '0')}`];

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const bdnacGenerator = (serial = sequence()): RegistryArbitrary<BdnacRecord> => ({
  registry: 'bdnac',
  arbitrary: fc
    .record({
      shape: fc.integer({ min: 0, max: NUMBER_SHAPES.length - 1 }),
      level: fc.integer({ min: 1, max: 8 }),
      name: personName,
      ic: fc.stringMatching(/^[0-9]{2}-[0-9]{6}$/),
      colour: fc.constantFrom('KUNING', 'UNGU', 'HIJAU' as const),
      passport: fc.option(passportNumber, { nil: null }),
      nationality: fc.constantFrom('IDN', 'PHL', 'MYS', 'BGD', 'IND', 'THA', 'CHN'),
      born: isoDate(1950, 2008),
      qualification: freeText,
      field: fc.constantFrom('KEJURUTERAAN', 'PERNIAGAAN', 'HOSPITALITI', 'PERTANIAN', 'TEKNOLOGI MAKLUMAT'),
      // ISCO-08 codes of every level: the contract's unit group only for four digits.
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
      institution: freeText,
      issued: isoDate(1995, 2030),
      status: fc.constantFrom('SAH', 'BATAL' as const),
    })
    .map((c) => {
      const number = NUMBER_SHAPES[c.shape](c.level, Number(c.issued.slice(0, 4)), serial());
      // Citizens hold the yellow card; permanent and foreign residents carry their nationality (and, for foreigners, a passport).
      const nationality = c.colour === 'KUNING' ? 'BRN' : c.nationality;
      const passport = c.colour === 'HIJAU' ? (c.passport ?? 'B1234567') : c.passport;
      const native: BdnacRecord = {
        noSijil: number,
        nama: c.name.toUpperCase(),
        noIC: c.ic,
        warnaIC: c.colour,
        noPasport: passport,
        warganegara: nationality,
        tarikhLahir: c.born,
        kelayakan: c.qualification,
        tahapBDQF: c.level,
        bidang: c.field,
        kodISCO: c.isco,
        institusi: c.institution,
        tarikhKeluar: c.issued,
        status: c.status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality,
            holderDocumentNumber: passport,
            status: STATUS[c.status],
            nativeStatus: c.status,
            // Indicative: BDQF level N read as AQRF level N.
            nationalLevel: String(c.level),
            aqrfLevel: c.level,
            aqrfBasis: 'INDICATIVE',
            issuedOn: c.issued,
            validUntil: null,
            occupationIsco: c.isco.length === 4 ? c.isco : null,
          },
        ],
      };
    }),
});

export const bdnacArbitrary = bdnacGenerator();
