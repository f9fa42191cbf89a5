// The simulated FWCMS API of subgraphs/khm/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, SIMULATION_TODAY, type Person, type PermitClassName, type PermitHolding } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { badRequest, notFound, offsetPage, rateLimited } from './registryApi.js';
import type { FwcmsRecord } from '../fwcms.native.js';
import { fwcmsProfile } from '../profiles.js';

// Fictional employers with eight-digit registration numbers in the shape of the spec's example.
const EMPLOYERS: FwcmsRecord['employer'][] = [
  { name: 'Golden Garment (Cambodia) Co., Ltd.', registrationNo: '00012345' },
  { name: 'Mekong Steel Structure Co., Ltd.', registrationNo: '00023871' },
  { name: 'Angkor Solar Power Co., Ltd.', registrationNo: '00031508' },
  { name: 'Sihanoukville Port Logistics Co., Ltd.', registrationNo: '00047112' },
  { name: 'Phnom Penh Bridge Construction Co., Ltd.', registrationNo: '00052964' },
  { name: 'Tonle Sap Footwear Co., Ltd.', registrationNo: '00068330' },
  { name: 'Kampot Cement Industry Co., Ltd.', registrationNo: '00071459' },
  { name: 'Khmer Digital Services Co., Ltd.', registrationNo: '00085027' },
];
// The employer's quota a worker counts against: office staff, skilled (specialist) workers, unskilled workers.
const QUOTA: Record<PermitClassName, FwcmsRecord['quotaCategory']> = { PROFESSIONAL: 'OFFICE', SKILLED: 'SKILLED', LOWER_SKILLED: 'UNSKILLED' };
// FWCMS has no revocation: a permit ended early by anyone shows as CANCELLED.
const NATIVE_STATUS: Record<PermitHolding['status'], FwcmsRecord['status']> = { PENDING: 'APPLIED', ACTIVE: 'VALID', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'CANCELLED' };
const PAGE = { default: 100, max: 200 };

/**
 * Permits are annual and renewed each year: the registry shows the latest year of the holding's
 * span. A permit still running is this year's; one that has ended shows its last year that is over
 * by now, since an annual permit cannot have ended before its 31 December.
 */
export function permitYear(validFrom: string, validUntil: string, today = SIMULATION_TODAY): number {
  const thisYear = Number(today.slice(0, 4));
  const year = validUntil < today ? Math.min(Number(validUntil.slice(0, 4)), thisYear - 1) : thisYear;
  return Math.max(year, Number(validFrom.slice(0, 4)));
}

/** One permit of the synthetic population, as FWCMS writes it; null for a holder without a passport. */
function fwcmsRecord(person: Person, holding: PermitHolding): FwcmsRecord | null {
  if (person.passportNo === null) return null;
  const year = permitYear(holding.validFrom, holding.validUntil);
  const serial = String(holding.seq).padStart(7, '0');
  return {
    // The specification shows one number and publishes no pattern: one permit in eight is numbered otherwise, so that nothing relies on the example's shape.
    workPermitNo: holding.seq % 8 === 0 ? `FW/${year}/${holding.seq}` : `WP-${year}-${serial}`,
    employmentCardNo: `EC-${year}-${serial}`,
    worker: { name: person.fullName.toUpperCase(), passportNo: person.passportNo!, nationality: person.nationality, dateOfBirth: person.dateOfBirth },
    employer: EMPLOYERS[holding.employer % EMPLOYERS.length],
    quotaCategory: QUOTA[holding.permitClass],
    position: holding.occupation.en,
    iscoCode: holding.occupation.isco,
    year,
    status: NATIVE_STATUS[holding.status],
  } satisfies FwcmsRecord;
}

export const fwcmsSimulator: SimulatorDefinition<FwcmsRecord> = {
  country: 'KHM',
  profile: fwcmsProfile,
  behaviour: { latencyMs: [80, 200], faultRate: 0.01 },
  idOf: (record) => record.workPermitNo,
  rateLimited,

  records: (population) => holdingsIn(population, 'KHM', 'PERMIT').flatMap(({ person, holding }) => fwcmsRecord(person, holding) ?? []),
  // Both shapes of the number end in the permit's place in the registry.
  atScale: atScale('PERMIT', fwcmsRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/fwcms/api/permits/search',
      handle: ({ query }, store) =>
        offsetPage(
          query,
          filterBy(store.all(), query, { year: (r) => r.year, quotaCategory: (r) => r.quotaCategory, nationality: (r) => r.worker.nationality, status: (r) => r.status }),
          'permits',
          PAGE,
        ),
    },
    {
      method: 'POST',
      path: '/fwcms/api/permits/batch',
      handle({ body }, store) {
        const numbers = (body as { workPermitNos?: unknown })?.workPermitNos;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return badRequest('body must be {"workPermitNos":[...]}');
        if (numbers.length > idsPerCall(fwcmsProfile)) return badRequest(`workPermitNos: at most ${idsPerCall(fwcmsProfile)} numbers per request`);
        // Unknown numbers are simply left out: the spec publishes no not-found list for the batch.
        return { status: 200, json: { permits: [...new Set(numbers as string[])].map((n) => store.get(n)).filter((r): r is FwcmsRecord => r !== undefined) } };
      },
    },
    recordByIdRoute('/fwcms/api/permits/{workPermitNo}', notFound),
    {
      method: 'GET',
      path: '/fwcms/api/permits',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        const nationality = query.get('nationality');
        if (!passport || !nationality) return badRequest('give passportNo and nationality (ISO alpha-3)');
        const wanted = normalizeDocumentNumber(passport);
        const country = nationality.toUpperCase();
        return { status: 200, json: { permits: store.find('passportNo', wanted, (r) => normalizeDocumentNumber(r.worker.passportNo)).filter((r) => r.worker.nationality === country) } };
      },
    },
  ],
};
