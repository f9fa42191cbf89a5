import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { askedOnly, nativeReader } from '../kit/nativeRecords.js';
import { indonesianNameFromIso, isoFromIndonesianName } from './countryNames.js';
import { TKA_NUMBER, type TkaRecord } from './tka.native.js';
import { tkaProfile } from './profiles.js';

/**
 * Kemnaker TKA Online approvals. Contract: the batch endpoint omits unknown numbers and answers
 * nothing that was not asked (an approval for another number is a protocol error); nationality
 * is an Indonesian country name that must be in countryNames.json (an unknown name is a protocol
 * error, never a default). TKA approvals are for experts and managers by law, hence PROFESSIONAL.
 */
const STATUS = { DIAJUKAN: 'PENDING', DISAHKAN: 'ACTIVE', DIPERPANJANG: 'ACTIVE', BERAKHIR: 'EXPIRED', DIBATALKAN: 'CANCELLED' } as const;

export type IdnPermitRecord = PermitRecord & { workLocation: string | null; counterpart: string | null; kbli: string | null };

export function tkaToContract(native: TkaRecord, client: Pick<RegistryClient, 'error'>): IdnPermitRecord {
  const { fail, date } = nativeReader(client, `approval ${native.nomor_pengesahan}`, 'YYYY-MM-DD');
  const nationality = isoFromIndonesianName(native.kewarganegaraan);
  if (!nationality) throw fail(`unknown kewarganegaraan ${JSON.stringify(native.kewarganegaraan)} (not in the published list of Indonesian country names)`);
  return permitRecord(
    { country: 'IDN', registry: 'tka', typename: 'IdnWorkPermit' },
    {
      nativeId: native.nomor_pengesahan,
      holderName: native.nama_tka,
      holderNationality: nationality,
      holderDocumentNumber: native.paspor,
      holderDateOfBirth: date(native.tanggal_lahir, 'tanggal_lahir'),
      permitClass: 'PROFESSIONAL',
      nativeType: 'PENGESAHAN_RPTKA',
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      validFrom: date(native.tanggal_mulai, 'tanggal_mulai'),
      validUntil: date(native.tanggal_berakhir, 'tanggal_berakhir'),
      employer: { name: native.pemberi_kerja.nama, registrationNumber: native.pemberi_kerja.npwp },
      occupation: { isco: native.kode_kbji.slice(0, 4), national: native.kode_kbji, scheme: 'KBJI 2014', title: native.jabatan },
      sector: native.pemberi_kerja.kbli,
      workLocation: native.lokasi_kerja,
      counterpart: native.pendamping,
      kbli: native.pemberi_kerja.kbli,
    },
  );
}

export const tkaAdapter: AdapterFactory<IdnPermitRecord> = (client) => ({
  registry: tkaProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(tkaProfile),
  isNativeId: (id) => TKA_NUMBER.test(id),

  async fetchByIds(numbers) {
    const route = 'POST /v1/pengesahan/batch';
    const response = await client.request('/v1/pengesahan/batch', { method: 'POST', route, json: { nomor_pengesahan: numbers }, idempotent: true });
    if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
    const natives = askedOnly(client, route, numbers, client.json<{ hasil?: TkaRecord[] }>(response, route).hasil ?? [], (native) => native.nomor_pengesahan);
    return new Map([...natives].map(([number, native]) => [number, tkaToContract(native, client)]));
  },

  async findByHolder(identity) {
    // TKA is queried by Indonesian country name; a nationality with no published name cannot be asked about.
    const name = indonesianNameFromIso(identity.nationality);
    if (!name) return [];
    const route = 'GET /v1/tka';
    const response = await client.request('/v1/tka', { route, query: { paspor: identity.documentNumber, kewarganegaraan: name } });
    if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}`);
    return (client.json<{ hasil?: TkaRecord[] }>(response, route).hasil ?? []).map((native) => tkaToContract(native, client));
  },
});
