import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import vocabulary from './gpldVocabulary.json' with { type: 'json' };
import { EXEMPTION_PREFIX, GPLD_API, GPLD_NUMBER, type GpldRecord } from './gpld.native.js';
import { gpldProfile } from './profiles.js';
import { DATE_FORMAT, nfc } from './nativeApi.js';
import { fetchByNumber, findByPassport, nationalityOf, occupationOf } from './registryCalls.js';

/**
 * Provincial work permits and exemption certificates. Contract: there is no batch endpoint, so
 * `fetchByIds` takes exactly one number; 404 must carry `{"loi":"Không tìm thấy giấy phép"}`. The
 * job position is the native type and decides the shared class; statuses are read per kind of
 * document (an `MGP-` number is an exemption certificate, see gpldVocabulary.json), after NFC
 * normalisation, and anything the specification does not list is a protocol error.
 */
const PERMIT_CLASS = vocabulary.permitClass as Record<string, PermitClass>;
const STATUS = vocabulary.status as Record<'permit' | 'exemption', Record<string, PermitStatus>>;
const EXTENDED = 'Đã gia hạn';

export type VnmPermitRecord = PermitRecord & { province: string; exemptionCertificate: boolean; extended: boolean };

export function gpldToContract(native: GpldRecord, client: Pick<RegistryClient, 'error'>): VnmPermitRecord {
  const { fail, date } = nativeReader(client, `permit ${native.so_giay_phep}`, DATE_FORMAT);
  const nationality = nationalityOf(native.quoc_tich, fail);
  const occupation = occupationOf(native.ma_nghe, nfc(native.chuc_danh), fail);
  const exemption = native.so_giay_phep.startsWith(EXEMPTION_PREFIX);
  const position = nfc(native.vi_tri_cong_viec);
  const status = nfc(native.trang_thai);

  return permitRecord(
    { country: 'VNM', registry: 'gpld', typename: 'VnmWorkPermit' },
    {
      nativeId: native.so_giay_phep,
      holderName: nfc(native.ho_ten),
      holderNationality: nationality,
      holderDocumentNumber: native.so_ho_chieu,
      holderDateOfBirth: date(native.ngay_sinh, 'ngay_sinh'),
      permitClass: lookup(PERMIT_CLASS, position, 'vi_tri_cong_viec', fail),
      nativeType: position,
      status: lookup(STATUS[exemption ? 'exemption' : 'permit'], status, exemption ? 'trang_thai for an exemption certificate' : 'trang_thai for a work permit', fail),
      nativeStatus: status,
      validFrom: date(native.tu_ngay, 'tu_ngay'),
      validUntil: date(native.den_ngay, 'den_ngay'),
      employer: { name: nfc(native.don_vi_su_dung.ten), registrationNumber: native.don_vi_su_dung.ma_so_thue },
      occupation,
      sector: null,
      province: nfc(native.tinh),
      exemptionCertificate: exemption,
      extended: status === EXTENDED,
    },
  );
}

export const gpldAdapter: AdapterFactory<VnmPermitRecord> = (client) => ({
  registry: gpldProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(gpldProfile),
  isNativeId: (id) => GPLD_NUMBER.test(id),

  fetchByIds: (numbers) => fetchByNumber(client, GPLD_API, numbers, gpldToContract),
  findByHolder: (identity) => findByPassport(client, GPLD_API, identity, gpldToContract),
});
