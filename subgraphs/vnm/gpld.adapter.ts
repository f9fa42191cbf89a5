import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import vocabulary from './gpldVocabulary.json' with { type: 'json' };
import { isoFromVietnameseName, vietnameseNameFromIso } from './countryNames.js';
import { EXEMPTION_PREFIX, GPLD_NUMBER, type GpldRecord } from './gpld.native.js';
import { gpldProfile } from './profiles.js';
import { nativeDate, nfc, recordByNumber, recordsOf } from './nativeApi.js';

/**
 * Provincial work permits and exemption certificates. Contract: there is no batch endpoint, so
 * `fetchByIds` takes exactly one number; 404 must carry `{"loi":"Không tìm thấy giấy phép"}`. The
 * job position is the native type and decides the shared class; statuses are read per kind of
 * document (an `MGP-` number is an exemption certificate, see gpldVocabulary.json), after NFC
 * normalisation, and anything the specification does not list is a protocol error.
 */
const PERMIT_CLASS = vocabulary.permitClass as Record<string, PermitClass>;
const STATUS = vocabulary.status as Record<'permit' | 'exemption', Record<string, PermitStatus>>;
const NOT_FOUND = 'Không tìm thấy giấy phép';
const EXTENDED = 'Đã gia hạn';

export type VnmPermitRecord = PermitRecord & { province: string; exemptionCertificate: boolean; extended: boolean };

export function gpldToContract(native: GpldRecord, client: Pick<RegistryClient, 'error'>): VnmPermitRecord {
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `permit ${native.so_giay_phep}: ${message}`);
  const nationality = isoFromVietnameseName(native.quoc_tich);
  if (!nationality) throw fail(`unknown quoc_tich ${JSON.stringify(native.quoc_tich)} (not in the published list of Vietnamese country names)`);
  if (!/^\d{4}$/.test(native.ma_nghe)) throw fail(`ma_nghe: expected an occupation code of 4 digits, got ${JSON.stringify(native.ma_nghe)}`);
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
      holderDateOfBirth: nativeDate(native.ngay_sinh, 'ngay_sinh', fail),
      permitClass: lookup(PERMIT_CLASS, position, 'vi_tri_cong_viec', fail),
      nativeType: position,
      status: lookup(STATUS[exemption ? 'exemption' : 'permit'], status, exemption ? 'trang_thai for an exemption certificate' : 'trang_thai for a work permit', fail),
      nativeStatus: status,
      validFrom: nativeDate(native.tu_ngay, 'tu_ngay', fail),
      validUntil: nativeDate(native.den_ngay, 'den_ngay', fail),
      employer: { name: nfc(native.don_vi_su_dung.ten), registrationNumber: native.don_vi_su_dung.ma_so_thue },
      occupation: { isco: native.ma_nghe, national: native.ma_nghe, scheme: 'VSCO 2020', title: nfc(native.chuc_danh) },
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
  batchLimit: gpldProfile.batchLimit,
  isNativeId: (id) => GPLD_NUMBER.test(id),

  async fetchByIds(numbers) {
    if (numbers.length !== 1) throw new Error(`the work-permit registry has no batch endpoint: fetchByIds takes exactly one permit number, got ${numbers.length}`);
    const [number] = numbers;
    const route = 'GET /api/giay-phep/{so_giay_phep}';
    const native = await recordByNumber<GpldRecord>(client, `/api/giay-phep/${encodeURIComponent(number)}`, route, NOT_FOUND);
    if (native === null) return new Map();
    if (native.so_giay_phep !== number) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${number} and answered permit ${JSON.stringify(native.so_giay_phep)}`);
    return new Map([[number, gpldToContract(native, client)]]);
  },

  async findByHolder(identity) {
    // The search wants the Vietnamese name of the nationality; a nationality without one can hold no record the registry can name.
    const quocTich = vietnameseNameFromIso(identity.nationality);
    if (quocTich === undefined) return [];
    const route = 'GET /api/giay-phep?so_ho_chieu';
    const response = await client.request('/api/giay-phep', { route, query: { so_ho_chieu: identity.documentNumber, quoc_tich: quocTich } });
    return recordsOf<GpldRecord>(client, response, route).map((native) => gpldToContract(native, client));
  },
});
