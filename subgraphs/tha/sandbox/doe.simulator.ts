// The simulated DOE e-Work Permit API of subgraphs/tha/README.md, over the synthetic population.
import { idsPerCall } from '../../kit/adapter.js';
import { atScale, recordByIdRoute, trailingSeq, type NativeResponse, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type PermitHolding, type Person } from '../../../sandbox/population/population.js';
import { alpha3ToAlpha2 } from '../../../schema/countries/index.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays, addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import { searchPage } from './search.js';
import { DOE_DATE, type DoeDocumentType, type DoeRecord } from '../doe.native.js';
import { doeProfile } from '../profiles.js';

export const notFound: NativeResponse = { status: 404, json: { code: 'E404', message: 'permit not found' } };
export const tooMany: NativeResponse = { status: 429, json: { code: 'E429' } };
// The spec gives no 400 body; this follows the `code`/`message` style of its 404.
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { code: 'E400', message } });

type WorkerType = DoeRecord['worker_type'];
interface Employer {
  name_th: string;
  tax_id: string;
  province: string;
}

// Thai province codes (TIS 1099), used as the office part of the permit number.
const PROVINCE_CODES: Record<string, string> = {
  กรุงเทพมหานคร: '10', สมุทรปราการ: '11', ปทุมธานี: '13', ชลบุรี: '20', ระยอง: '21', สระแก้ว: '27', หนองคาย: '43', ตาก: '63', สมุทรสาคร: '74', ระนอง: '85',
};
// Fictional employers; the tax ids have the shape of a Bangkok-registered company's (0105…).
const EMPLOYERS: Employer[] = [
  { name_th: 'บริษัท อาหารทะเลสยาม จำกัด', tax_id: '0105556012345', province: 'สมุทรสาคร' },
  { name_th: 'บริษัท แพ็คกิ้งมหาชัย จำกัด', tax_id: '0105557023456', province: 'สมุทรสาคร' },
  { name_th: 'บริษัท ก่อสร้างกรุงเทพ จำกัด', tax_id: '0105548034567', province: 'กรุงเทพมหานคร' },
  { name_th: 'บริษัท สยามออโตพาร์ท จำกัด', tax_id: '0105550045678', province: 'ระยอง' },
  { name_th: 'บริษัท อีสเทิร์นซีบอร์ด อิเล็กทรอนิกส์ จำกัด', tax_id: '0105553056789', province: 'ชลบุรี' },
  { name_th: 'บริษัท ปทุมการ์เมนท์ จำกัด', tax_id: '0105545067890', province: 'ปทุมธานี' },
  { name_th: 'บริษัท ปากน้ำโลจิสติกส์ จำกัด', tax_id: '0105559078901', province: 'สมุทรปราการ' },
];
// Seasonal cross-border work happens in the provinces on the worker's own border.
const BORDER_EMPLOYERS: Record<string, Employer[]> = {
  MMR: [
    { name_th: 'ห้างหุ้นส่วนจำกัด แม่สอดเกษตรกรรม', tax_id: '0633551012345', province: 'ตาก' },
    { name_th: 'บริษัท ระนองประมง จำกัด', tax_id: '0855552023456', province: 'ระนอง' },
  ],
  KHM: [{ name_th: 'บริษัท อรัญไร่อ้อย จำกัด', tax_id: '0275553034567', province: 'สระแก้ว' }],
  LAO: [{ name_th: 'บริษัท หนองคายยางพารา จำกัด', tax_id: '0435554045678', province: 'หนองคาย' }],
};
// Lower-skilled workers from the MOU countries come mostly under the MOUs; Myanmar's ethnic minorities in Thailand hold MINORITY permits.
const LOWER_SKILLED_TYPES: Record<string, Array<[WorkerType, number]>> = {
  MMR: [['MOU', 0.75], ['BORDER', 0.15], ['MINORITY', 0.04], ['GENERAL', 0.06]],
  KHM: [['MOU', 0.8], ['BORDER', 0.15], ['GENERAL', 0.05]],
  LAO: [['MOU', 0.8], ['BORDER', 0.15], ['GENERAL', 0.05]],
  VNM: [['MOU', 0.9], ['GENERAL', 0.1]],
};
// Certificates of identity are issued to MOU workers of Myanmar, Cambodia and Laos; about half hold one.
const CI_SHARE = 0.5;
const CI_NUMBER: Record<string, (pid: number) => string> = {
  MMR: (pid) => `M${recordRandom('doe-ci-no', pid).letters(1, 'EFGH')}${recordRandom('doe-ci-digits', pid).digits(6)}`,
  KHM: (pid) => `CI${recordRandom('doe-ci-no', pid).digits(7)}`,
  LAO: (pid) => `CI${recordRandom('doe-ci-no', pid).digits(7)}`,
};
// DOE has no cancellation: a permit ended early by anyone is REVOKED; null means the dates decide.
const NATIVE_STATUS: Record<PermitHolding['status'], DoeRecord['status'] | null> = { PENDING: 'PENDING', ACTIVE: null, EXPIRED: null, CANCELLED: 'REVOKED', REVOKED: 'REVOKED' };
const MOU_TERM_MONTHS = 24;
const MAX_PER_PAGE = 500;

/**
 * Both documents the registry knows for the worker of each generated permit, so that a query by the
 * passport finds a permit recorded under the CI and the other way round. Records added later through
 * `/__sim/records` are found by their own `doc_no`.
 */
const workerDocuments = new WeakMap<DoeRecord, Partial<Record<DoeDocumentType, string>>>();

function workerType(person: Person, holding: PermitHolding): WorkerType {
  if (holding.permitClass !== 'LOWER_SKILLED') return 'BOI';
  const shares = LOWER_SKILLED_TYPES[person.nationality];
  return shares ? recordRandom('doe-type', holding.seq).weighted(shares) : 'GENERAL';
}

function toNative(person: Person, holding: PermitHolding): DoeRecord {
  const type = workerType(person, holding);
  const borderEmployers = BORDER_EMPLOYERS[person.nationality];
  const employer = type === 'BORDER' && borderEmployers ? borderEmployers[holding.employer % borderEmployers.length] : EMPLOYERS[holding.employer % EMPLOYERS.length];
  const ci = (type === 'MOU' || type === 'BORDER') && CI_NUMBER[person.nationality] && recordRandom('doe-ci', person.pid).chance(CI_SHARE) ? CI_NUMBER[person.nationality](person.pid) : null;
  const expiry = type === 'MOU' ? addDays(addMonths(holding.validFrom, MOU_TERM_MONTHS), -1) : holding.validUntil;
  const status = NATIVE_STATUS[holding.status] ?? (expiry < SIMULATION_TODAY ? 'EXPIRED' : 'ACTIVE');
  const pending = status === 'PENDING';
  const record: DoeRecord = {
    // The specification shows one number and publishes no pattern: one permit in eight is numbered otherwise, so that nothing relies on the example's shape.
    permit_no: holding.seq % 8 === 0 ? `EWP/${formatNativeDate(holding.validFrom, DOE_DATE).slice(0, 4)}/${String(holding.seq).padStart(7, '0')}` : `WP${formatNativeDate(holding.validFrom, DOE_DATE).slice(2, 4)}-${PROVINCE_CODES[employer.province]}00-${String(holding.seq).padStart(7, '0')}`,
    worker_type: type,
    name_en: person.fullName.toUpperCase(),
    doc_type: ci ? 'CI' : 'PASSPORT',
    doc_no: ci ?? person.passportNo!,
    nationality: alpha3ToAlpha2(person.nationality)!,
    birth_date: formatNativeDate(person.dateOfBirth, DOE_DATE),
    employer: { name_th: employer.name_th, tax_id: employer.tax_id },
    province: employer.province,
    occupation_code: holding.occupation.isco,
    // A pending application has no permit dates yet (subgraphs/tha/README.md: PENDING permits carry none).
    issue_date: pending ? null : formatNativeDate(holding.validFrom, DOE_DATE),
    expire_date: pending ? null : formatNativeDate(expiry, DOE_DATE),
    status,
  };
  workerDocuments.set(record, { PASSPORT: person.passportNo ?? undefined, ...(ci ? { CI: ci } : {}) });
  return record;
}

function documentOf(record: DoeRecord, type: DoeDocumentType): string | undefined {
  return workerDocuments.get(record)?.[type] ?? (record.doc_type === type ? record.doc_no : undefined);
}

/** What the worker search finds a permit by: each document of its worker, as `TYPE:normalised number`. */
function documentKeys(record: DoeRecord): string[] {
  return (['PASSPORT', 'CI'] as const).flatMap((type) => {
    const document = documentOf(record, type);
    return document === undefined ? [] : [`${type}:${normalizeDocumentNumber(document)}`];
  });
}

export const doeSimulator: SimulatorDefinition<DoeRecord> = {
  country: 'THA',
  profile: doeProfile,
  behaviour: { latencyMs: [40, 120], faultRate: 0.01 },
  idOf: (record) => record.permit_no,
  rateLimited: tooMany,

  // Migrants always travel on a passport (population.ts), so every worker has one even when the permit names the CI.
  records: (population) => holdingsIn(population, 'THA', 'PERMIT').map(({ person, holding }) => toNative(person, holding)),
  // Both shapes of the number end in the permit's place in the registry.
  atScale: atScale('PERMIT', toNative, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/ewp/v1/permits/search',
      handle: ({ query }, store) =>
        searchPage(
          query,
          filterBy(store.all(), query, { worker_type: (r) => r.worker_type, nationality: (r) => r.nationality, province: (r) => r.province, status: (r) => r.status }),
          { listKey: 'permits', maxPerPage: MAX_PER_PAGE, defaultPerPage: 100, dateFormat: DOE_DATE, fromParam: 'issued_from', toParam: 'issued_to', issueDate: (r) => r.issue_date, badRequest },
        ),
    },
    {
      method: 'POST',
      path: '/ewp/v1/permits/batch',
      handle({ body }, store) {
        const numbers = (body as { permit_nos?: unknown } | undefined)?.permit_nos;
        if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return badRequest('body must be {"permit_nos":[...]}');
        if (numbers.length > idsPerCall(doeProfile)) return badRequest(`permit_nos: at most ${idsPerCall(doeProfile)} numbers per request`);
        const unique = [...new Set(numbers as string[])];
        const permits = unique.map((n) => store.get(n)).filter((r): r is DoeRecord => r !== undefined);
        return { status: 200, json: { permits, not_found: unique.filter((n) => store.get(n) === undefined) } };
      },
    },
    recordByIdRoute('/ewp/v1/permits/{permit_no}', notFound),
    {
      method: 'GET',
      path: '/ewp/v1/permits',
      handle({ query }, store) {
        const docType = query.get('doc_type');
        const docNo = query.get('doc_no');
        const nationality = query.get('nationality');
        if ((docType !== 'PASSPORT' && docType !== 'CI') || !docNo || !nationality) return badRequest('give doc_type (PASSPORT or CI), doc_no and nationality (ISO alpha-2)');
        const wanted = normalizeDocumentNumber(docNo);
        return {
          status: 200,
          json: {
            permits: store.find('document', `${docType}:${wanted}`, documentKeys).filter((r) => r.nationality === nationality.toUpperCase()),
          },
        };
      },
    },
  ],
};
