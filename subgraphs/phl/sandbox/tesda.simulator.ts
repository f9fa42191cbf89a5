// The simulated TESDA Registry of Certified Workers API of subgraphs/phl/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, trailingSeq, type NativeResponse, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addMonths, formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import type { TesdaRecord } from '../tesda.native.js';
import { tesdaProfile } from '../profiles.js';

// The bodies the specification publishes; it gives none for 400, so the simulator answers in the style of the others.
export const noRecordFound: NativeResponse = { status: 404, json: { message: 'No record found' } };
export const tooManyRequests: NativeResponse = { status: 429, json: { message: 'Too Many Requests' } };
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { message } });

// Training regulations for the population's certifiable occupations: title stem, sector and an illustrative code stem (the spec's `MEESMA2` is SMAW NC II).
const QUALIFICATIONS: Record<string, { title: string; sector: string; code: string }> = {
  '7212': { title: 'Shielded Metal Arc Welding (SMAW)', sector: 'METALS AND ENGINEERING', code: 'MEESMA' },
  '7411': { title: 'Electrical Installation and Maintenance', sector: 'CONSTRUCTION', code: 'CONEIM' },
  '7231': { title: 'Automotive Servicing', sector: 'AUTOMOTIVE AND LAND TRANSPORTATION', code: 'ALTAUS' },
  '7126': { title: 'Plumbing', sector: 'CONSTRUCTION', code: 'CONPLU' },
  '5120': { title: 'Cookery', sector: 'TOURISM', code: 'TOUCOO' },
  '5131': { title: 'Food and Beverage Services', sector: 'TOURISM', code: 'TOUFBS' },
  '8212': { title: 'Electronic Products Assembly and Servicing', sector: 'ELECTRONICS', code: 'ELCEPA' },
  '5153': { title: 'Housekeeping', sector: 'TOURISM', code: 'TOUHSK' },
};
// Fictional centres with their PSGC region and province codes, which the certificate number carries.
const CENTRES = [
  { region: '13', province: '03', name: 'Manila Technical Institute' },
  { region: '13', province: '07', name: 'Quezon City Skills Assessment Center' },
  { region: '04', province: '21', name: 'Cavite Welding and Fabrication Center' },
  { region: '03', province: '54', name: 'Pampanga Polytechnic Assessment Center' },
  { region: '07', province: '22', name: 'Cebu Technical Skills Institute' },
  { region: '11', province: '24', name: 'Davao Regional Assessment Center' },
];
const NC_LEVELS = ['NC I', 'NC II', 'NC III', 'NC IV'] as const;
// A share of assessments certify a single unit of competency (COC) rather than a full qualification.
const COC_SHARE = 0.15;
// TESDA has no suspension: a suspended or revoked holding can only be REVOKED here; null means the dates decide.
const NATIVE_STATUS: Record<CertHolding['status'], TesdaRecord['status'] | null> = { VALID: null, EXPIRED: null, SUSPENDED: 'REVOKED', REVOKED: 'REVOKED' };
// Passports were recorded only for candidates who declared one: with the holders who have none, about one record in six has no passportNo.
const UNDECLARED_PASSPORT_SHARE = 0.12;
const VALIDITY_YEARS = 5;
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;

const mdy = (isoDate: string) => formatNativeDate(isoDate, 'MM/DD/YYYY');

function qualificationOf(isco: string) {
  const qualification = QUALIFICATIONS[isco];
  if (!qualification) throw new Error(`TESDA simulator: no training regulation for ISCO ${isco}; add one to QUALIFICATIONS`);
  return qualification;
}

/** An MM/DD/YYYY query parameter as ISO, null when absent, undefined when malformed. */
function mdyParam(query: URLSearchParams, name: string): string | null | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  try {
    return parseNativeDate(raw, 'MM/DD/YYYY');
  } catch {
    return undefined;
  }
}

/** One certificate of the synthetic population, as TESDA writes it. */
function tesdaRecord(person: Person, holding: CertHolding): TesdaRecord {
  const r = recordRandom('tesda', holding.seq);
  const centre = r.pick(CENTRES);
  const qualification = qualificationOf(holding.occupation.isco);
  const ncLevel = r.chance(COC_SHARE) ? 'COC' : NC_LEVELS[holding.level - 1];
  // Valid five years, to the same day (the spec's example: 03/02/2024 → 03/02/2029).
  const validUntil = addMonths(holding.issuedOn, 12 * VALIDITY_YEARS);
  return {
    certificateNumber: `${holding.issuedOn.slice(2, 4)}${centre.region}${centre.province}${String(holding.seq).padStart(8, '0')}`,
    lastName: person.family.latin.toUpperCase(),
    firstName: person.given.latin.toUpperCase(),
    middleName: (person.middle ?? '').toUpperCase(),
    birthDate: mdy(person.dateOfBirth),
    // Decided per person, so one holder's certificates agree.
    passportNo: recordRandom('tesda-passport', person.pid).chance(UNDECLARED_PASSPORT_SHARE) ? null : person.passportNo,
    ...(person.nationality !== 'PHL' ? { nationality: person.nationality } : {}),
    qualificationCode: ncLevel === 'COC' ? `${qualification.code}C` : `${qualification.code}${holding.level}`,
    qualificationTitle: ncLevel === 'COC' ? `${qualification.title} (Certificate of Competency)` : `${qualification.title} ${ncLevel}`,
    ncLevel,
    sector: qualification.sector,
    psocCode: holding.occupation.isco,
    assessmentCenter: centre.name,
    dateIssued: mdy(holding.issuedOn),
    validUntil: mdy(validUntil),
    status: NATIVE_STATUS[holding.status] ?? (validUntil < SIMULATION_TODAY ? 'EXPIRED' : 'VALID'),
  } satisfies TesdaRecord;
}

export const tesdaSimulator: SimulatorDefinition<TesdaRecord> = {
  country: 'PHL',
  profile: tesdaProfile,
  behaviour: { latencyMs: [50, 150], faultRate: 0.01 },
  idOf: (record) => record.certificateNumber,
  rateLimited: tooManyRequests,

  records: (population) =>
    holdingsIn(population, 'PHL', 'CERT').map(({ person, holding }) => tesdaRecord(person, holding)),
  // The eight digits ending the number are the certificate's place in the registry (the region and province codes before them are digits too).
  atScale: atScale('CERT', tesdaRecord, trailingSeq(8)),

  routes: [
    {
      method: 'GET',
      path: '/rcw/certificates/search',
      handle({ query }, store) {
        const page = intParam(query, 'page', 0);
        const size = intParam(query, 'size', DEFAULT_PAGE_SIZE);
        if (!(page >= 0) || !(size >= 1 && size <= MAX_PAGE_SIZE)) return badRequest(`page must be ≥ 0 and size between 1 and ${MAX_PAGE_SIZE}`);
        const from = mdyParam(query, 'issuedFrom');
        const to = mdyParam(query, 'issuedTo');
        if (from === undefined || to === undefined) return badRequest('issuedFrom and issuedTo must be dates as MM/DD/YYYY');
        const filtered = filterBy(store.all(), query, { ncLevel: (r) => r.ncLevel, sector: (r) => r.sector, status: (r) => r.status });
        // A record whose date cannot be read (one a test planted) is listed only by an unbounded search.
        const matching = withinDates(filtered, from, to, (r) => issuedOn(r.dateIssued));
        return {
          status: 200,
          json: { content: matching.slice(page * size, (page + 1) * size), page, size, totalElements: matching.length, totalPages: Math.ceil(matching.length / size) },
        };
      },
    },
    {
      method: 'GET',
      path: '/rcw/certificates/{certificateNumber}',
      handle: ({ params }, store) => {
        const record = store.get(params.certificateNumber);
        return record ? { status: 200, json: record } : noRecordFound;
      },
    },
    {
      method: 'GET',
      path: '/rcw/certificates',
      handle({ query }, store) {
        const ids = (query.get('ids') ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
        if (ids.length === 0) return badRequest('ids is required');
        if (ids.length > idsPerCall(tesdaProfile)) return badRequest(`ids: at most ${idsPerCall(tesdaProfile)} certificate numbers per request`);
        // Missing certificates are simply omitted (the specification).
        return { status: 200, json: { content: [...new Set(ids)].map((id) => store.get(id)).filter((r): r is TesdaRecord => r !== undefined) } };
      },
    },
    {
      method: 'GET',
      path: '/rcw/holders',
      handle({ query }, store) {
        const passport = query.get('passportNo');
        if (passport) {
          const wanted = normalizeDocumentNumber(passport);
          return { status: 200, json: { content: store.find('passportNo', wanted, (r) => r.passportNo && normalizeDocumentNumber(r.passportNo)) } };
        }
        const lastName = query.get('lastName')?.trim().toUpperCase();
        const firstName = query.get('firstName')?.trim().toUpperCase();
        const birthDate = query.get('birthDate')?.trim();
        if (!lastName || !firstName || !birthDate) return badRequest('give passportNo, or lastName, firstName and birthDate (MM/DD/YYYY) together');
        return { status: 200, json: { content: store.find('name', `${lastName}|${firstName}|${birthDate}`, (r) => `${r.lastName}|${r.firstName}|${r.birthDate}`) } };
      },
    },
  ],
};

function issuedOn(dateIssued: string): string | null {
  try {
    return parseNativeDate(dateIssued, 'MM/DD/YYYY');
  } catch {
    return null;
  }
}
