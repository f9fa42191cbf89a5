import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { askedOnly, nativeReader } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import { BNSP_NUMBER, type BnspRecord } from './bnsp.native.js';
import { bnspProfile } from './profiles.js';

/**
 * BNSP competency certificates. Contract: every number sent to the batch endpoint comes back
 * either in `data` or in `tidak_ditemukan`; anything else is a protocol error, never a silent
 * gap. Dates are DD-MM-YYYY; citizens (WNI) are Indonesian, foreigners (WNA) carry `negara_asal`.
 */
const STATUS = { AKTIF: 'VALID', KEDALUWARSA: 'EXPIRED', DIBEKUKAN: 'SUSPENDED', DICABUT: 'REVOKED' } as const;

export type IdnCertificationRecord = CertificationRecord & {
  kkniLevel: number | null;
  schemeType: string;
  lsp: { name: string; registrationNumber: string | null };
  tuk: string | null;
  registrationNumber: string;
};

export function bnspToContract(native: BnspRecord, client: Pick<RegistryClient, 'error'>): IdnCertificationRecord {
  const { fail, date } = nativeReader(client, `certificate ${native.nomor_sertifikat}`, 'DD-MM-YYYY');
  let nationality: string;
  if (native.kewarganegaraan === 'WNI') nationality = 'IDN';
  else if (native.kewarganegaraan === 'WNA' && native.negara_asal && isAlpha3(native.negara_asal)) nationality = native.negara_asal;
  else throw fail(`kewarganegaraan ${JSON.stringify(native.kewarganegaraan)} with negara_asal ${JSON.stringify(native.negara_asal)} names no country`);

  return certificationRecord(
    { country: 'IDN', registry: 'bnsp', typename: 'IdnCertification' },
    {
      nativeId: native.nomor_sertifikat,
      holderName: native.nama_lengkap,
      holderNationality: nationality,
      holderDocumentNumber: native.nomor_paspor,
      holderDateOfBirth: date(native.tanggal_lahir, 'tanggal_lahir'),
      title: native.skema.nama,
      qualificationCode: native.skema.kode,
      nationalLevel: native.skema.jenis === 'KKNI' && native.jenjang_kkni !== null ? String(native.jenjang_kkni) : null,
      occupation: { isco: native.kode_kbji.slice(0, 4), national: native.kode_kbji, scheme: 'KBJI 2014', title: native.skema.nama },
      issuer: { name: native.lsp.nama, registrationNumber: native.lsp.kode },
      issuedOn: date(native.tanggal_terbit, 'tanggal_terbit'),
      validUntil: date(native.berlaku_sampai, 'berlaku_sampai'),
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      kkniLevel: native.jenjang_kkni,
      schemeType: native.skema.jenis,
      lsp: { name: native.lsp.nama, registrationNumber: native.lsp.kode },
      tuk: native.tuk,
      registrationNumber: native.nomor_registrasi,
    },
  );
}

export const bnspAdapter: AdapterFactory<IdnCertificationRecord> = (client) => ({
  registry: bnspProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(bnspProfile),
  isNativeId: (id) => BNSP_NUMBER.test(id),

  async fetchByIds(numbers) {
    const route = 'POST /sertifikat/batch';
    const response = await client.request('/sertifikat/batch', { method: 'POST', route, json: { nomor: numbers }, idempotent: true });
    if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
    const body = client.json<{ data?: BnspRecord[]; tidak_ditemukan?: string[] }>(response, route);
    const natives = askedOnly(client, route, numbers, body.data ?? [], (native) => native.nomor_sertifikat);
    const records = new Map([...natives].map(([number, native]) => [number, bnspToContract(native, client)]));
    const missing = new Set(body.tidak_ditemukan ?? []);
    const unaccounted = numbers.filter((n) => !records.has(n) && !missing.has(n));
    if (unaccounted.length > 0) {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `BNSP batch returned ${records.size} records for ${numbers.length} numbers and did not list ${unaccounted.length} of them in tidak_ditemukan`);
    }
    return records;
  },

  async findByHolder(identity) {
    const route = 'GET /sertifikat?nomor_paspor';
    const response = await client.request('/sertifikat', { route, query: { nomor_paspor: identity.documentNumber, negara: identity.nationality } });
    if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}`);
    return (client.json<{ data?: BnspRecord[] }>(response, route).data ?? []).map((native) => bnspToContract(native, client));
  },
});
