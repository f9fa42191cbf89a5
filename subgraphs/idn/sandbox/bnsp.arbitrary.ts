// The whole space of BNSP certificates the specification allows (subgraphs/idn/README.md), for
// property-based conformance: every status, every scheme type (KKNI with each of its nine levels,
// OKUPASI and KLASTER without one), citizens and foreigners, with and without NIK, passport and
// TUK; each with what the contract must say, from the generator's own choices.
import fc from 'fast-check';
import { addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { BnspRecord } from '../bnsp.native.js';
import { NATIONALITIES } from './countryChoices.js';

const STATUS = { AKTIF: 'VALID', KEDALUWARSA: 'EXPIRED', DIBEKUKAN: 'SUSPENDED', DICABUT: 'REVOKED' } as const;
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

/** The generator, numbering its records with `serial` (a fresh sequence gives the same numbers again). */
export const bnspGenerator = (serial = sequence()): RegistryArbitrary<BnspRecord> => ({
  registry: 'bnsp',
  arbitrary: fc
    .record({
      head: digits(5),
      lsp4: digits(4),
      year: fc.integer({ min: 2000, max: 2035 }),
      citizen: fc.boolean(),
      foreign: fc.constantFrom(...NATIONALITIES.map(([alpha3]) => alpha3)),
      nik: fc.option(digits(16), { nil: null }),
      passport: fc.option(passportNumber, { nil: null }),
      name: personName,
      born: isoDate(1950, 2008),
      jenis: fc.constantFrom('KKNI', 'OKUPASI', 'KLASTER' as const),
      kkni: fc.integer({ min: 1, max: 9 }),
      skema: fc.record({ kode: fc.stringMatching(/^SKM\.[A-Z]{2,4}\.[0-9]{2}$/), nama: freeText }),
      kbji: digits(4),
      lsp: fc.record({ kode: fc.stringMatching(/^LSP-P[1-3]-[0-9]{4}$/), nama: freeText }),
      tuk: fc.option(freeText, { nil: null }),
      issued: isoDate(2000, 2030),
      years: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom(...(Object.keys(STATUS) as Array<keyof typeof STATUS>)),
    })
    .map((c) => {
      const jenjang = c.jenis === 'KKNI' ? c.kkni : null;
      const until = addMonths(c.issued, 12 * c.years);
      const number = `${c.head}.${c.lsp4}.${jenjang ?? 0}.${serial().padStart(7, '0')}.${c.year}`;
      const nationality = c.citizen ? 'IDN' : c.foreign;
      const native: BnspRecord = {
        nomor_sertifikat: number,
        nomor_registrasi: `MET.000.${number.slice(-12, -5)}.${c.year}`,
        nama_lengkap: c.name,
        nik: c.citizen ? c.nik : null,
        nomor_paspor: c.passport,
        kewarganegaraan: c.citizen ? 'WNI' : 'WNA',
        ...(c.citizen ? {} : { negara_asal: c.foreign }),
        tanggal_lahir: formatNativeDate(c.born, 'DD-MM-YYYY'),
        skema: { ...c.skema, jenis: c.jenis },
        jenjang_kkni: jenjang,
        kode_kbji: c.kbji,
        lsp: c.lsp,
        tuk: c.tuk,
        rekomendasi: 'K',
        tanggal_terbit: formatNativeDate(c.issued, 'DD-MM-YYYY'),
        berlaku_sampai: formatNativeDate(until, 'DD-MM-YYYY'),
        status: c.status,
      };
      return {
        native,
        records: [
          {
            nativeId: number,
            holderNationality: nationality,
            holderDocumentNumber: c.passport,
            status: STATUS[c.status],
            nativeStatus: c.status,
            // KKNI has nine levels against the AQRF's eight: indicative, level 9 read as 8.
            nationalLevel: jenjang === null ? null : String(jenjang),
            aqrfLevel: jenjang === null ? null : Math.min(jenjang, 8),
            aqrfBasis: jenjang === null ? 'NOT_REFERENCED' : 'INDICATIVE',
            issuedOn: c.issued,
            validUntil: until,
            occupationIsco: c.kbji,
          },
        ],
      };
    }),
});

export const bnspArbitrary = bnspGenerator();
