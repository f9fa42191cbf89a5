// The whole space of Department of Labour licences the specification allows
// (subgraphs/brn/README.md), for property-based conformance: licences of one to five worker lines
// (line numbers unique, from 0, not necessarily consecutive), every licence status against every line
// status, every ISCO major group, licence numbers in more than the example's shape (none is
// published); each line with what the contract must say, from the generator's own choices.
import fc from 'fast-check';
import { addMonths } from '../../../schema/dates/index.js';
import type { ExpectedRecord, RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import { freeText, isoDate, passportNumber, personName, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import type { LpaLicence, LpaStatus, LpaWorkerLine } from '../lpa.native.js';

const STATUSES: readonly LpaStatus[] = ['DIPROSES', 'AKTIF', 'TAMAT', 'DIBATALKAN'];
const OWN = { DIPROSES: 'PENDING', AKTIF: 'ACTIVE', TAMAT: 'EXPIRED', DIBATALKAN: 'CANCELLED' } as const;
/** A line read under its licence: an AKTIF licence leaves the line its own status; otherwise a line still open takes the licence's, and a line already closed keeps its own end. */
function lineStatus(licence: LpaStatus, line: LpaStatus): string {
  if (licence === 'AKTIF' || line === 'TAMAT' || line === 'DIBATALKAN') return OWN[line];
  return OWN[licence];
}
const CLASS_BY_MAJOR_GROUP = ['OTHER', 'PROFESSIONAL', 'PROFESSIONAL', 'SKILLED', 'LOWER_SKILLED', 'LOWER_SKILLED', 'LOWER_SKILLED', 'LOWER_SKILLED', 'LOWER_SKILLED', 'LOWER_SKILLED'];
const NUMBER_SHAPES = [(year: number, n: string) => `LPA/${year}/${n.padStart(4, '0')}`, (year: number, n: string) => `LPA-${year}-${n}`, (_year: number, n: string) => `L${n.padStart(7, '0')}`];

const line = fc.record({
  nama: personName,
  noPasport: passportNumber,
  warganegara: fc.constantFrom('IDN', 'PHL', 'BGD', 'IND', 'THA', 'MYS', 'NPL', 'CHN'),
  tarikhLahir: isoDate(1950, 2006),
  jawatan: freeText,
  // ISCO-08 codes of every level: the contract's unit group only for four digits.
  kodISCO: fc.stringMatching(/^[0-9]{1,4}$/),
  noICHijau: fc.stringMatching(/^[0-9]{2}-[0-9]{6}$/),
  mula: isoDate(2015, 2030),
  tamat: isoDate(2016, 2035),
  status: fc.constantFrom(...STATUSES),
});

/** The generator, numbering its licences with `serial` (a fresh sequence gives the same numbers again). */
export const lpaGenerator = (serial = sequence()): RegistryArbitrary<LpaLicence> => ({
  registry: 'lpa',
  arbitrary: fc
    .record({
      shape: fc.integer({ min: 0, max: NUMBER_SHAPES.length - 1 }),
      employer: fc.record({ nama: freeText, noPendaftaran: fc.stringMatching(/^RC\/[0-9]{8}$/) }),
      sektor: fc.constantFrom('PEMBINAAN', 'PERKHIDMATAN', 'PERTANIAN', 'PERIKANAN', 'PEMBUATAN', 'MINYAK DAN GAS'),
      issued: isoDate(2015, 2030),
      years: fc.integer({ min: 1, max: 3 }),
      statusLesen: fc.constantFrom(...STATUSES),
      lines: fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 5 }).chain((numbers) => fc.tuple(...numbers.map((baris) => line.map((l): LpaWorkerLine => ({ baris, ...l }))))),
    })
    .map((c) => {
      const year = Number(c.issued.slice(0, 4));
      const noLesen = NUMBER_SHAPES[c.shape](year, serial());
      const native: LpaLicence = {
        noLesen,
        majikan: c.employer,
        sektor: c.sektor,
        tarikhKeluar: c.issued,
        tarikhTamat: addMonths(c.issued, 12 * c.years),
        statusLesen: c.statusLesen,
        pekerja: c.lines,
      };
      const records: ExpectedRecord[] = c.lines.map((worker) => ({
        nativeId: `${noLesen}/${worker.baris}`,
        holderNationality: worker.warganegara,
        holderDocumentNumber: worker.noPasport,
        status: lineStatus(c.statusLesen, worker.status),
        nativeStatus: worker.status,
        permitClass: CLASS_BY_MAJOR_GROUP[Number(worker.kodISCO[0])],
        nativeType: 'LPA',
        validFrom: worker.mula,
        validUntil: worker.tamat,
        occupationIsco: worker.kodISCO.length === 4 ? worker.kodISCO : null,
      }));
      return { native, records };
    }),
});

export const lpaArbitrary = lpaGenerator();
