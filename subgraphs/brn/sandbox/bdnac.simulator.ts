// The BDNAC certificate API of subgraphs/brn/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { badRequest, kelompokRoute, notFound, searchPage, tooMany } from './nativeBodies.js';
import { identityCardOf } from './identityCard.js';
import type { BdnacRecord } from '../bdnac.native.js';
import { bdnacProfile } from '../profiles.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { bdnacGenerator } from './bdnac.arbitrary.js';

const CAMPUSES = [
  'IBTE Jefri Bolkiah Campus',
  'IBTE Sultan Saiful Rijal Campus',
  'IBTE Nakhoda Ragam Campus',
  'IBTE Mechanical Campus',
  'IBTE Agro-Technology Campus',
];
// Illustrative award names per level, in the shape of the spec's example ("National Technical Education Certificate in Welding"); not an official list.
const AWARDS: Record<number, string> = {
  1: 'Skill Certificate',
  2: 'Industrial Skills Qualification',
  3: 'National Technical Education Certificate',
  4: 'Higher National Technical Education Certificate',
};
// The trade each certifiable occupation of the population is trained in.
const TRADES: Record<string, string> = {
  '7212': 'Welding',
  '7411': 'Electrical Installation',
  '7231': 'Automotive Technology',
  '7126': 'Plumbing',
  '5120': 'Culinary Arts',
  '5131': 'Food and Beverage Service',
  '8212': 'Electronics Assembly',
  '5153': 'Housekeeping',
};
// Field of study by ISCO-08 major group; certifiable occupations are service (5), craft (7) and operator (8) trades.
const FIELDS: Record<string, string> = { '5': 'HOSPITALITI', '7': 'KEJURUTERAAN', '8': 'KEJURUTERAAN' };
// Certificates do not expire and BDNAC has no suspension: a suspended or revoked holding is withdrawn (BATAL).
const NATIVE_STATUS: Record<CertHolding['status'], BdnacRecord['status']> = { VALID: 'SAH', EXPIRED: 'SAH', SUSPENDED: 'BATAL', REVOKED: 'BATAL' };

/** One certificate of the synthetic population, as BDNAC writes it. */
function bdnacRecord(person: Person, holding: CertHolding): BdnacRecord {
  const r = recordRandom('bdnac', holding.seq);
  return {
    noSijil: `BDQF-${holding.level}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`,
    nama: person.fullName.toUpperCase(),
    ...identityCardOf(person),
    noPasport: person.passportNo,
    warganegara: person.nationality,
    tarikhLahir: person.dateOfBirth,
    kelayakan: `${AWARDS[holding.level]} in ${TRADES[holding.occupation.isco] ?? holding.occupation.en}`,
    tahapBDQF: holding.level,
    bidang: FIELDS[holding.occupation.isco[0]],
    kodISCO: holding.occupation.isco,
    institusi: r.pick(CAMPUSES),
    tarikhKeluar: holding.issuedOn,
    status: NATIVE_STATUS[holding.status],
  } satisfies BdnacRecord;
}

export const bdnacSimulator: SimulatorDefinition<BdnacRecord> = {
  country: 'BRN',
  profile: bdnacProfile,
  behaviour: { latencyMs: [30, 80], faultRate: 0.005 },
  idOf: (record) => record.noSijil,
  rateLimited: tooMany,

  records: (population) => [
    ...holdingsIn(population, 'BRN', 'CERT').map(({ person, holding }) => bdnacRecord(person, holding)),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(bdnacGenerator(sequence('9')), 41, 60),
  ],
  // The six-digit serial ending the number is the record's place in the registry.
  atScale: atScale('CERT', bdnacRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/bdnac/api/sijil/carian',
      handle: ({ query }, store) =>
        searchPage(query, filterBy(store.all(), query, { tahap: (r) => r.tahapBDQF, bidang: (r) => r.bidang, status: (r) => r.status }), 'rekod', (r) => r.tarikhKeluar),
    },
    kelompokRoute('/bdnac/api/sijil/kelompok', { bodyKey: 'noSijil', listKey: 'rekod', limit: idsPerCall(bdnacProfile), noun: 'nombor' }),
    recordByIdRoute('/bdnac/api/sijil/{noSijil}', notFound),
    {
      method: 'GET',
      path: '/bdnac/api/sijil',
      handle({ query }, store) {
        const passport = query.get('noPasport');
        const nationality = query.get('warganegara');
        const ic = query.get('noIC');
        if (passport && nationality) {
          const wanted = normalizeDocumentNumber(passport);
          return { status: 200, json: { rekod: store.find('noPasport', wanted, (r) => r.noPasport && normalizeDocumentNumber(r.noPasport)).filter((r) => r.warganegara === nationality.toUpperCase()) } };
        }
        if (ic && !passport) return { status: 200, json: { rekod: store.find('noIC', ic.trim(), (r) => r.noIC) } };
        return badRequest('berikan noPasport dan warganegara (ISO alpha-3), atau noIC');
      },
    },
  ],
};
