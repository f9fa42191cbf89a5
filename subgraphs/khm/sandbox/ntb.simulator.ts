// The simulated NTB API of subgraphs/khm/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { isIsoDate } from '../../../schema/dates/index.js';
import vocabulary from '../ntbVocabulary.json' with { type: 'json' };
import { badRequest, notFound, offsetPage, rateLimited } from './registryApi.js';
import type { NtbRecord } from '../ntb.native.js';
import { ntbProfile } from '../profiles.js';

const INSTITUTIONS = [
  'Preah Kossomak Polytechnic Institute',
  'National Technical Training Institute',
  'National Polytechnic Institute of Cambodia',
  'Provincial Training Centre Siem Reap',
  'Provincial Training Centre Battambang',
  'Kampong Cham National School of Agriculture',
];
// The population's levels 1-4 read as CQF awards; a quarter of the top level are higher diplomas, so HTVD occurs too.
const AWARD_BY_LEVEL: Record<number, NtbRecord['award']> = { 1: 'C1', 2: 'C2', 3: 'C3', 4: 'TVD' };
const HIGHER_DIPLOMA_SHARE = 0.25;
// Certificates do not expire, and NTB has no suspension: a suspended or revoked holding is WITHDRAWN, anything else ACTIVE.
const NATIVE_STATUS: Record<CertHolding['status'], NtbRecord['status']> = { VALID: 'ACTIVE', EXPIRED: 'ACTIVE', SUSPENDED: 'WITHDRAWN', REVOKED: 'WITHDRAWN' };
const AWARDS = vocabulary.awards as Record<NtbRecord['award'], { cqfLevel: number }>;
const PAGE = { default: 50, max: 50 };
const KHMER_ID = /^\d{9}$/;

export function awardFor(holding: CertHolding): NtbRecord['award'] {
  const award = AWARD_BY_LEVEL[holding.level];
  return award === 'TVD' && recordRandom('ntb-award', holding.seq).chance(HIGHER_DIPLOMA_SHARE) ? 'HTVD' : award;
}

/** One certificate of the synthetic population, as NTB writes it. */
function ntbRecord(person: Person, holding: CertHolding): NtbRecord {
  const award = awardFor(holding);
  return {
    // The specification shows one number and publishes no pattern: one certificate in eight is numbered otherwise, so that nothing relies on the example's shape.
    certificateNo: holding.seq % 8 === 0 ? `NTB/${holding.issuedOn.slice(0, 4)}/${award}/${holding.seq}` : `NTB-${award}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(5, '0')}`,
    nameKh: person.fullNameNative ?? person.fullName,
    nameEn: person.fullName.toUpperCase(),
    // The national identity card is for citizens only; one number per person.
    khmerId: person.nationality === 'KHM' ? recordRandom('khmerId', person.pid).digits(9) : null,
    passportNo: person.passportNo,
    nationality: person.nationality,
    dateOfBirth: person.dateOfBirth,
    qualification: holding.occupation.en,
    cqfLevel: AWARDS[award].cqfLevel,
    award,
    sector: holding.occupation.sector,
    iscoCode: holding.occupation.isco,
    institution: recordRandom('ntb', holding.seq).pick(INSTITUTIONS),
    issuedDate: holding.issuedOn,
    status: NATIVE_STATUS[holding.status],
  } satisfies NtbRecord;
}

export const ntbSimulator: SimulatorDefinition<NtbRecord> = {
  country: 'KHM',
  profile: ntbProfile,
  behaviour: { latencyMs: [100, 300], faultRate: 0.02 },
  idOf: (record) => record.certificateNo,
  rateLimited,

  records: (population) => holdingsIn(population, 'KHM', 'CERT').map(({ person, holding }) => ntbRecord(person, holding)),
  // Both shapes of the number end in the certificate's place in the registry.
  atScale: atScale('CERT', ntbRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/ntb/certificates/search',
      handle({ query }, store) {
        const from = query.get('issuedFrom') || null;
        const to = query.get('issuedTo') || null;
        if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return badRequest('issuedFrom and issuedTo must be dates as YYYY-MM-DD');
        const matching = filterBy(store.all(), query, { cqfLevel: (r) => r.cqfLevel, sector: (r) => r.sector, status: (r) => r.status });
        return offsetPage(query, withinDates(matching, from, to, (r) => r.issuedDate), 'found', PAGE);
      },
    },
    {
      method: 'POST',
      path: '/ntb/certificates/lookup',
      handle({ body }, store) {
        const numbers = (body as { certificateNos?: unknown })?.certificateNos;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return badRequest('body must be {"certificateNos":[...]}');
        if (numbers.length > idsPerCall(ntbProfile)) return badRequest(`certificateNos: at most ${idsPerCall(ntbProfile)} numbers per request`);
        const unique = [...new Set(numbers as string[])];
        return {
          status: 200,
          json: { found: unique.map((n) => store.get(n)).filter((r): r is NtbRecord => r !== undefined), notFound: unique.filter((n) => store.get(n) === undefined) },
        };
      },
    },
    recordByIdRoute('/ntb/certificates/{certificateNo}', notFound),
    {
      method: 'GET',
      path: '/ntb/certificates',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        const nationality = query.get('nationality');
        const khmerId = query.get('khmerId');
        if (passport && nationality) {
          const wanted = normalizeDocumentNumber(passport);
          const country = nationality.toUpperCase();
          return { status: 200, json: { found: store.find('passportNo', wanted, (r) => r.passportNo && normalizeDocumentNumber(r.passportNo)).filter((r) => r.nationality === country) } };
        }
        if (khmerId && KHMER_ID.test(khmerId)) return { status: 200, json: { found: store.find('khmerId', khmerId, (r) => r.khmerId) } };
        return badRequest('give passportNo and nationality (ISO alpha-3), or khmerId (9 digits)');
      },
    },
  ],
};
