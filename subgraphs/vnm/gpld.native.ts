// The provincial work permit record exactly as subgraphs/vnm/README.md publishes it (`gpld`, giấy
// phép lao động), and where the registry keeps it.
import { vnmCollection } from './registryApi.js';

/** One permit or exemption certificate as the registry sends it. */
export interface GpldRecord {
  so_giay_phep: string;
  ho_ten: string;
  /** DD/MM/YYYY, like every date of this registry. */
  ngay_sinh: string;
  /** The Vietnamese name of the country (`Hàn Quốc`, `Trung Quốc`, …). */
  quoc_tich: string;
  so_ho_chieu: string;
  vi_tri_cong_viec: 'Nhà quản lý' | 'Giám đốc điều hành' | 'Chuyên gia' | 'Lao động kỹ thuật';
  chuc_danh: string;
  ma_nghe: string;
  /** The employer: `ten` (name) and `ma_so_thue` (tax code). */
  don_vi_su_dung: { ten: string; ma_so_thue?: string | null };
  tinh: string;
  /** Absent or null while the permit is pending (`Đang xử lý`). */
  tu_ngay?: string | null;
  den_ngay?: string | null;
  trang_thai: 'Đang xử lý' | 'Đã cấp' | 'Đã gia hạn' | 'Hết hạn' | 'Thu hồi' | 'Miễn giấy phép';
}

/** The spec: exemption certificates put `MGP-` before the permit-number form. */
export const EXEMPTION_PREFIX = 'MGP-';

/** Where the registry keeps permits, what it calls their number, and the `loi` of its not-found 404 (the spec's words). */
export const GPLD_API = vnmCollection('/api/giay-phep', 'so_giay_phep', 'permit', 'Không tìm thấy giấy phép');
