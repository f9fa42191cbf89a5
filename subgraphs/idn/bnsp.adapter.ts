// BNSP competency certificates. Contract: every number sent to the batch endpoint comes back either
// in `data` or in `tidak_ditemukan` (the kit checks that nothing is unaccounted for); dates are
// DD-MM-YYYY; citizens (WNI) are Indonesian, foreigners (WNA) carry `negara_asal`. BNSP publishes a
// change feed (`GET /perubahan`), so a revoked certificate leaves the cache within one poll.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { changeEntries, listIn, nativeReader } from '../kit/nativeRecords.js';
import type { Certification } from '../../schema/contract/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import type { BnspRecord } from './bnsp.native.js';
import { bnspProfile } from './profiles.js';
import type { IdnCertification } from './types.js';

const STATUS = { AKTIF: 'VALID', KEDALUWARSA: 'EXPIRED', DIBEKUKAN: 'SUSPENDED', DICABUT: 'REVOKED' } as const;

/** What the BNSP adapter reads: the shared fields and IdnCertification's own, declared once in types.ts. */
export type IdnCertificationFields = CertificationFields & CountryExtras<IdnCertification, Certification>;

export function readBnsp(native: BnspRecord, client: Pick<RegistryClient, 'error'>): IdnCertificationFields {
  const { fail, date } = nativeReader(client, `certificate ${native.nomor_sertifikat}`, 'DD-MM-YYYY');
  let nationality: string;
  if (native.kewarganegaraan === 'WNI') nationality = 'IDN';
  else if (native.kewarganegaraan === 'WNA' && native.negara_asal && isAlpha3(native.negara_asal)) nationality = native.negara_asal;
  else throw fail(`kewarganegaraan ${JSON.stringify(native.kewarganegaraan)} with negara_asal ${JSON.stringify(native.negara_asal)} names no country`);

  return {
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
  };
}

export const bnspAdapter = defineAdapter<BnspRecord, IdnCertificationFields>({
  profile: bnspProfile,
  idsOf: (native) => [native.nomor_sertifikat],
  read: readBnsp,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'POST /sertifikat/batch';
      const response = await client.request('/sertifikat/batch', { method: 'POST', route, json: { nomor: numbers }, idempotent: true });
      if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
      const body = client.json<{ data?: BnspRecord[]; tidak_ditemukan?: string[] }>(response, route);
      return { records: body.data ?? [], notFound: body.tidak_ditemukan ?? [] };
    },

    async findByHolder(identity) {
      const route = 'GET /sertifikat?nomor_paspor';
      const response = await client.request('/sertifikat', { route, query: { nomor_paspor: identity.documentNumber, negara: identity.nationality } });
      return listIn<BnspRecord>(client, response, route, 'data', { absentMeansEmpty: true });
    },

    async listPage(cursor, options = {}) {
      const route = 'GET /sertifikat/cari';
      const page = cursor === null ? 1 : Number(cursor);
      const perPage = bnspProfile.bulk!.pageSize;
      const query = { halaman: page, per_halaman: perPage, terbit_dari: options.issuedSince ? formatNativeDate(options.issuedSince, 'DD-MM-YYYY') : undefined };
      const response = await client.request('/sertifikat/cari', { route, query });
      const records = listIn<BnspRecord>(client, response, route, 'data');
      const { total } = client.json<{ total?: unknown }>(response, route);
      const more = typeof total === 'number' ? page * perPage < total : records.length === perPage;
      return { records, next: more ? String(page + 1) : null };
    },

    async changesSince(since) {
      const route = 'GET /perubahan';
      const response = await client.request('/perubahan', { route, query: { sejak: since } });
      return changeEntries(client, route, listIn(client, response, route, 'data'), 'nomor_sertifikat', 'diubah_pada');
    },
  }),
});
