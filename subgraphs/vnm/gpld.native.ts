/** The provincial work permit record exactly as subgraphs/vnm/README.md publishes it (`gpld`, giấy phép lao động). */
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
  don_vi_su_dung: { ten: string; ma_so_thue: string };
  tinh: string;
  tu_ngay: string;
  den_ngay: string;
  trang_thai: 'Đang xử lý' | 'Đã cấp' | 'Đã gia hạn' | 'Hết hạn' | 'Thu hồi' | 'Miễn giấy phép';
}

/**
 * The spec: `<province code>-<year>-<6 digits>`, exemption certificates with `MGP-` first
 * (`HN-2025-012345`, `MGP-HN-2025-012345`). It lists no province codes; two or three capitals
 * other than MGP itself, so an exemption number without its province is not taken for a permit.
 */
export const GPLD_NUMBER = /^(?:MGP-)?(?!MGP-)[A-Z]{2,3}-\d{4}-\d{6}$/;

export const EXEMPTION_PREFIX = 'MGP-';

/** Where the registry keeps permits, what it calls their number, and the `loi` of its not-found 404 (the spec's words). */
export const GPLD_API = { collection: '/api/giay-phep', number: 'so_giay_phep', what: 'permit', notFound: 'Không tìm thấy giấy phép' } as const;
