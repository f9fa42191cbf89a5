// The simulated MOL permit API of subgraphs/mmr/README.md, over the synthetic population.
import { atScale, recordByIdRoute, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, SIMULATION_TODAY, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { badRequest, notFound, searchPage, tooMany } from './registryApi.js';
import type { MolRecord } from '../mol.native.js';
import { molProfile } from '../profiles.js';

// Fictional employers; the channel follows where the employer operates (a special economic zone, an MIC-approved investment, or neither).
const EMPLOYERS: Array<{ name: string; channel: MolRecord['channel'] }> = [
  { name: 'Thilawa Auto Parts Co., Ltd.', channel: 'SEZ' },
  { name: 'Thilawa Precision Garments Co., Ltd.', channel: 'SEZ' },
  { name: 'Kyaukphyu Port Services Co., Ltd.', channel: 'SEZ' },
  { name: 'Yangon Power Engineering Co., Ltd.', channel: 'MIC' },
  { name: 'Mandalay Cement Industries Co., Ltd.', channel: 'MIC' },
  { name: 'Golden Lotus Hotels Myanmar Co., Ltd.', channel: 'MIC' },
  { name: 'Ayeyarwady Software Services Co., Ltd.', channel: 'MOL' },
  { name: 'Sagaing Agro Processing Co., Ltd.', channel: 'MOL' },
];
// MOL has no CANCELLED: a permit ended early by anyone shows as REVOKED.
const NATIVE_STATUS: Record<PermitHolding['status'], MolRecord['status']> = { PENDING: 'PENDING', ACTIVE: 'VALID', EXPIRED: 'EXPIRED', CANCELLED: 'REVOKED', REVOKED: 'REVOKED' };
const MAX_PAGE_SIZE = 50;

/**
 * Permits run one year and are renewed: the registry shows the latest one-year term of the
 * holding's span that has started by today (or by the span's end, for an ended permit).
 */
export function currentTerm(validFrom: string, validUntil: string, today = SIMULATION_TODAY): { issueDate: string; expiryDate: string } {
  const last = validUntil < today ? validUntil : today;
  let issueDate = validFrom;
  while (addMonths(issueDate, 12) <= last) issueDate = addMonths(issueDate, 12);
  const yearEnd = addDays(addMonths(issueDate, 12), -1);
  return { issueDate, expiryDate: yearEnd < validUntil ? yearEnd : validUntil };
}

/** One permit of the synthetic population, as MOL writes it; null for a holder without a passport. */
function molRecord(person: Person, holding: PermitHolding): MolRecord | null {
  if (person.passportNo === null) return null;
  const employer = EMPLOYERS[holding.employer % EMPLOYERS.length];
  return {
    // The specification shows one number and publishes no pattern: one permit in eight is numbered otherwise, so that nothing relies on the example's shape.
    permitNo: holding.seq % 8 === 0 ? `MOL/FE/${holding.validFrom.slice(0, 4)}/${holding.seq}` : `MOL-FE-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`,
    channel: employer.channel,
    name: person.fullName.toUpperCase(),
    passportNo: person.passportNo!,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    position: holding.occupation.en,
    iscoCode: holding.occupation.isco,
    employer: employer.name,
    ...currentTerm(holding.validFrom, holding.validUntil),
    status: NATIVE_STATUS[holding.status],
  } satisfies MolRecord;
}

export const molSimulator: SimulatorDefinition<MolRecord> = {
  country: 'MMR',
  profile: molProfile,
  behaviour: { latencyMs: [150, 400], faultRate: 0.03 },
  idOf: (record) => record.permitNo,
  rateLimited: tooMany,

  records: (population) =>
    holdingsIn(population, 'MMR', 'PERMIT').flatMap(({ person, holding }) => molRecord(person, holding) ?? []),
  // Both shapes of the number end in the permit's place in the registry.
  atScale: atScale('PERMIT', molRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/mol/permits/search',
      handle: ({ query }, store) =>
        searchPage(query, filterBy(store.all(), query, { channel: (r) => r.channel, status: (r) => r.status, nationality: (r) => r.nationality }), MAX_PAGE_SIZE),
    },
    recordByIdRoute('/mol/permits/{permitNo}', notFound),
    {
      method: 'GET',
      path: '/mol/permits',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        const nationality = query.get('nationality');
        if (!passport || !nationality) return badRequest('give passportNo and nationality (ISO alpha-3)');
        const wanted = normalizeDocumentNumber(passport);
        return { status: 200, json: { records: store.find('passportNo', wanted, (r) => normalizeDocumentNumber(r.passportNo)).filter((r) => r.nationality === nationality.toUpperCase()) } };
      },
    },
  ],
};
