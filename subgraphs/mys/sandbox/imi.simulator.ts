// The Immigration Department pass API of subgraphs/mys/README.md, over the synthetic population.
import { idsPerCall, batchLimitOf } from '../../kit/adapter.js';
import { atScale, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { decodeCursor, encodeCursor, filterBy, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays, addMonths, isIsoDate } from '../../../schema/dates/index.js';
import type { ImiRecord } from '../imi.native.js';
import { imiBadRequest, imiNotFound, imiRateLimited } from './nativeBodies.js';
import { mascoFor } from '../masco.js';
import { imiProfile } from '../profiles.js';
import { sampleNatives, sequence } from '../../../sandbox/testing/nativeArbitraries.js';
import { imiGenerator } from './imi.arbitrary.js';

// Fictional employers with SSM numbers in the 12-digit form of the spec's example.
const EMPLOYERS = [
  { name: 'Syarikat Elektronik Jaya Sdn Bhd', ssmNo: '201901012345' },
  { name: 'Pembinaan Teguh Bina Sdn Bhd', ssmNo: '201501023456' },
  { name: 'Ladang Sawit Sri Kelana Sdn Bhd', ssmNo: '199801034567' },
  { name: 'Kilang Getah Maju Sdn Bhd', ssmNo: '200601045678' },
  { name: 'Hotel Seri Pantai Berhad', ssmNo: '199001056789' },
  { name: 'Teknologi Awan Nusantara Sdn Bhd', ssmNo: '202101067890' },
  { name: 'Perkhidmatan Bersih Cemerlang Sdn Bhd', ssmNo: '201201078901' },
  { name: 'Jentera Berat Pantai Timur Sdn Bhd', ssmNo: '200901089012' },
];
// Illustrative state codes in the shape of the spec's `PLKS2024JHR0098812`.
const STATES = ['JHR', 'SGR', 'KUL', 'PNG', 'PRK', 'KDH', 'NSN', 'MLK', 'PHG', 'SBH', 'SWK', 'TRG'];
// Lower-skilled posts are PLKS, skilled ones EP-III (docs/domain.md); professionals hold one of the four professional passes.
const PROFESSIONAL_PASSES = [['EP-I', 0.35], ['EP-II', 0.4], ['RP-T', 0.1], ['PVP', 0.15]] as const;
// The population's sectors in PLKS terms. Lower-skilled posts never fall in ENERGY or MINING there; DOMESTIC and HOSPITALITY are services.
const PLKS_SECTOR: Record<string, string> = {
  MANUFACTURING: 'PEMBUATAN', CONSTRUCTION: 'PEMBINAAN', PLANTATION: 'PERLADANGAN', SERVICES: 'PERKHIDMATAN',
  HOSPITALITY: 'PERKHIDMATAN', DOMESTIC: 'PERKHIDMATAN', MINING: 'PERLOMBONGAN', ENERGY: 'PEMBUATAN',
};
// Illustrative monthly salary bands; the PLKS band is the spec's example, starting at the minimum wage.
const SALARY_BAND: Record<ImiRecord['passType'], string> = {
  PLKS: 'RM1700-2999', 'EP-III': 'RM5000-9999', 'EP-II': 'RM10000-19999', 'EP-I': 'RM20000+', 'RP-T': 'RM25000+', PVP: 'RM5000-9999',
};
// PLKS runs 12 months, renewed yearly, and EP-III at most 12 months: the registry shows the current term. Other passes run their whole span (EP-I up to 60 months).
const TERM_MONTHS: Partial<Record<ImiRecord['passType'], number>> = { PLKS: 12, 'EP-III': 12 };
const NATIVE_STATUS: Record<PermitHolding['status'], ImiRecord['status']> = { PENDING: 'PENDING', ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'BLACKLISTED' };
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 500;

/**
 * A pass renewed every `months`: the latest term of the holding's span that has started by today
 * (or by the span's end, for a pass that has ended).
 */
export function currentTerm(validFrom: string, validUntil: string, months: number, today = SIMULATION_TODAY): { issueDate: string; expiryDate: string } {
  const last = validUntil < today ? validUntil : today;
  let issueDate = validFrom;
  while (addMonths(issueDate, months) <= last) issueDate = addMonths(issueDate, months);
  const termEnd = addDays(addMonths(issueDate, months), -1);
  return { issueDate, expiryDate: termEnd < validUntil ? termEnd : validUntil };
}

function passTypeOf(holding: PermitHolding): ImiRecord['passType'] {
  if (holding.permitClass === 'LOWER_SKILLED') return 'PLKS';
  if (holding.permitClass === 'SKILLED') return 'EP-III';
  return recordRandom('imi-pass', holding.seq).weighted(PROFESSIONAL_PASSES);
}

/** One pass of the synthetic population, as the Immigration Department writes it; null for a holder without a passport. */
function imiRecord(person: Person, holding: PermitHolding): ImiRecord | null {
  if (person.passportNo === null) return null;
  const passType = passTypeOf(holding);
  const months = TERM_MONTHS[passType];
  const term = months === undefined ? { issueDate: holding.validFrom, expiryDate: holding.validUntil } : currentTerm(holding.validFrom, holding.validUntil, months);
  return {
    passNo: `${passType.replace('-', '')}${holding.validFrom.slice(0, 4)}${recordRandom('imi', holding.seq).pick(STATES)}${String(holding.seq).padStart(7, '0')}`,
    passType,
    sector: passType === 'PLKS' ? PLKS_SECTOR[holding.occupation.sector] : null,
    holder: { name: person.fullName.toUpperCase(), passportNo: person.passportNo!, nationality: person.nationality, dateOfBirth: person.dateOfBirth },
    employer: EMPLOYERS[holding.employer % EMPLOYERS.length],
    occupation: { masco: mascoFor(holding.occupation.isco), title: holding.occupation.ms },
    salaryBand: SALARY_BAND[passType],
    ...term,
    status: NATIVE_STATUS[holding.status],
  } satisfies ImiRecord;
}

export const imiSimulator: SimulatorDefinition<ImiRecord> = {
  country: 'MYS',
  profile: imiProfile,
  behaviour: { latencyMs: [30, 90], faultRate: 0.005 },
  idOf: (record) => record.passNo,
  rateLimited: imiRateLimited,

  records: (population) => [
    ...holdingsIn(population, 'MYS', 'PERMIT').flatMap(({ person, holding }) => imiRecord(person, holding) ?? []),
    // Beyond the population: a seeded sample of the whole space the specification allows (every status, optional field and number shape).
    ...sampleNatives(imiGenerator(sequence('9')), 22, 60),
  ],
  // The seven-digit serial ending the pass number is the pass's place in the registry.
  atScale: atScale('PERMIT', imiRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/v2/passes/{passNo}',
      handle: ({ params }, store) => {
        const record = store.get(params.passNo);
        return record ? { status: 200, json: record } : imiNotFound;
      },
    },
    {
      method: 'POST',
      path: '/v2/passes:batchGet',
      handle({ body }, store) {
        const numbers = (body as { passNos?: unknown })?.passNos;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return imiBadRequest('body must be {"passNos":[...]}');
        if (numbers.length > idsPerCall(imiProfile)) return imiBadRequest(`passNos: at most ${batchLimitOf(imiProfile)} pass numbers per request`);
        const unique = [...new Set(numbers as string[])];
        return {
          status: 200,
          json: { passes: unique.map((n) => store.get(n)).filter((r): r is ImiRecord => r !== undefined), missing: unique.filter((n) => store.get(n) === undefined) },
        };
      },
    },
    {
      method: 'GET',
      path: '/v2/passes',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        const nationality = query.get('nationality');
        if (!passport || !nationality) return imiBadRequest('passportNo and nationality (ISO alpha-3) are required');
        const wanted = normalizeDocumentNumber(passport);
        return { status: 200, json: { passes: store.find('passportNo', wanted, (r) => normalizeDocumentNumber(r.holder.passportNo)).filter((r) => r.holder.nationality === nationality.toUpperCase()) } };
      },
    },
    {
      method: 'GET',
      path: '/v2/passes:search',
      handle({ query }, store) {
        const pageSize = intParam(query, 'pageSize', DEFAULT_PAGE_SIZE);
        if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) return imiBadRequest(`pageSize must be between 1 and ${MAX_PAGE_SIZE}`);
        const offset = decodeCursor(query.get('pageToken'));
        if (offset === null) return imiBadRequest('pageToken is not one this service issued');
        const from = query.get('issuedFrom') || null;
        const to = query.get('issuedTo') || null;
        if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return imiBadRequest('issuedFrom and issuedTo must be dates as YYYY-MM-DD');
        const filtered = filterBy(store.all(), query, { passType: (r) => r.passType, sector: (r) => r.sector, status: (r) => r.status, nationality: (r) => r.holder.nationality });
        const matching = withinDates(filtered, from, to, (r) => r.issueDate);
        const next = offset + pageSize;
        return { status: 200, json: { passes: matching.slice(offset, next), nextPageToken: next < matching.length ? encodeCursor(next) : null, totalSize: matching.length } };
      },
    },
    {
      method: 'GET',
      path: '/v2/changes',
      handle({ query }, store) {
        const since = query.get('since');
        if (!since || Number.isNaN(Date.parse(since))) return imiBadRequest('since must be an ISO instant');
        return { status: 200, json: { changes: store.changedSince(new Date(since).toISOString()).map((change) => ({ passNo: change.id, changedAt: change.at })) } };
      },
    },
  ],
};
