import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './kynangVocabulary.json' with { type: 'json' };
import { CCCD, KYNANG_API, KYNANG_CERT_NO, type KynangRecord } from './kynang.native.js';
import { kynangProfile } from './profiles.js';
import { DATE_FORMAT, nfc } from './nativeApi.js';
import { fetchByNumber, findByPassport, nationalityOf, occupationOf } from './registryCalls.js';

/**
 * National occupational skills certificates. Contract: there is no batch endpoint, so
 * `fetchByIds` takes exactly one certificate number (the kit paces the single calls); 404 must
 * carry `{"loi":"Không tìm thấy chứng chỉ"}`. Vietnamese text is read after NFC normalisation, so
 * a decomposed status or country name means the same as a precomposed one; a value the
 * specification does not list is a protocol error. The record has no expiry date.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, number>;

export type VnmCertificationRecord = CertificationRecord & { skillLevel: number };

export function kynangToContract(native: KynangRecord, client: Pick<RegistryClient, 'error'>): VnmCertificationRecord {
  const { fail, date } = nativeReader(client, `certificate ${native.so_chung_chi}`, DATE_FORMAT);
  const nationality = nationalityOf(native.quoc_tich, fail);
  // The CCCD is not carried into the contract (an identity number), but one on a foreigner's record means the record is not what the spec describes.
  if (native.so_cccd !== null && !CCCD.test(native.so_cccd)) throw fail(`so_cccd: expected 12 digits, got ${JSON.stringify(native.so_cccd)}`);
  if (native.so_cccd !== null && nationality !== 'VNM') throw fail(`so_cccd is for citizens only, but quoc_tich is ${JSON.stringify(native.quoc_tich)}`);
  const status = nfc(native.trang_thai);
  const title = nfc(native.ten_nghe);
  const occupation = occupationOf(native.ma_nghe, title, fail);

  return certificationRecord(
    { country: 'VNM', registry: 'kynang', typename: 'VnmCertification' },
    {
      nativeId: native.so_chung_chi,
      holderName: nfc(native.ho_ten),
      holderNationality: nationality,
      holderDocumentNumber: native.so_ho_chieu,
      holderDateOfBirth: date(native.ngay_sinh, 'ngay_sinh'),
      title,
      qualificationCode: null,
      nationalLevel: native.bac,
      occupation,
      issuer: { name: nfc(native.to_chuc_danh_gia), registrationNumber: null },
      issuedOn: date(native.ngay_cap, 'ngay_cap'),
      validUntil: null,
      status: lookup(STATUS, status, 'trang_thai', fail),
      nativeStatus: status,
      skillLevel: lookup(LEVELS, native.bac, 'bac', fail),
    },
  );
}

export const kynangAdapter: AdapterFactory<VnmCertificationRecord> = (client) => ({
  registry: kynangProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(kynangProfile),
  isNativeId: (id) => KYNANG_CERT_NO.test(id),

  fetchByIds: (numbers) => fetchByNumber(client, KYNANG_API, numbers, kynangToContract),
  findByHolder: (identity) => findByPassport(client, KYNANG_API, identity, kynangToContract),
});
