// The INDMO API of subgraphs/tls/README.md, over the synthetic population.
import { atScale, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import vocabulary from '../indmoVocabulary.json' with { type: 'json' };
import { DATE_FORMAT, erro, filterNfc, heldBy, nacionalidadeOf, numberRoute, pesquisaPage, rateLimited, SECTOR_LABELS } from './nativeApi.js';
import { INDMO_API, type IndmoRecord } from '../indmo.native.js';
import { indmoProfile } from '../profiles.js';

const CENTRES = [
  'Centro de Formação Profissional de Becora',
  'Centro Nacional de Emprego e Formação Profissional de Tibar',
  'Centro de Formação Profissional de Baucau',
  'Centro de Formação Profissional de Maliana',
  'Centro de Formação Profissional de Oe-Cusse',
];
const NIVEL_BY_LEVEL = Object.fromEntries(Object.entries(vocabulary.levels).map(([nivel, level]) => [level, nivel])) as Record<number, string>;
// Certificates do not expire and INDMO has no suspension: a suspended or revoked holding is revogado, anything else válido.
const NATIVE_STATUS: Record<CertHolding['status'], string> = { VALID: 'válido', EXPIRED: 'válido', SUSPENDED: 'revogado', REVOKED: 'revogado' };
const BI = /^\d{9}$/;

/** One certificate of the synthetic population, as INDMO writes it. */
function indmoRecord(person: Person, holding: CertHolding): IndmoRecord {
  const nivel = NIVEL_BY_LEVEL[holding.level];
  return {
    // `CII` in the spec's example is Certificado II in Roman numerals.
    numeroCertificado: `INDMO-C${nivel.slice('Certificado '.length)}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(4, '0')}`,
    nomeCompleto: person.fullName,
    // The identity card is for citizens only; one number per person.
    bi: person.nationality === 'TLS' ? recordRandom('bi', person.pid).digits(9) : null,
    passaporte: person.passportNo,
    nacionalidade: nacionalidadeOf(person.nationality),
    dataNascimento: formatNativeDate(person.dateOfBirth, DATE_FORMAT),
    qualificacao: `${nivel} em ${holding.occupation.pt}`,
    nivel,
    area: SECTOR_LABELS[holding.occupation.sector],
    codigoISCO: holding.occupation.isco,
    centroFormacao: recordRandom('indmo', holding.seq).pick(CENTRES),
    dataEmissao: formatNativeDate(holding.issuedOn, DATE_FORMAT),
    estado: NATIVE_STATUS[holding.status],
  } satisfies IndmoRecord;
}

export const indmoSimulator: SimulatorDefinition<IndmoRecord> = {
  country: 'TLS',
  profile: indmoProfile,
  behaviour: { latencyMs: [100, 250], faultRate: 0.02 },
  idOf: (record) => record.numeroCertificado,
  rateLimited,

  records: (population) =>
    holdingsIn(population, 'TLS', 'CERT').map(({ person, holding }) => indmoRecord(person, holding)),
  // The serial ending the number (four digits or more) is the certificate's place in the registry.
  atScale: atScale('CERT', indmoRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/indmo/certificados/pesquisa',
      handle: ({ query }, store) =>
        pesquisaPage(query, filterNfc(store.all(), query, { nivel: (r) => r.nivel, area: (r) => r.area, estado: (r) => r.estado }), (r) => r.dataEmissao),
    },
    numberRoute(INDMO_API),
    {
      method: 'GET',
      path: '/indmo/certificados',
      handle({ query }, store) {
        const passaporte = query.get('passaporte');
        const nacionalidade = query.get('nacionalidade');
        const bi = query.get('bi');
        if (passaporte && nacionalidade) return { status: 200, json: { resultados: heldBy(store, passaporte, nacionalidade) } };
        if (bi && BI.test(bi)) return { status: 200, json: { resultados: store.find('bi', bi, (r) => r.bi) } };
        return erro(400, 'indique passaporte e nacionalidade, ou bi');
      },
    },
  ],
};
