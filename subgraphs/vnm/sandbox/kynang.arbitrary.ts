// Specification-valid kynang certificates (subgraphs/vnm/README.md) across the whole space the
// specification allows, with what the contract must say of each, from this generator's own choices:
// any certificate number (no pattern is published), every level and status, any country by its
// Vietnamese name (the registry's spellings or the data set's), words precomposed or decomposed,
// a citizen's CCCD present, null or absent, a passport present, null or absent, any occupation code.
import fc from 'fast-check';
import { countryByName, nativeDate, travelDocument, uniqueSerial, unicodeForm } from '../../../sandbox/testing/arbitraryParts.js';
import type { RegistryArbitrary } from '../../../sandbox/testing/generated.js';
import spellings from '../countryNames.json' with { type: 'json' };
import type { KynangRecord } from '../kynang.native.js';

const LEVELS = ['I', 'II', 'III', 'IV', 'V'] as const;
// The specification's three statuses, and what each means in the shared vocabulary.
const STATUSES = [
  { word: 'Còn hiệu lực', status: 'VALID' },
  { word: 'Hết hiệu lực', status: 'EXPIRED' },
  { word: 'Thu hồi', status: 'REVOKED' },
] as const;
const NUMBER_SHAPES = [(n: number, year: string) => `KNQG-${year}-HN-${String(n).padStart(6, '0')}`, (n: number, year: string) => `KNQG-${year}-HCM-${n}`, (n: number) => `KN${n}`, (n: number, year: string) => `${year}/QĐ-${n}`];

const serial = uniqueSerial();

export const kynangArbitrary: RegistryArbitrary<KynangRecord> = {
  registry: 'kynang',
  arbitrary: fc
    .record({
      shape: fc.nat({ max: NUMBER_SHAPES.length - 1 }),
      country: countryByName('vi', spellings.names),
      level: fc.nat({ max: 4 }),
      status: fc.constantFrom(...STATUSES),
      form: unicodeForm(),
      passport: fc.option(travelDocument(), { nil: undefined }),
      passportMissing: fc.constantFrom(null, undefined),
      cccd: fc.option(fc.stringMatching(/^[0-9]{12}$/), { nil: undefined }),
      cccdMissing: fc.constantFrom(null, undefined),
      born: nativeDate('DD/MM/YYYY', '1950-01-01', '2008-12-31'),
      issued: nativeDate('DD/MM/YYYY', '2000-01-01', '2026-11-30'),
      maNghe: fc.oneof(fc.stringMatching(/^[0-9]{4}$/), fc.stringMatching(/^[0-9]{1,3}$/), fc.stringMatching(/^[0-9]{5,6}$/)),
    })
    .map(({ shape, country, level, status, form, passport, passportMissing, cccd, cccdMissing, born, issued, maNghe }) => {
      const nativeId = NUMBER_SHAPES[shape](serial(), issued.iso.slice(0, 4));
      const text = (value: string) => value.normalize(form);
      const native: KynangRecord = {
        so_chung_chi: nativeId,
        ho_ten: text('Nguyễn Văn An'),
        quoc_tich: text(country.name),
        ngay_sinh: born.native,
        ma_nghe: maNghe,
        ten_nghe: text('Hàn điện'),
        bac: LEVELS[level],
        to_chuc_danh_gia: text('Trung tâm Đánh giá Kỹ năng nghề Hà Nội'),
        ngay_cap: issued.native,
        trang_thai: text(status.word) as KynangRecord['trang_thai'],
      };
      // Optional fields: present, null, or left out, as a JSON registry may.
      if (passport) native.so_ho_chieu = passport.native;
      else if (passportMissing === null) native.so_ho_chieu = null;
      // The CCCD is for citizens only.
      if (country.alpha3 === 'VNM' && cccd) native.so_cccd = cccd;
      else if (cccdMissing === null) native.so_cccd = null;
      return {
        native,
        records: [
          {
            nativeId,
            holderNationality: country.alpha3,
            holderDocumentNumber: passport?.canonical ?? null,
            status: status.status,
            nativeStatus: status.word,
            nationalLevel: LEVELS[level],
            aqrfLevel: level + 1,
            aqrfBasis: 'INDICATIVE',
            issuedOn: issued.iso,
            occupationIsco: maNghe.length === 4 ? maNghe : null,
          },
        ],
      };
    }),
};
