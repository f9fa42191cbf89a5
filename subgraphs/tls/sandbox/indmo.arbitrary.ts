// Specification-valid INDMO certificates (subgraphs/tls/README.md) across the whole space the
// specification allows, with what the contract must say of each, from this generator's own choices:
// any certificate number (no pattern is published), every level and status, any country by its
// Portuguese name (the registries' spellings or the data set's), accents composed or decomposed, a
// `bi` and a passport present, null or absent, ISCO codes from major group to unit group.
import fc from 'fast-check';
import { countryByName, nativeDate, travelDocument, uniqueSerial, unicodeForm } from '../../../sandbox/testing/arbitraryParts.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import spellings from '../countryNames.json' with { type: 'json' };
import type { IndmoRecord } from '../indmo.native.js';

const LEVELS = ['Certificado I', 'Certificado II', 'Certificado III', 'Certificado IV'] as const;
const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const STATUSES = [
  { word: 'válido', status: 'VALID' },
  { word: 'revogado', status: 'REVOKED' },
] as const;

const serial = uniqueSerial();

export const indmoArbitrary: RegistryArbitrary<IndmoRecord> = {
  registry: 'indmo',
  arbitrary: fc
    .record({
      shape: fc.nat({ max: 2 }),
      country: countryByName('pt', spellings.names),
      level: fc.nat({ max: 3 }),
      status: fc.constantFrom(...STATUSES),
      form: unicodeForm(),
      passport: fc.option(travelDocument(), { nil: undefined }),
      passportMissing: fc.constantFrom(null, undefined),
      bi: fc.option(fc.stringMatching(/^[0-9]{9}$/), { nil: undefined }),
      born: nativeDate('DD/MM/YYYY', '1950-01-01', '2008-12-31'),
      issued: nativeDate('DD/MM/YYYY', '2005-01-01', '2026-11-30'),
      isco: fc.stringMatching(/^[0-9]{1,4}$/),
    })
    .map(({ shape, country, level, status, form, passport, passportMissing, bi, born, issued, isco }) => {
      const n = serial();
      const year = issued.iso.slice(0, 4);
      const nativeId = [`INDMO-C${ROMAN[level]}-${year}-${String(n).padStart(4, '0')}`, `INDMO-${year}-${n}`, `CERT${n}`][shape];
      const text = (value: string) => value.normalize(form);
      const native: IndmoRecord = {
        numeroCertificado: nativeId,
        nomeCompleto: text('Maria da Costa Soares'),
        nacionalidade: text(country.name),
        dataNascimento: born.native,
        qualificacao: text('Certificado II em Hotelaria'),
        nivel: text(LEVELS[level]),
        area: text('TURISMO E HOTELARIA'),
        codigoISCO: isco,
        centroFormacao: text('Centro de Formação Profissional de Becora'),
        dataEmissao: issued.native,
        estado: text(status.word),
      };
      if (passport) native.passaporte = passport.native;
      else if (passportMissing === null) native.passaporte = null;
      // The identity card is for citizens only.
      if (country.alpha3 === 'TLS' && bi) native.bi = bi;
      return {
        native,
        records: [
          {
            nativeId,
            holderNationality: country.alpha3,
            holderDocumentNumber: passport?.canonical ?? null,
            status: status.status,
            // INDMO's word is kept exactly as sent.
            nativeStatus: text(status.word),
            nationalLevel: LEVELS[level],
            aqrfLevel: level + 1,
            aqrfBasis: 'INDICATIVE',
            issuedOn: issued.iso,
            occupationIsco: isco.length === 4 ? isco : null,
          },
        ],
      };
    }),
};
