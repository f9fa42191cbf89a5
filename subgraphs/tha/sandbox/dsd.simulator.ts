// The simulated DSD skill-certificate API of subgraphs/tha/README.md, over the synthetic population.
import { atScale, recordByIdRoute, trailingSeq, type NativeResponse, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { filterBy } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { alpha3ToAlpha2 } from '../../../schema/countries/index.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { addDays, addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import { searchPage } from './search.js';
import { DSD_DATE, type DsdRecord } from '../dsd.native.js';
import { dsdProfile } from '../profiles.js';

export const notFound: NativeResponse = { status: 404, json: { result: 'ไม่พบข้อมูล' } };
export const tooMany: NativeResponse = { status: 429, json: { result: 'เกินจำนวนที่กำหนด' } };
// The spec gives no 400 body; this follows the `result` style of the bodies it does give ("invalid request").
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { result: 'คำขอไม่ถูกต้อง', message } });

// Illustrative skill development institutes, numbered by region in the shape of the spec's example (the number is the cert_no's region).
const CENTRES: Array<{ region: number; name: string }> = [
  { region: 1, name: 'สถาบันพัฒนาฝีมือแรงงาน 1 สมุทรปราการ' },
  { region: 3, name: 'สถาบันพัฒนาฝีมือแรงงาน 3 ชลบุรี' },
  { region: 10, name: 'สถาบันพัฒนาฝีมือแรงงาน 10 ราชบุรี' },
  { region: 12, name: 'สถาบันพัฒนาฝีมือแรงงาน 12 สงขลา' },
  { region: 17, name: 'สถาบันพัฒนาฝีมือแรงงาน 17 เชียงใหม่' },
  { region: 46, name: 'สำนักงานพัฒนาฝีมือแรงงานสมุทรสาคร' },
];
// "The few standards with an expire_date": here electricians and welders (trades the Act lets the state license), three years; every other certificate is for life.
const TERM_YEARS_BY_OCCUPATION: Record<string, number> = { '7411': 3, '7212': 3 };
// DSD has no suspension: a suspended or revoked holding is เพิกถอน; null means the dates decide.
const NATIVE_STATUS: Record<CertHolding['status'], DsdRecord['status'] | null> = { VALID: null, EXPIRED: null, SUSPENDED: 'เพิกถอน', REVOKED: 'เพิกถอน' };
// The population grades 1-4; DSD standards stop at level 3.
const TOP_LEVEL = 3;
const MAX_PER_PAGE = 100;

/** A 13-digit Thai id card number with its published check digit (mod 11 over the first twelve digits). */
export function thaiIdCard(pid: number): string {
  const first12 = `1${recordRandom('dsd-id-card', pid).digits(11)}`;
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (13 - i), 0);
  return first12 + String((11 - (sum % 11)) % 10);
}

function nativeStatus(holding: CertHolding, expiry: string | null): DsdRecord['status'] {
  return NATIVE_STATUS[holding.status] ?? (expiry !== null && expiry < SIMULATION_TODAY ? 'หมดอายุ' : 'ใช้งาน');
}

function toNative(person: Person, holding: CertHolding): DsdRecord {
  const centre = recordRandom('dsd', holding.seq).pick(CENTRES);
  const term = TERM_YEARS_BY_OCCUPATION[holding.occupation.isco];
  const expiry = term === undefined ? null : addDays(addMonths(holding.issuedOn, 12 * term), -1);
  const citizen = person.nationality === 'THA';
  const beYear = formatNativeDate(holding.issuedOn, 'BBBB-MM-DD').slice(2, 4);
  return {
    cert_no: `DSD-${beYear}-${String(centre.region).padStart(2, '0')}-${String(holding.seq).padStart(6, '0')}`,
    // Thai transliteration where the name pool has one; otherwise the registry keeps the Latin name.
    full_name_th: person.fullNameThai ?? person.fullName.toUpperCase(),
    full_name_en: person.fullName.toUpperCase(),
    id_card: citizen ? thaiIdCard(person.pid) : null,
    passport_no: person.passportNo,
    nationality: alpha3ToAlpha2(person.nationality)!,
    birth_date: formatNativeDate(person.dateOfBirth, DSD_DATE),
    occupation_code: holding.occupation.isco,
    occupation_name: holding.occupation.th,
    skill_level: Math.min(holding.level, TOP_LEVEL),
    test_center: centre.name,
    issue_date: formatNativeDate(holding.issuedOn, DSD_DATE),
    expire_date: expiry === null ? null : formatNativeDate(expiry, DSD_DATE),
    status: nativeStatus(holding, expiry),
  };
}

export const dsdSimulator: SimulatorDefinition<DsdRecord> = {
  country: 'THA',
  profile: dsdProfile,
  behaviour: { latencyMs: [60, 180], faultRate: 0.01 },
  idOf: (record) => record.cert_no,
  rateLimited: tooMany,

  records: (population) => holdingsIn(population, 'THA', 'CERT').map(({ person, holding }) => toNative(person, holding)),
  // The six-digit serial ending the number is the certificate's place in the registry.
  atScale: atScale('CERT', toNative, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/api/v1/skill-cert/search',
      handle: ({ query }, store) =>
        searchPage(query, filterBy(store.all(), query, { skill_level: (r) => r.skill_level, occupation_code: (r) => r.occupation_code, status: (r) => r.status }), {
          listKey: 'items',
          maxPerPage: MAX_PER_PAGE,
          defaultPerPage: 50,
          dateFormat: DSD_DATE,
          fromParam: 'from',
          toParam: 'to',
          issueDate: (r) => r.issue_date,
          badRequest,
        }),
    },
    recordByIdRoute('/api/v1/skill-cert/{cert_no}', notFound),
    {
      method: 'GET',
      path: '/api/v1/skill-cert',
      handle({ query }, store) {
        const passport = query.get('passport_no');
        const nationality = query.get('nationality');
        const idCard = query.get('id_card');
        if (passport && nationality) {
          const wanted = normalizeDocumentNumber(passport);
          return { status: 200, json: { items: store.find('passport_no', wanted, (r) => r.passport_no && normalizeDocumentNumber(r.passport_no)).filter((r) => r.nationality === nationality.toUpperCase()) } };
        }
        if (idCard) {
          if (!/^\d{13}$/.test(idCard)) return badRequest('id_card must be 13 digits');
          return { status: 200, json: { items: store.find('id_card', idCard, (r) => r.id_card) } };
        }
        return badRequest('give passport_no and nationality, or id_card');
      },
    },
  ],
};
