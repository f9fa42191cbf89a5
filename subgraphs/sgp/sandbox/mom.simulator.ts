// The MOM work pass API of subgraphs/sgp/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type RecordStore, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays } from '../../../schema/dates/index.js';
import { batchTooLarge, codeBody, cursorPage, invalidParameter, throttled } from './nativeBodies.js';
import type { MomRecord } from '../mom.native.js';
import { momProfile } from '../profiles.js';
import { singaporeIdOf, ssocFor } from './simulatedIds.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { momGenerator } from './mom.arbitrary.js';

type Sector = MomRecord['sector'];
// Fictional employers with UENs in Singapore's format. Households employ domestic workers and have no UEN.
const EMPLOYERS: Record<Sector, Array<MomRecord['employer']>> = {
  CONSTRUCTION: [{ uen: '201812345D', name: 'Tampines Builders Pte Ltd' }, { uen: '200912345E', name: 'Jurong Civil Engineering Pte Ltd' }],
  MARINE_SHIPYARD: [{ uen: '201912345K', name: 'Marina Fabrication Pte Ltd' }, { uen: '199812345M', name: 'Tuas Shiprepair Pte Ltd' }],
  PROCESS: [{ uen: '200512345W', name: 'Jurong Island Petrochemicals Pte Ltd' }],
  MANUFACTURING: [{ uen: '201512345H', name: 'Woodlands Precision Pte Ltd' }, { uen: '201012345R', name: 'Kallang Electronics Pte Ltd' }],
  SERVICES: [{ uen: '201712345G', name: 'Raffles Place Software Pte Ltd' }, { uen: '200712345C', name: 'Orchard Hospitality Pte Ltd' }],
  DOMESTIC: [{ uen: '', name: 'Private household' }],
  OTHER: [{ uen: '201612345N', name: 'Lim Chu Kang Agrotech Pte Ltd' }],
};
// The population's sectors in MOM's vocabulary; manufacturing trades also work in shipyards.
const SECTORS: Record<string, Sector[]> = {
  CONSTRUCTION: ['CONSTRUCTION'],
  MANUFACTURING: ['MANUFACTURING', 'MARINE_SHIPYARD'],
  SERVICES: ['SERVICES'],
  HOSPITALITY: ['SERVICES'],
  DOMESTIC: ['DOMESTIC'],
  MINING: ['PROCESS'],
  ENERGY: ['PROCESS'],
  PLANTATION: ['OTHER'],
};
// Illustrative salary bands per pass type, in MOM's `S$low-high` form.
const SALARY_BANDS: Record<MomRecord['passType'], string[]> = {
  EP: ['S$5600-7999', 'S$8000-11999', 'S$12000-19999'],
  PEP: ['S$22500-29999', 'S$30000-44999'],
  ONEP: ['S$30000-44999', 'S$45000-59999'],
  SP: ['S$3300-4499', 'S$4500-5999'],
  WP: ['S$600-999', 'S$1000-1499', 'S$1500-2199'],
  LOC: ['S$1000-2999'],
};
const NATIVE_STATUS: Record<Exclude<PermitHolding['status'], 'PENDING'>, MomRecord['status']> = { ACTIVE: 'ISSUED', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'REVOKED' };
const IPA_DAYS = 60;

function passTypeFor(holding: PermitHolding): MomRecord['passType'] {
  if (holding.permitClass === 'SKILLED') return 'SP';
  if (holding.permitClass === 'LOWER_SKILLED') return 'WP';
  return recordRandom('mom-pass-type', holding.seq).weighted([['EP', 0.85], ['PEP', 0.1], ['ONEP', 0.05]] as const);
}

/**
 * A pending holding is an in-principle approval, valid 60 days from the day MOM granted it: the
 * record's dates are that window. Every other holding carries the pass's own term.
 */
function termOf(holding: PermitHolding): Pick<MomRecord, 'status' | 'issueDate' | 'expiryDate'> {
  if (holding.status === 'PENDING') {
    const issueDate = addDays(SIMULATION_TODAY, -recordRandom('mom-ipa', holding.seq).int(0, IPA_DAYS - 1));
    return { status: 'IPA', issueDate, expiryDate: addDays(issueDate, IPA_DAYS - 1) };
  }
  return { status: NATIVE_STATUS[holding.status], issueDate: holding.validFrom, expiryDate: holding.validUntil };
}

/** One enquiry's passes, or the 400 the spec gives for it. */
function enquire(enquiry: unknown, store: RecordStore<MomRecord>): MomRecord[] | ReturnType<typeof codeBody> {
  const { fin, passportNo, nationality, dateOfBirth } = (enquiry ?? {}) as Record<string, unknown>;
  // Like MOM's public check: no date of birth, no answer.
  if (typeof dateOfBirth !== 'string' || dateOfBirth === '') return codeBody(400, 'DOB_REQUIRED');
  if (typeof fin === 'string' && fin !== '') return store.find('fin', fin.toUpperCase(), (r) => r.fin).filter((r) => r.dateOfBirth === dateOfBirth);
  if (typeof passportNo !== 'string' || passportNo === '' || typeof nationality !== 'string' || nationality === '') {
    return invalidParameter('passportNo', 'give a fin, or a passportNo with its nationality');
  }
  const wanted = normalizeDocumentNumber(passportNo);
  return store.find('passportNo', wanted, (r) => normalizeDocumentNumber(r.passportNo)).filter((r) => r.nationality === nationality.toUpperCase() && r.dateOfBirth === dateOfBirth);
}

/** One pass of the synthetic population, as MOM writes it; null for a holder without a passport. */
function momRecord(person: Person, holding: PermitHolding): MomRecord | null {
  if (person.passportNo === null) return null;
  const r = recordRandom('mom', holding.seq);
  const passType = passTypeFor(holding);
  const sector = r.pick(SECTORS[holding.occupation.sector] ?? ['OTHER']);
  return {
    passId: `WP-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(7, '0')}`,
    fin: singaporeIdOf(person),
    passType,
    holderName: person.fullName.toUpperCase(),
    passportNo: person.passportNo!,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    employer: EMPLOYERS[sector][holding.employer % EMPLOYERS[sector].length],
    ssocCode: ssocFor(holding.occupation.isco),
    sector,
    monthlySalaryBand: r.pick(SALARY_BANDS[passType]),
    ...termOf(holding),
  } satisfies MomRecord;
}

export const momSimulator: SimulatorDefinition<MomRecord> = {
  country: 'SGP',
  profile: momProfile,
  behaviour: { latencyMs: [15, 50], faultRate: 0.002 },
  idOf: (record) => record.passId,
  rateLimited: throttled,

  records: (population) => [
    ...holdingsIn(population, 'SGP', 'PERMIT').flatMap(({ person, holding }) => momRecord(person, holding) ?? []),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(momGenerator(sequence('9')), 32, 60),
  ],
  // The seven-digit serial ending the pass number is the pass's place in the registry.
  atScale: atScale('PERMIT', momRecord, trailingSeq()),

  routes: [
    {
      method: 'POST',
      path: '/workpass/v1/enquiry',
      handle({ body }, store) {
        const passes = enquire(body, store);
        return Array.isArray(passes) ? { status: 200, json: { passes } } : passes;
      },
    },
    {
      method: 'POST',
      path: '/workpass/v1/enquiry:batch',
      handle({ body }, store) {
        const enquiries = (body as { enquiries?: unknown } | undefined)?.enquiries;
        if (!Array.isArray(enquiries)) return invalidParameter('enquiries', 'body must be {"enquiries":[...]}');
        if (enquiries.length > idsPerCall(momProfile)) return batchTooLarge(idsPerCall(momProfile));
        const results = [];
        for (const [index, enquiry] of enquiries.entries()) {
          const passes = enquire(enquiry, store);
          if (!Array.isArray(passes)) return { ...passes, json: { ...(passes.json as object), index } };
          results.push({ index, passes });
        }
        return { status: 200, json: { results } };
      },
    },
    recordByIdRoute('/workpass/v1/passes/{passId}', codeBody(404, 'PASS_NOT_FOUND')),
    {
      method: 'POST',
      path: '/workpass/v1/passes:batchGet',
      handle({ body }, store) {
        const ids = (body as { passIds?: unknown } | undefined)?.passIds;
        if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return invalidParameter('passIds', 'body must be {"passIds":[...]}');
        if (ids.length > idsPerCall(momProfile)) return batchTooLarge(idsPerCall(momProfile));
        // Unknown ids are left out: the spec publishes no not-found list.
        return { status: 200, json: { passes: [...new Set(ids as string[])].map((id) => store.get(id)).filter((r): r is MomRecord => r !== undefined) } };
      },
    },
    {
      method: 'GET',
      path: '/workpass/v1/passes',
      handle: ({ query }, store) =>
        cursorPage(query, filterBy(store.all(), query, { passType: (r) => r.passType, status: (r) => r.status, sector: (r) => r.sector }), 'passes', (r) => r.issueDate, true),
    },
    {
      method: 'GET',
      path: '/workpass/v1/changes',
      handle({ query }, store) {
        const since = query.get('since');
        if (!since || Number.isNaN(Date.parse(since))) return invalidParameter('since', 'since must be an ISO instant');
        return { status: 200, json: { changes: store.changedSince(new Date(since).toISOString()).map((c) => ({ passId: c.id, at: c.at })) } };
      },
    },
  ],
};
