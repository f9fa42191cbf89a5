// The simulated DOLE AEP API of subgraphs/phl/README.md, over the synthetic population.
import { atScale, trailingSeq, type NativeResponse, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { isIsoDate } from '../../../schema/dates/index.js';
import { demonymFromIso } from '../demonyms.js';
import type { AepRecord } from '../aep.native.js';
import { aepProfile } from '../profiles.js';

// The bodies the specification publishes; it gives none for 400, so the simulator answers in the style of the others.
export const aepNotFound: NativeResponse = { status: 404, json: { status: 404, error: 'AEP_NOT_FOUND' } };
export const rateLimit: NativeResponse = { status: 429, json: { status: 429, error: 'RATE_LIMIT' } };
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { status: 400, error: 'BAD_REQUEST', message } });

// Fictional employers with the regional office that covers them; TINs are derived per employer.
const EMPLOYERS = [
  { name: 'Laguna Precision Components Inc.', region: 'IV-A' },
  { name: 'Cavite Export Electronics Corp.', region: 'IV-A' },
  { name: 'Makati Business Process Solutions Inc.', region: 'NCR' },
  { name: 'Bonifacio Global Engineering Consultants Inc.', region: 'NCR' },
  { name: 'Clark Aviation Services Corp.', region: 'III' },
  { name: 'Subic Bay Shipbuilding Corp.', region: 'III' },
  { name: 'Mactan Apparel Manufacturing Inc.', region: 'VII' },
  { name: 'Davao Agri-Ventures Corp.', region: 'XI' },
];
// A share of foreign nationals hold a certificate of exemption (COE-) instead of a permit.
const COE_SHARE = 0.1;
const AEP_STATUS: Record<PermitHolding['status'], AepRecord['status']> = { PENDING: 'PENDING', ACTIVE: 'ISSUED', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'REVOKED' };
// An exemption in force is EXEMPT, not ISSUED.
const COE_STATUS: Record<PermitHolding['status'], AepRecord['status']> = { ...AEP_STATUS, ACTIVE: 'EXEMPT' };
const MAX_LIMIT = 50;

function tinOf(employer: number): string {
  const r = recordRandom('aep-tin', employer);
  return `${r.digits(3)}-${r.digits(3)}-${r.digits(3)}-000`;
}

/**
 * The search's validity window: permits that lie within it (validFrom on or after `validFrom`,
 * validUntil on or before `validTo`); the specification names the bounds, not their reading.
 */
function withinValidity(records: AepRecord[], from: string | null, to: string | null): AepRecord[] {
  // Two windows, one bound each: at SIM_SCALE the first reads the registry's index of start dates.
  return withinDates(withinDates(records, from, null, (r) => r.validFrom), null, to, (r) => r.validUntil);
}

/** One permit of the synthetic population, as DOLE writes it. */
function aepRecord(person: Person, holding: PermitHolding): AepRecord {
  const nationality = demonymFromIso(person.nationality);
  if (!nationality || person.passportNo === null) throw new Error(`AEP simulator: person ${person.pid} (${person.nationality}) has no published demonym or no passport`);
  const employerIndex = holding.employer % EMPLOYERS.length;
  const employer = EMPLOYERS[employerIndex];
  const exempt = recordRandom('aep-coe', holding.seq).chance(COE_SHARE);
  return {
    aepNo: `${exempt ? 'COE' : 'AEP'}-${employer.region}-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`,
    foreignNational: {
      surname: person.family.latin.toUpperCase(),
      givenName: person.given.latin.toUpperCase(),
      nationality,
      passportNo: person.passportNo,
      birthDate: person.dateOfBirth,
    },
    position: holding.occupation.en,
    psocCode: holding.occupation.isco,
    employer: { name: employer.name, tin: tinOf(employerIndex) },
    regionalOffice: employer.region,
    // The holding's span is one to three years, what DOLE allows for the contract's length.
    validFrom: holding.validFrom,
    validUntil: holding.validUntil,
    status: (exempt ? COE_STATUS : AEP_STATUS)[holding.status],
  } satisfies AepRecord;
}

export const aepSimulator: SimulatorDefinition<AepRecord> = {
  country: 'PHL',
  profile: aepProfile,
  behaviour: { latencyMs: [100, 300], faultRate: 0.02 },
  idOf: (record) => record.aepNo,
  rateLimited: rateLimit,

  records: (population) =>
    holdingsIn(population, 'PHL', 'PERMIT').map(({ person, holding }) => aepRecord(person, holding)),
  // The six-digit serial ending the number is the permit's place in the registry.
  atScale: atScale('PERMIT', aepRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/aep/api/permits/{aepNo}',
      handle: ({ params }, store) => {
        const record = store.get(params.aepNo);
        return record ? { status: 200, json: record } : aepNotFound;
      },
    },
    {
      method: 'GET',
      path: '/aep/api/permits',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        if (passport !== null) {
          const nationality = query.get('nationality')?.trim().toUpperCase();
          if (!passport.trim() || !nationality) return badRequest('give passportNo and nationality (demonym, e.g. JAPANESE) together');
          const wanted = normalizeDocumentNumber(passport);
          return { status: 200, json: store.find('passportNo', wanted, (r) => normalizeDocumentNumber(r.foreignNational.passportNo)).filter((r) => r.foreignNational.nationality === nationality) };
        }
        const offset = intParam(query, 'offset', 0);
        const limit = intParam(query, 'limit', MAX_LIMIT);
        if (!(offset >= 0) || !(limit >= 1 && limit <= MAX_LIMIT)) return badRequest(`offset must be ≥ 0 and limit between 1 and ${MAX_LIMIT}`);
        const from = query.get('validFrom') || null;
        const to = query.get('validTo') || null;
        if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return badRequest('validFrom and validTo must be dates as YYYY-MM-DD');
        const matching = withinValidity(filterBy(store.all(), query, { region: (r) => r.regionalOffice, status: (r) => r.status }), from, to);
        return { status: 200, json: matching.slice(offset, offset + limit), headers: { 'X-Total-Count': String(matching.length) } };
      },
    },
  ],
};
