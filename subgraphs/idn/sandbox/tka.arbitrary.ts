// The whole space of TKA approvals the specification allows (subgraphs/idn/README.md), for
// property-based conformance: every status, approval numbers in more than the example's shape
// (none is published), nationalities by the names TKA writes (its listed spellings and others),
// with and without a counterpart; each with what the contract must say, from the generator's own
// choices.
import fc from 'fast-check';
import { addMonths } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { TkaRecord } from '../tka.native.js';
import { NATIONALITIES } from './countryChoices.js';

const STATUS = { DIAJUKAN: 'PENDING', DISAHKAN: 'ACTIVE', DIPERPANJANG: 'ACTIVE', BERAKHIR: 'EXPIRED', DIBATALKAN: 'CANCELLED' } as const;
// The example's shape, and others a number without a published pattern may take.
const NUMBER_SHAPES = [
  (n: string, year: number) => `KEP.${n}/PPTKA/PTK/${year}`,
  (n: string, year: number) => `B.${n}/PPTKA/${year}`,
  (n: string, year: number) => `${year}${n.padStart(8, '0')}`,
  (n: string, year: number) => `KEP ${n}-${year}`,
];

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const tkaGenerator = (serial = sequence()): RegistryArbitrary<TkaRecord> => ({
  registry: 'tka',
  arbitrary: fc
    .record({
      shape: fc.integer({ min: 0, max: NUMBER_SHAPES.length - 1 }),
      year: fc.integer({ min: 2015, max: 2035 }),
      name: personName,
      passport: passportNumber,
      nationality: fc.constantFrom(...NATIONALITIES),
      born: isoDate(1950, 2006),
      jabatan: freeText,
      kbji: fc.stringMatching(/^[0-9]{4}$/),
      employer: fc.record({ nama: freeText, npwp: fc.stringMatching(/^[0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]-[0-9]{3}\.[0-9]{3}$/), kbli: fc.stringMatching(/^[0-9]{5}$/) }),
      lokasi: freeText,
      pendamping: fc.option(personName, { nil: null }),
      from: isoDate(2015, 2033),
      months: fc.integer({ min: 1, max: 60 }),
      status: fc.constantFrom(...(Object.keys(STATUS) as Array<keyof typeof STATUS>)),
    })
    .map((c) => {
      const number = NUMBER_SHAPES[c.shape](serial(), c.year);
      const until = addMonths(c.from, c.months);
      const [alpha3, tkaName] = c.nationality;
      const native: TkaRecord = {
        nomor_pengesahan: number,
        nama_tka: c.name.toUpperCase(),
        paspor: c.passport,
        kewarganegaraan: tkaName,
        tanggal_lahir: c.born,
        jabatan: c.jabatan,
        kode_kbji: c.kbji,
        pemberi_kerja: c.employer,
        lokasi_kerja: c.lokasi,
        pendamping: c.pendamping,
        tanggal_mulai: c.from,
        tanggal_berakhir: until,
        status: c.status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: alpha3,
            holderDocumentNumber: c.passport,
            status: STATUS[c.status],
            nativeStatus: c.status,
            permitClass: 'PROFESSIONAL',
            nativeType: 'PENGESAHAN_RPTKA',
            validFrom: c.from,
            validUntil: until,
            occupationIsco: c.kbji,
          },
        ],
      };
    }),
});

export const tkaArbitrary = tkaGenerator();
