// The SEFOPE work-authorisation API of subgraphs/tls/README.md, over the synthetic population.
import { atScale, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { holdingsIn, recordRandom, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { DATE_FORMAT, erro, filterNfc, heldBy, nacionalidadeOf, numberRoute, pesquisaPage, rateLimited, SECTOR_LABELS } from './nativeApi.js';
import { SEFOPE_API, type SefopeRecord } from '../sefope.native.js';
import { sefopeProfile } from '../profiles.js';

// Fictional employers, in the style of the spec's `Construções Díli, Lda.`.
const EMPLOYERS = [
  'Construções Díli, Lda.',
  'Hotel Baía de Díli, Lda.',
  'Tasi Mane Engenharia, Lda.',
  'Ermera Café e Agricultura, Lda.',
  'Serviços Portuários de Tibar, Lda.',
  'Cimentos de Baucau, S.A.',
  'Energia de Hera, Lda.',
  'Sistemas Informáticos Lorosae, Lda.',
];
// Share of pending authorisations recorded without dates, which the specification allows (illustrative).
const UNDATED_PENDING_SHARE = 0.5;
// SEFOPE has no revocation: an authorisation ended early by anyone shows as cancelada.
const NATIVE_STATUS: Record<PermitHolding['status'], string> = { PENDING: 'pendente', ACTIVE: 'ativa', EXPIRED: 'caducada', CANCELLED: 'cancelada', REVOKED: 'cancelada' };

/** One authorisation of the synthetic population, as SEFOPE writes it; null for a holder without a passport. */
function sefopeRecord(person: Person, holding: PermitHolding): SefopeRecord | null {
  if (person.passportNo === null) return null;
  return {
    numero: `SEFOPE/AT/${holding.validFrom.slice(0, 4)}/${String(holding.seq).padStart(4, '0')}`,
    nome: person.fullName.toUpperCase(),
    passaporte: person.passportNo!,
    nacionalidade: nacionalidadeOf(person.nationality),
    dataNascimento: formatNativeDate(person.dateOfBirth, DATE_FORMAT),
    funcao: holding.occupation.pt,
    codigoISCO: holding.occupation.isco,
    entidadeEmpregadora: EMPLOYERS[holding.employer % EMPLOYERS.length],
    sector: SECTOR_LABELS[holding.occupation.sector],
    // A pending authorisation may not have its dates yet (half of them here, seeded).
    ...(holding.status === 'PENDING' && recordRandom('sefope', 'undated', holding.seq).chance(UNDATED_PENDING_SHARE)
      ? {}
      : { dataInicio: formatNativeDate(holding.validFrom, DATE_FORMAT), dataFim: formatNativeDate(holding.validUntil, DATE_FORMAT) }),
    estado: NATIVE_STATUS[holding.status],
  } satisfies SefopeRecord;
}

export const sefopeSimulator: SimulatorDefinition<SefopeRecord> = {
  country: 'TLS',
  profile: sefopeProfile,
  behaviour: { latencyMs: [100, 250], faultRate: 0.02 },
  idOf: (record) => record.numero,
  rateLimited,

  records: (population) =>
    holdingsIn(population, 'TLS', 'PERMIT').flatMap(({ person, holding }) => sefopeRecord(person, holding) ?? []),
  // The serial ending the number (four digits or more) is the authorisation's place in the registry.
  atScale: atScale('PERMIT', sefopeRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/sefope/autorizacoes/pesquisa',
      handle: ({ query }, store) =>
        pesquisaPage(query, filterNfc(store.all(), query, { estado: (r) => r.estado, sector: (r) => r.sector, nacionalidade: (r) => r.nacionalidade }), (r) => r.dataInicio),
    },
    // Numbers contain slashes: the route only matches them percent-encoded (`SEFOPE%2FAT%2F2025%2F0099`).
    numberRoute(SEFOPE_API),
    {
      method: 'GET',
      path: '/sefope/autorizacoes',
      handle({ query }, store) {
        const passaporte = query.get('passaporte');
        const nacionalidade = query.get('nacionalidade');
        if (!passaporte || !nacionalidade) return erro(400, 'indique passaporte e nacionalidade');
        return { status: 200, json: { resultados: heldBy(store, passaporte, nacionalidade) } };
      },
    },
  ],
};
