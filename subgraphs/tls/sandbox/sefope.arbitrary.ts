// Specification-valid SEFOPE work authorisations (subgraphs/tls/README.md) across the whole space the
// specification allows, with what the contract must say of each, from this generator's own choices:
// any authorisation number, slashes included (no pattern is published), every status, pending
// authorisations without dates, any country by its Portuguese name, accents composed or decomposed,
// ISCO codes from major group to unit group (the class is read from the major group).
import fc from 'fast-check';
import { countryByName, nativeDate, travelDocument, uniqueSerial, unicodeForm } from '../../../sandbox/testing/arbitraryParts.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import spellings from '../countryNames.json' with { type: 'json' };
import type { SefopeRecord } from '../sefope.native.js';

const STATUSES = [
  { word: 'pendente', status: 'PENDING' },
  { word: 'ativa', status: 'ACTIVE' },
  { word: 'caducada', status: 'EXPIRED' },
  { word: 'cancelada', status: 'CANCELLED' },
] as const;
// ISCO-08 major groups 1-2 are professionals, 3 technicians; the others do not say the tier.
const CLASS_OF_MAJOR_GROUP = ['OTHER', 'PROFESSIONAL', 'PROFESSIONAL', 'SKILLED', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'];

const serial = uniqueSerial();

export const sefopeArbitrary: RegistryArbitrary<SefopeRecord> = {
  registry: 'sefope',
  arbitrary: fc
    .record({
      shape: fc.nat({ max: 2 }),
      country: countryByName('pt', spellings.names),
      status: fc.constantFrom(...STATUSES),
      form: unicodeForm(),
      passport: travelDocument(),
      born: nativeDate('DD/MM/YYYY', '1950-01-01', '2008-12-31'),
      from: nativeDate('DD/MM/YYYY', '2020-01-01', '2026-11-30'),
      until: nativeDate('DD/MM/YYYY', '2027-01-01', '2029-12-31'),
      dates: fc.constantFrom('both', 'null', 'absent'),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
    })
    .map(({ shape, country, status, form, passport, born, from, until, dates, isco }) => {
      const n = serial();
      const year = from.iso.slice(0, 4);
      const nativeId = [`SEFOPE/AT/${year}/${String(n).padStart(4, '0')}`, `SEFOPE/AT/${year}/${n}/R1`, `AT-${year}-${n}`][shape];
      const text = (value: string) => value.normalize(form);
      const withDates = status.status !== 'PENDING' || dates === 'both';
      const native: SefopeRecord = {
        numero: nativeId,
        nome: text('JOSÉ RAMOS PEREIRA'),
        passaporte: passport.native,
        nacionalidade: text(country.name),
        dataNascimento: born.native,
        funcao: text('Engenheiro Civil'),
        codigoISCO: isco,
        entidadeEmpregadora: text('Construções Díli, Lda.'),
        sector: text('CONSTRUÇÃO'),
        estado: text(status.word),
      };
      if (withDates) Object.assign(native, { dataInicio: from.native, dataFim: until.native });
      else if (dates === 'null') Object.assign(native, { dataInicio: null, dataFim: null });
      return {
        native,
        records: [
          {
            nativeId,
            holderNationality: country.alpha3,
            holderDocumentNumber: passport.canonical,
            status: status.status,
            nativeStatus: text(status.word),
            permitClass: CLASS_OF_MAJOR_GROUP[Number(isco[0])],
            nativeType: 'Autorização de Trabalho',
            validFrom: withDates ? from.iso : null,
            validUntil: withDates ? until.iso : null,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
