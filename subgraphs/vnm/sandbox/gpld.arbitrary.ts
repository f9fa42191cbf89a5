// Specification-valid gpld permits and exemption certificates (subgraphs/vnm/README.md) across the
// whole space the specification allows, with what the contract must say of each, from this
// generator's own choices: numbers `<province>-<year>-<6 digits>` with any province code and `MGP-`
// for exemptions, every position and every status on either kind of document, pending permits
// without dates, an employer with or without a tax code, any country by its Vietnamese name, words
// precomposed or decomposed, any occupation code.
import fc from 'fast-check';
import { countryByName, nativeDate, travelDocument, uniqueSerial, unicodeForm } from '../../../sandbox/testing/arbitraryParts.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import spellings from '../countryNames.json' with { type: 'json' };
import type { GpldRecord } from '../gpld.native.js';

// The four positions and the class each is by Rantau's reading (README: manager, executive and expert are professionals).
const POSITIONS = [
  { word: 'Nhà quản lý', permitClass: 'PROFESSIONAL' },
  { word: 'Giám đốc điều hành', permitClass: 'PROFESSIONAL' },
  { word: 'Chuyên gia', permitClass: 'PROFESSIONAL' },
  { word: 'Lao động kỹ thuật', permitClass: 'SKILLED' },
] as const;
const STATUSES = [
  { word: 'Đang xử lý', status: 'PENDING' },
  { word: 'Đã cấp', status: 'ACTIVE' },
  { word: 'Đã gia hạn', status: 'ACTIVE' },
  { word: 'Hết hạn', status: 'EXPIRED' },
  { word: 'Thu hồi', status: 'REVOKED' },
  { word: 'Miễn giấy phép', status: 'EXEMPT' },
] as const;

const serial = uniqueSerial();

export const gpldArbitrary: RegistryArbitrary<GpldRecord> = {
  registry: 'gpld',
  arbitrary: fc
    .record({
      exemption: fc.boolean(),
      province: fc.stringMatching(/^[A-Z]{1,4}$/),
      country: countryByName('vi', spellings.names),
      position: fc.constantFrom(...POSITIONS),
      status: fc.constantFrom(...STATUSES),
      form: unicodeForm(),
      passport: travelDocument(),
      born: nativeDate('DD/MM/YYYY', '1950-01-01', '2008-12-31'),
      from: nativeDate('DD/MM/YYYY', '2020-01-01', '2026-11-30'),
      until: nativeDate('DD/MM/YYYY', '2027-01-01', '2029-12-31'),
      dates: fc.constantFrom('both', 'null', 'absent'),
      taxCode: fc.option(fc.stringMatching(/^[0-9]{10}$/), { nil: null }),
      maNghe: fc.oneof(fc.stringMatching(/^[0-9]{4}$/), fc.stringMatching(/^[0-9]{1,3}$/)),
    })
    .map(({ exemption, province, country, position, status, form, passport, born, from, until, dates, taxCode, maNghe }) => {
      const nativeId = `${exemption ? 'MGP-' : ''}${province}-${from.iso.slice(0, 4)}-${String(serial()).padStart(6, '0')}`;
      const text = (value: string) => value.normalize(form);
      // Only a pending permit may go without its dates.
      const withDates = status.status !== 'PENDING' || dates === 'both';
      const native: GpldRecord = {
        so_giay_phep: nativeId,
        ho_ten: 'PARK JI-HOON',
        ngay_sinh: born.native,
        quoc_tich: text(country.name),
        so_ho_chieu: passport.native,
        vi_tri_cong_viec: text(position.word) as GpldRecord['vi_tri_cong_viec'],
        chuc_danh: text('Giám đốc nhà máy'),
        ma_nghe: maNghe,
        don_vi_su_dung: taxCode === null ? { ten: text('Công ty TNHH Điện tử Bắc Ninh') } : { ten: text('Công ty TNHH Điện tử Bắc Ninh'), ma_so_thue: taxCode },
        tinh: text('Bắc Ninh'),
        trang_thai: text(status.word) as GpldRecord['trang_thai'],
      };
      if (withDates) Object.assign(native, { tu_ngay: from.native, den_ngay: until.native });
      else if (dates === 'null') Object.assign(native, { tu_ngay: null, den_ngay: null });
      return {
        native,
        records: [
          {
            nativeId,
            holderNationality: country.alpha3,
            holderDocumentNumber: passport.canonical,
            status: status.status,
            nativeStatus: status.word,
            permitClass: position.permitClass,
            nativeType: position.word,
            validFrom: withDates ? from.iso : null,
            validUntil: withDates ? until.iso : null,
            occupationIsco: maNghe.length === 4 ? maNghe : null,
          },
        ],
      };
    }),
};
