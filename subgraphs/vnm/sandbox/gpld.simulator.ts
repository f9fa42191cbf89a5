// The provincial work-permit API of subgraphs/vnm/README.md, over the synthetic population.
import { atScale, trailingSeq, type SimulatorDefinition } from '../../../sandbox/simulator/simulator.js';
import { decodeCursor, encodeCursor, intParam } from '../../../sandbox/simulator/paging.js';
import { holdingsIn, recordRandom, SIMULATION_TODAY, type Person, type PermitHolding } from '../../../sandbox/population/population.js';
import { addDays, addMonths, formatNativeDate } from '../../../schema/dates/index.js';
import { badRequest, DATE_FORMAT, filterText, heldBy, list, numberRoute, quocTichOf, tooMany, withinNativeDates } from './nativeApi.js';
import { EXEMPTION_PREFIX, GPLD_API, type GpldRecord } from '../gpld.native.js';
import { gpldProfile } from '../profiles.js';

// Fictional employers (the first is the spec's example); the province code is the first part of the permit number, an illustrative code, not an official list.
const EMPLOYERS = [
  { ten: 'Công ty TNHH Điện tử Bắc Ninh', ma_so_thue: '2300123456', tinh: 'Bắc Ninh', code: 'BN' },
  { ten: 'Công ty TNHH Cơ khí Chính xác Hải Phòng', ma_so_thue: '0201234567', tinh: 'Hải Phòng', code: 'HP' },
  { ten: 'Công ty Cổ phần Dệt may Đồng Nai', ma_so_thue: '3600234567', tinh: 'Đồng Nai', code: 'DNI' },
  { ten: 'Công ty TNHH Phần mềm Sài Gòn', ma_so_thue: '0312345678', tinh: 'Thành phố Hồ Chí Minh', code: 'HCM' },
  { ten: 'Công ty TNHH Năng lượng Quảng Ninh', ma_so_thue: '5701234567', tinh: 'Quảng Ninh', code: 'QNI' },
  { ten: 'Công ty TNHH Linh kiện Ô tô Thái Nguyên', ma_so_thue: '4601234567', tinh: 'Thái Nguyên', code: 'TNG' },
  { ten: 'Công ty Cổ phần Xây dựng Thăng Long', ma_so_thue: '0101234567', tinh: 'Hà Nội', code: 'HN' },
  { ten: 'Công ty TNHH Du lịch Biển Đà Nẵng', ma_so_thue: '0401234567', tinh: 'Đà Nẵng', code: 'DNG' },
];
// Decree 219/2025/ND-CP: a permit lasts at most two years and can be extended once.
const TERM_MONTHS = 24;
// Share of professional posts recorded as exemption certificates instead of permits (illustrative).
const EXEMPTION_SHARE = 0.15;
// Share of pending applications recorded without dates, which the specification allows (illustrative).
const UNDATED_PENDING_SHARE = 0.5;
const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 100;

/** The job position the registry records: executives and other managers by ISCO-08, professionals as experts, everyone else as technical workers. */
function positionOf(holding: PermitHolding): GpldRecord['vi_tri_cong_viec'] {
  if (holding.permitClass !== 'PROFESSIONAL') return 'Lao động kỹ thuật';
  if (holding.occupation.isco.startsWith('11')) return 'Giám đốc điều hành';
  return holding.occupation.isco.startsWith('1') ? 'Nhà quản lý' : 'Chuyên gia';
}

/**
 * A holding's span as the registry shows it: a span longer than two years is a two-year permit
 * extended once; until the extension starts (today past the first term) the registry shows the
 * first term only.
 */
export function permitTerm(validFrom: string, validUntil: string, today = SIMULATION_TODAY): { tu_ngay: string; den_ngay: string; extended: boolean } {
  const firstTermEnd = addDays(addMonths(validFrom, TERM_MONTHS), -1);
  if (validUntil <= firstTermEnd) return { tu_ngay: validFrom, den_ngay: validUntil, extended: false };
  if (today <= firstTermEnd) return { tu_ngay: validFrom, den_ngay: firstTermEnd, extended: false };
  return { tu_ngay: validFrom, den_ngay: validUntil, extended: true };
}

function nativeStatus(status: PermitHolding['status'], exemption: boolean, extended: boolean): GpldRecord['trang_thai'] {
  if (status === 'ACTIVE') return exemption ? 'Miễn giấy phép' : extended ? 'Đã gia hạn' : 'Đã cấp';
  // The registry has no cancellation: a permit ended early shows as revoked.
  return ({ PENDING: 'Đang xử lý', EXPIRED: 'Hết hạn', CANCELLED: 'Thu hồi', REVOKED: 'Thu hồi' } as const)[status];
}

/** One permit of the synthetic population, as the registry writes it; null for a holder without a passport. */
function gpldRecord(person: Person, holding: PermitHolding): GpldRecord | null {
  if (person.passportNo === null) return null;
  const employer = EMPLOYERS[holding.employer % EMPLOYERS.length];
  const exemption = holding.permitClass === 'PROFESSIONAL' && recordRandom('gpld', 'exemption', holding.seq).chance(EXEMPTION_SHARE);
  const term = permitTerm(holding.validFrom, holding.validUntil);
  return {
    so_giay_phep: `${exemption ? EXEMPTION_PREFIX : ''}${employer.code}-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`,
    ho_ten: person.fullName.toUpperCase(),
    ngay_sinh: formatNativeDate(person.dateOfBirth, DATE_FORMAT),
    quoc_tich: quocTichOf(person.nationality),
    so_ho_chieu: person.passportNo!,
    vi_tri_cong_viec: positionOf(holding),
    chuc_danh: holding.occupation.vi,
    ma_nghe: holding.occupation.isco,
    don_vi_su_dung: { ten: employer.ten, ma_so_thue: employer.ma_so_thue },
    tinh: employer.tinh,
    // A pending application may not have its dates yet (half of them here, seeded).
    ...(holding.status === 'PENDING' && recordRandom('gpld', 'undated', holding.seq).chance(UNDATED_PENDING_SHARE)
      ? {}
      : { tu_ngay: formatNativeDate(term.tu_ngay, DATE_FORMAT), den_ngay: formatNativeDate(term.den_ngay, DATE_FORMAT) }),
    trang_thai: nativeStatus(holding.status, exemption, term.extended),
  } satisfies GpldRecord;
}

export const gpldSimulator: SimulatorDefinition<GpldRecord> = {
  country: 'VNM',
  profile: gpldProfile,
  behaviour: { latencyMs: [100, 250], faultRate: 0.02 },
  idOf: (record) => record.so_giay_phep,
  rateLimited: tooMany,

  records: (population) =>
    holdingsIn(population, 'VNM', 'PERMIT').flatMap(({ person, holding }) => gpldRecord(person, holding) ?? []),
  // The six-digit serial ending the number is the permit's place in the registry.
  atScale: atScale('PERMIT', gpldRecord, trailingSeq()),

  routes: [
    {
      method: 'GET',
      path: '/api/giay-phep/tra-cuu',
      handle({ query }, store) {
        const limit = intParam(query, 'gioi_han', DEFAULT_PAGE_SIZE);
        if (!(limit >= 1 && limit <= MAX_PAGE_SIZE)) return badRequest(`gioi_han phải từ 1 đến ${MAX_PAGE_SIZE}`);
        const offset = decodeCursor(query.get('con_tro'));
        if (offset === null) return badRequest('con_tro không hợp lệ');
        const filtered = filterText(store.all(), query, { tinh: (r) => r.tinh, vi_tri: (r) => r.vi_tri_cong_viec, trang_thai: (r) => r.trang_thai, quoc_tich: (r) => r.quoc_tich });
        // tu_ngay/den_ngay bound the first day of validity.
        const matching = withinNativeDates(filtered, query, (r) => r.tu_ngay);
        if (!Array.isArray(matching)) return matching;
        const next = offset + limit;
        return { status: 200, json: { du_lieu: matching.slice(offset, next), con_tro_tiep: next < matching.length ? encodeCursor(next) : null } };
      },
    },
    numberRoute(GPLD_API),
    {
      method: 'GET',
      path: '/api/giay-phep',
      handle({ query }, store) {
        const passport = query.get('so_ho_chieu');
        const quocTich = query.get('quoc_tich');
        if (!passport || !quocTich) return badRequest('Cần so_ho_chieu và quoc_tich');
        return list(heldBy(store, passport, quocTich));
      },
    },
  ],
};
