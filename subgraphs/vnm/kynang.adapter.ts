import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './kynangVocabulary.json' with { type: 'json' };
import { isoFromVietnameseName, vietnameseNameFromIso } from './countryNames.js';
import { CCCD, KYNANG_CERT_NO, type KynangRecord } from './kynang.native.js';
import { kynangProfile } from './profiles.js';
import { nativeDate, nfc, recordByNumber, recordsOf } from './nativeApi.js';

/**
 * National occupational skills certificates. Contract: there is no batch endpoint, so
 * `fetchByIds` takes exactly one certificate number (the kit paces the single calls); 404 must
 * carry `{"loi":"Không tìm thấy chứng chỉ"}`. Vietnamese text is read after NFC normalisation, so
 * a decomposed status or country name means the same as a precomposed one; a value the
 * specification does not list is a protocol error. The record has no expiry date.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, number>;
const NOT_FOUND = 'Không tìm thấy chứng chỉ';

export type VnmCertificationRecord = CertificationRecord & { skillLevel: number };

export function kynangToContract(native: KynangRecord, client: Pick<RegistryClient, 'error'>): VnmCertificationRecord {
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `certificate ${native.so_chung_chi}: ${message}`);
  const nationality = isoFromVietnameseName(native.quoc_tich);
  if (!nationality) throw fail(`unknown quoc_tich ${JSON.stringify(native.quoc_tich)} (not in the published list of Vietnamese country names)`);
  // The CCCD is not carried into the contract (an identity number), but one on a foreigner's record means the record is not what the spec describes.
  if (native.so_cccd !== null && !CCCD.test(native.so_cccd)) throw fail(`so_cccd: expected 12 digits, got ${JSON.stringify(native.so_cccd)}`);
  if (native.so_cccd !== null && nationality !== 'VNM') throw fail(`so_cccd is for citizens only, but quoc_tich is ${JSON.stringify(native.quoc_tich)}`);
  if (!/^\d{4}$/.test(native.ma_nghe)) throw fail(`ma_nghe: expected an occupation code of 4 digits, got ${JSON.stringify(native.ma_nghe)}`);
  const status = nfc(native.trang_thai);
  const title = nfc(native.ten_nghe);

  return certificationRecord(
    { country: 'VNM', registry: 'kynang', typename: 'VnmCertification' },
    {
      nativeId: native.so_chung_chi,
      holderName: nfc(native.ho_ten),
      holderNationality: nationality,
      holderDocumentNumber: native.so_ho_chieu,
      holderDateOfBirth: nativeDate(native.ngay_sinh, 'ngay_sinh', fail),
      title,
      qualificationCode: null,
      nationalLevel: native.bac,
      occupation: { isco: native.ma_nghe, national: native.ma_nghe, scheme: 'VSCO 2020', title },
      issuer: { name: nfc(native.to_chuc_danh_gia), registrationNumber: null },
      issuedOn: nativeDate(native.ngay_cap, 'ngay_cap', fail),
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
  batchLimit: kynangProfile.batchLimit,
  isNativeId: (id) => KYNANG_CERT_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length !== 1) throw new Error(`the skills registry has no batch endpoint: fetchByIds takes exactly one certificate number, got ${numbers.length}`);
    const [number] = numbers;
    const route = 'GET /api/chung-chi/{so_chung_chi}';
    const native = await recordByNumber<KynangRecord>(client, `/api/chung-chi/${encodeURIComponent(number)}`, route, NOT_FOUND);
    if (native === null) return new Map();
    if (native.so_chung_chi !== number) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${number} and answered certificate ${JSON.stringify(native.so_chung_chi)}`);
    return new Map([[number, kynangToContract(native, client)]]);
  },

  async findByHolder(identity) {
    // The registry is asked by passport and the Vietnamese name of the nationality; a nationality without one can hold no record it can name.
    const quocTich = vietnameseNameFromIso(identity.nationality);
    if (quocTich === undefined) return [];
    const route = 'GET /api/chung-chi?so_ho_chieu';
    const response = await client.request('/api/chung-chi', { route, query: { so_ho_chieu: identity.documentNumber, quoc_tich: quocTich } });
    return recordsOf<KynangRecord>(client, response, route).map((native) => kynangToContract(native, client));
  },
});
