// The simulated NSSA API of subgraphs/mmr/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { badRequest, notFound, searchPage, tooMany } from './registryApi.js';
import type { NssaRecord } from '../nssa.native.js';
import { nssaProfile } from '../profiles.js';

const CENTRES = [
  'Yangon Industrial Training Centre',
  'Mandalay Industrial Training Centre',
  'Sinde Industrial Training Centre',
  'Thagaya Industrial Training Centre',
  'Yangon Hospitality Training Centre',
];
// Illustrative NRC prefixes (state/region number and township code) in the shape of the spec's example, not an official list.
const NRC_TOWNSHIPS = ['12/DAGANA', '12/KAMAYA', '12/BAHANA', '12/THAKATA', '9/MAHAMA', '9/AMAZA', '10/MALAMA', '7/PAKHANA'];
// NSSA has no suspension: a suspended or revoked holding can only be CANCELLED here; null means the dates decide.
const NATIVE_STATUS: Record<CertHolding['status'], NssaRecord['status'] | null> = { VALID: null, EXPIRED: null, SUSPENDED: 'CANCELLED', REVOKED: 'CANCELLED' };
const CERTIFICATE_YEARS = 3;
const MAX_PAGE_SIZE = 20;

/** One certificate of the synthetic population, as NSSA writes it; null for a foreign holder (holders are Myanmar nationals). */
function nssaRecord(person: Person, holding: CertHolding): NssaRecord | null {
  if (person.nationality !== 'MMR') return null;
  const r = recordRandom('nssa', holding.seq);
  const identity = recordRandom('nrc', person.pid);
  // Certificates last three years, to the day before the anniversary (the spec's example: 2023-09-12 → 2026-09-11).
  const expiryDate = addDays(addMonths(holding.issuedOn, 12 * CERTIFICATE_YEARS), -1);
  const status = NATIVE_STATUS[holding.status] ?? (expiryDate < SIMULATION_TODAY ? 'EXPIRED' : 'VALID');
  return {
    // The specification shows one number and publishes no pattern: one certificate in eight is numbered otherwise, so that nothing relies on the example's shape.
    certNo: holding.seq % 8 === 0 ? `NSSA ${holding.issuedOn.slice(0, 4)}/${holding.seq}` : `NSSA-${holding.level}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(5, '0')}`,
    // Myanmar names are written without spaces between syllable groups (the spec's `အောင်ကိုကို`).
    nameMy: person.given.native && person.family.native ? person.given.native + person.family.native : (person.fullNameNative ?? person.fullName),
    nameEn: person.fullName.toUpperCase(),
    nrc: `${identity.pick(NRC_TOWNSHIPS)}(N)${identity.digits(6)}`,
    passportNo: person.passportNo,
    dateOfBirth: person.dateOfBirth,
    occupation: holding.occupation.en,
    iscoCode: holding.occupation.isco,
    level: holding.level,
    assessmentCentre: r.pick(CENTRES),
    issueDate: holding.issuedOn,
    expiryDate,
    status,
  } satisfies NssaRecord;
}

export const nssaSimulator: SimulatorDefinition<NssaRecord> = {
  country: 'MMR',
  profile: nssaProfile,
  behaviour: { latencyMs: [200, 500], faultRate: 0.05, hangRate: 0.01 },
  idOf: (record) => record.certNo,
  rateLimited: tooMany,

  records: (population) =>
    holdingsIn(population, 'MMR', 'CERT').flatMap(({ person, holding }) => nssaRecord(person, holding) ?? []),
  // Both shapes of the number end in the certificate's place in the registry.
  atScale: atScale('CERT', nssaRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/nssa/v1/certificates/search',
      handle({ query }, store) {
        // `occupation` is matched against the ISCO code or the occupation title (case-insensitive): the spec names the parameter, not the field.
        const occupation = query.get('occupation')?.trim().toLowerCase() || null;
        const byLevel = filterBy(store.all(), query, { level: (r) => r.level });
        const matching = occupation === null ? byLevel : byLevel.filter((r) => r.iscoCode === occupation || r.occupation.toLowerCase() === occupation);
        return searchPage(query, matching, MAX_PAGE_SIZE);
      },
    },
    {
      method: 'POST',
      path: '/nssa/v1/certificates/batch',
      handle({ body }, store) {
        const numbers = (body as { certNos?: unknown })?.certNos;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return badRequest('body must be {"certNos":[...]}');
        if (numbers.length > idsPerCall(nssaProfile)) return badRequest(`certNos: at most ${idsPerCall(nssaProfile)} numbers per request`);
        // Unknown numbers are simply left out: the spec publishes no not-found list for the batch.
        return { status: 200, json: { records: [...new Set(numbers as string[])].map((n) => store.get(n)).filter((r): r is NssaRecord => r !== undefined) } };
      },
    },
    recordByIdRoute('/nssa/v1/certificates/{certNo}', notFound),
    {
      method: 'GET',
      path: '/nssa/v1/certificates',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        const nrc = query.get('nrc');
        if (passport) {
          const wanted = normalizeDocumentNumber(passport);
          return { status: 200, json: { records: store.find('passportNo', wanted, (r) => r.passportNo && normalizeDocumentNumber(r.passportNo)) } };
        }
        if (nrc) {
          const wanted = nrc.trim().toUpperCase();
          return { status: 200, json: { records: store.find('nrc', wanted, (r) => r.nrc.toUpperCase()) } };
        }
        return badRequest('give passportNo or nrc');
      },
    },
  ],
};
