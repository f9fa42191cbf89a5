/** The national occupational skills certificate record exactly as subgraphs/vnm/README.md publishes it (`kynang`). */
export interface KynangRecord {
  so_chung_chi: string;
  ho_ten: string;
  /** 12-digit citizen identity card number (căn cước công dân), for citizens only. */
  so_cccd: string | null;
  /** Null for a citizen who has no passport (the registry is also searchable by `so_cccd`). */
  so_ho_chieu: string | null;
  /** The Vietnamese name of the country (`Việt Nam`, `Hàn Quốc`, …). */
  quoc_tich: string;
  /** DD/MM/YYYY, like every date of this registry. */
  ngay_sinh: string;
  ma_nghe: string;
  ten_nghe: string;
  /** Skill level (bậc) as a Roman numeral, I–V. */
  bac: string;
  to_chuc_danh_gia: string;
  ngay_cap: string;
  trang_thai: 'Còn hiệu lực' | 'Hết hiệu lực' | 'Thu hồi';
}

/** The specification shows `KNQG-2024-HN-001234` (year, province of the assessment organisation, serial) and publishes no pattern; this is the shape of that example. */
export const KYNANG_CERT_NO = /^KNQG-\d{4}-[A-Z]{2,3}-\d{6}$/;

/** Where the registry keeps certificates, what it calls their number, and the `loi` of its not-found 404 (the spec's words). */
export const KYNANG_API = { collection: '/api/chung-chi', number: 'so_chung_chi', what: 'certificate', notFound: 'Không tìm thấy chứng chỉ' } as const;

/** The spec: `so_cccd` is a 12-digit number. */
export const CCCD = /^\d{12}$/;
