// The national occupational skills certificate API of subgraphs/vnm/README.md, over the synthetic population.
import { atScale, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { intParam } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, type CertHolding, type Person } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { badRequest, DATE_FORMAT, filterText, heldBy, list, numberRoute, quocTichOf, tooMany, withinNativeDates } from './nativeApi.js';
import { CCCD, KYNANG_API, type KynangRecord } from '../kynang.native.js';
import { kynangProfile } from '../profiles.js';

// Fictional assessment organisations; the code is the province part of the certificate number.
const ORGANISATIONS = [
  { code: 'HN', name: 'Trung tâm Đánh giá Kỹ năng nghề Hà Nội' },
  { code: 'HCM', name: 'Trung tâm Đánh giá Kỹ năng nghề Thành phố Hồ Chí Minh' },
  { code: 'HP', name: 'Trung tâm Đánh giá Kỹ năng nghề Hải Phòng' },
  { code: 'DNG', name: 'Trung tâm Đánh giá Kỹ năng nghề Đà Nẵng' },
  { code: 'CT', name: 'Trung tâm Đánh giá Kỹ năng nghề Cần Thơ' },
];
// Illustrative CCCD province-of-registration codes (Hà Nội 001, Hải Phòng 031, Đà Nẵng 048, TP.HCM 079, Cần Thơ 092, …).
const CCCD_PROVINCES = ['001', '022', '031', '036', '048', '079', '092'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];
// The registry has no suspension: a suspended certificate can only show as revoked (Thu hồi).
const NATIVE_STATUS: Record<CertHolding['status'], KynangRecord['trang_thai']> = { VALID: 'Còn hiệu lực', EXPIRED: 'Hết hiệu lực', SUSPENDED: 'Thu hồi', REVOKED: 'Thu hồi' };
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;

/**
 * The 12-digit CCCD: province of registration (3), century and sex (0/1 for men/women born in the
 * 1900s, 2/3 in the 2000s), the last two digits of the birth year, then 6 digits — the shape of the
 * spec's `001094012345` for a man born in 1994.
 */
export function cccdOf(person: Person): string {
  const r = recordRandom('cccd', person.pid);
  const year = Number(person.dateOfBirth.slice(0, 4));
  const centuryAndSex = (year >= 2000 ? 2 : 0) + (person.sex === 'F' ? 1 : 0);
  return `${r.pick(CCCD_PROVINCES)}${centuryAndSex}${String(year % 100).padStart(2, '0')}${r.digits(6)}`;
}

/** One certificate of the synthetic population, as the national skills registry writes it. */
function kynangRecord(person: Person, holding: CertHolding): KynangRecord {
  const organisation = recordRandom('kynang', holding.seq).pick(ORGANISATIONS);
  return {
    so_chung_chi: `KNQG-${holding.issuedOn.slice(0, 4)}-${organisation.code}-${String(holding.seq).padStart(6, '0')}`,
    ho_ten: person.fullName,
    so_cccd: person.nationality === 'VNM' ? cccdOf(person) : null,
    so_ho_chieu: person.passportNo,
    quoc_tich: quocTichOf(person.nationality),
    ngay_sinh: formatNativeDate(person.dateOfBirth, DATE_FORMAT),
    ma_nghe: holding.occupation.isco,
    ten_nghe: holding.occupation.vi,
    bac: ROMAN[holding.level - 1],
    to_chuc_danh_gia: organisation.name,
    ngay_cap: formatNativeDate(holding.issuedOn, DATE_FORMAT),
    trang_thai: NATIVE_STATUS[holding.status],
  } satisfies KynangRecord;
}

export const kynangSimulator: SimulatorDefinition<KynangRecord> = {
  country: 'VNM',
  profile: kynangProfile,
  behaviour: { latencyMs: [80, 200], faultRate: 0.01 },
  idOf: (record) => record.so_chung_chi,
  rateLimited: tooMany,

  records: (population) =>
    holdingsIn(population, 'VNM', 'CERT').map(({ person, holding }) => kynangRecord(person, holding)),
  // The six-digit serial ending the number is the certificate's place in the registry.
  atScale: atScale('CERT', kynangRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/api/chung-chi/tra-cuu',
      handle({ query }, store) {
        const page = intParam(query, 'trang', 1);
        const size = intParam(query, 'so_ban_ghi', DEFAULT_PAGE_SIZE);
        if (!(page >= 1) || !(size >= 1 && size <= MAX_PAGE_SIZE)) return badRequest(`trang phải ≥ 1 và so_ban_ghi từ 1 đến ${MAX_PAGE_SIZE}`);
        const filtered = filterText(store.all(), query, { bac: (r) => r.bac, ma_nghe: (r) => r.ma_nghe, trang_thai: (r) => r.trang_thai });
        const matching = withinNativeDates(filtered, query, (r) => r.ngay_cap);
        if (!Array.isArray(matching)) return matching;
        return { status: 200, json: { du_lieu: matching.slice((page - 1) * size, page * size), trang: page, tong_so: matching.length } };
      },
    },
    numberRoute(KYNANG_API),
    {
      method: 'GET',
      path: '/api/chung-chi',
      handle({ query }, store) {
        const passport = query.get('so_ho_chieu');
        const quocTich = query.get('quoc_tich');
        const cccd = query.get('so_cccd');
        if (passport && quocTich) return list(heldBy(store, passport, quocTich));
        if (cccd) {
          if (!CCCD.test(cccd.trim())) return badRequest('so_cccd phải gồm 12 chữ số');
          return list(store.find('so_cccd', cccd.trim(), (r) => r.so_cccd));
        }
        return badRequest('Cần so_ho_chieu và quoc_tich, hoặc so_cccd');
      },
    },
  ],
};
