// The NVQF certificate API of subgraphs/lao/README.md, over the synthetic population.
import { atScale, trailingSeq, type NativeResponse, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { NVQF_DATE_FORMAT, type NvqfRecord } from '../nvqf.native.js';
import { nvqfProfile } from '../profiles.js';

// Illustrative TVET colleges; the first is the spec's example.
const COLLEGES = [
  'Lao-German Technical College',
  'Pakpasak Technical College',
  'Vientiane Capital Technical and Vocational College',
  'Luang Prabang Technical and Vocational College',
  'Savannakhet Technical and Vocational College',
  'Champasak Technical and Vocational College',
];
// Certificates do not expire; withdrawal is the only other state NVQF records.
const VALID: Record<CertHolding['status'], boolean> = { VALID: true, EXPIRED: true, SUSPENDED: false, REVOKED: false };

const notFound: NativeResponse = { status: 404, json: { message: 'not found' } };
// The spec publishes no 400 body; this follows the `message` bodies it does publish.
const badRequest = (message: string): NativeResponse => ({ status: 400, json: { message } });

/** One certificate of the synthetic population, as NVQF writes it; null for a holder without a passport (the register is searched by passport only). */
function nvqfRecord(person: Person, holding: CertHolding): NvqfRecord | null {
  if (person.passportNo === null) return null;
  const r = recordRandom('nvqf', holding.seq);
  // The population knows four levels; NVQF has five, and the top one is a Higher Diploma above level 4.
  const level = holding.level === 4 && r.chance(0.3) ? 5 : holding.level;
  return {
    certNo: `LA-NVQF-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`,
    // Foreign holders' names have no Lao-script form in the population: NVQF writes them in Latin letters in both fields.
    nameLao: person.nationality === 'LAO' && person.fullNameNative ? person.fullNameNative : person.fullName.toUpperCase(),
    nameLatin: person.fullName.toUpperCase(),
    passport: person.passportNo!,
    nationality: person.nationality,
    dob: formatNativeDate(person.dateOfBirth, NVQF_DATE_FORMAT),
    level: `L${level}`,
    qualification: holding.occupation.en,
    iscoCode: holding.occupation.isco,
    college: r.pick(COLLEGES),
    issued: formatNativeDate(holding.issuedOn, NVQF_DATE_FORMAT),
    valid: VALID[holding.status],
  } satisfies NvqfRecord;
}

export const nvqfSimulator: SimulatorDefinition<NvqfRecord> = {
  country: 'LAO',
  profile: nvqfProfile,
  behaviour: { latencyMs: [150, 400], faultRate: 0.03 },
  idOf: (record) => record.certNo,
  rateLimited: { status: 429, json: { message: 'slow down' } },

  records: (population) =>
    holdingsIn(population, 'LAO', 'CERT').flatMap(({ person, holding }) => nvqfRecord(person, holding) ?? []),
  // The six-digit serial ending the number is the certificate's place in the registry.
  atScale: atScale('CERT', nvqfRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/nvqf/cert/{certNo}',
      handle: ({ params }, store) => {
        const record = store.get(params.certNo);
        return record ? { status: 200, json: record } : notFound;
      },
    },
    {
      method: 'GET',
      path: '/nvqf/cert',
      handle({ query }, store) {
        const passport = query.get('passport');
        const nationality = query.get('nationality');
        if (!passport || !nationality) return badRequest('give passport and nationality (ISO alpha-3)');
        const wanted = normalizeDocumentNumber(passport);
        return { status: 200, json: { certs: store.find('passport', wanted, (r) => (typeof r.passport === 'string' ? normalizeDocumentNumber(r.passport) : null)).filter((r) => r.nationality === nationality.toUpperCase()) } };
      },
    },
  ],
};
