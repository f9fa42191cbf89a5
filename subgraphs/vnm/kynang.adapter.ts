// National occupational skills certificates (subgraphs/vnm/README.md, `kynang`). No batch
// endpoint: the kit gives `fetchByIds` one certificate number per call; a 404 must carry
// `{"loi":"Không tìm thấy chứng chỉ"}`. Vietnamese text is read after NFC normalisation, so a
// decomposed status or country name means the same as a precomposed one; a status or level the
// specification does not list makes that record unreadable. The record has no expiry date. The
// search `GET /api/chung-chi/tra-cuu` pages the whole registry by page number.
import { defineAdapter } from '../kit/adapter.js';
import { collectionCalls, numberedPage, type NumberedSearch } from '../kit/collectionRegistry.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './kynangVocabulary.json' with { type: 'json' };
import { CCCD, KYNANG_API, type KynangRecord } from './kynang.native.js';
import { kynangProfile } from './profiles.js';
import { DATE_FORMAT, nationalityOf, nfc, occupationOf } from './registryApi.js';
import type { VnmCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, number>;

/** `GET /api/chung-chi/tra-cuu`: `trang` from 1, `so_ban_ghi` at most 100, `tong_so` the total, `tu_ngay` bounding the issue date. */
const SEARCH: NumberedSearch = { path: '/api/chung-chi/tra-cuu', page: 'trang', size: 'so_ban_ghi', total: 'tong_so', list: 'du_lieu', message: 'loi', pageSize: kynangProfile.bulk!.pageSize, since: { param: 'tu_ngay', format: DATE_FORMAT } };

/** What the kynang adapter reads: the shared fields and VnmCertification's own, declared once in types.ts. */
export type VnmCertificationFields = CertificationFields & CountryExtras<VnmCertification, Certification>;

export function readKynang(native: KynangRecord, client: Pick<RegistryClient, 'error'>): VnmCertificationFields {
  const { fail, date } = nativeReader(client, `certificate ${native.so_chung_chi}`, DATE_FORMAT);
  const nationality = nationalityOf(native.quoc_tich, fail);
  const cccd = native.so_cccd ?? null;
  // The CCCD is not carried into the contract (an identity number), but the spec states its form and that it is for citizens only.
  if (cccd !== null && !CCCD.test(cccd)) throw fail(`so_cccd: expected 12 digits, got ${JSON.stringify(cccd)}`);
  if (cccd !== null && nationality !== 'VNM') throw fail(`so_cccd is for citizens only, but quoc_tich is ${JSON.stringify(native.quoc_tich)}`);
  const status = nfc(native.trang_thai);
  const title = nfc(native.ten_nghe);

  return {
    nativeId: native.so_chung_chi,
    holderName: nfc(native.ho_ten),
    holderNationality: nationality,
    holderDocumentNumber: native.so_ho_chieu ?? null,
    holderDateOfBirth: date(native.ngay_sinh, 'ngay_sinh'),
    title,
    qualificationCode: null,
    nationalLevel: native.bac,
    occupation: occupationOf(native.ma_nghe, title),
    issuer: { name: nfc(native.to_chuc_danh_gia), registrationNumber: null },
    issuedOn: date(native.ngay_cap, 'ngay_cap'),
    validUntil: null,
    status: lookup(STATUS, status, 'trang_thai', fail),
    nativeStatus: status,
    skillLevel: lookup(LEVELS, native.bac, 'bac', fail),
  };
}

export const kynangAdapter = defineAdapter<KynangRecord, VnmCertificationFields>({
  profile: kynangProfile,
  idsOf: (native) => [native.so_chung_chi],
  read: readKynang,
  connect: (client) => ({
    ...collectionCalls<KynangRecord>(client, KYNANG_API),
    listPage: (cursor, options) => numberedPage<KynangRecord>(client, SEARCH, cursor, options),
  }),
});
