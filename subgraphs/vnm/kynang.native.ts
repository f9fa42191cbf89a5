// The national occupational skills certificate record exactly as subgraphs/vnm/README.md publishes
// it (`kynang`), and where the registry keeps it.
import { vnmCollection } from './registryApi.js';

/** One certificate as the registry sends it. */
export interface KynangRecord {
  so_chung_chi: string;
  ho_ten: string;
  /** 12-digit citizen identity card number (căn cước công dân), for citizens only: absent or null for anyone else. */
  so_cccd?: string | null;
  /** May be absent or null for a citizen who has no passport (the registry is also searchable by `so_cccd`). */
  so_ho_chieu?: string | null;
  /** The Vietnamese name of the country (`Việt Nam`, `Hàn Quốc`, …). */
  quoc_tich: string;
  /** DD/MM/YYYY, like every date of this registry. */
  ngay_sinh: string;
  /** Occupation code; the classification is not named (examples are ISCO-08 unit groups). */
  ma_nghe: string;
  ten_nghe: string;
  /** Skill level (bậc) as a Roman numeral, I–V. */
  bac: string;
  to_chuc_danh_gia: string;
  ngay_cap: string;
  trang_thai: 'Còn hiệu lực' | 'Hết hiệu lực' | 'Thu hồi';
}

/** Where the registry keeps certificates, what it calls their number, and the `loi` of its not-found 404 (the spec's words). */
export const KYNANG_API = vnmCollection('/api/chung-chi', 'so_chung_chi', 'certificate', 'Không tìm thấy chứng chỉ');

/** The spec: `so_cccd` is a 12-digit number. */
export const CCCD = /^\d{12}$/;
