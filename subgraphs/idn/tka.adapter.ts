// Kemnaker TKA Online approvals. Contract: the batch endpoint omits unknown numbers and answers
// nothing that was not asked (the kit refuses an approval for another number); nationality is an
// Indonesian country name, read through the maintained data set and TKA's own spellings
// (countryNames.ts): an unknown name makes that record unreadable, never a default, and a
// nationality with no Indonesian name cannot be asked about (NATIONALITY_NOT_EXPRESSIBLE). TKA approvals are for experts and managers by law, hence
// PROFESSIONAL. TKA publishes a change feed (`GET /v1/perubahan`).
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { changeEntries, listIn, nativeReader } from '../kit/nativeRecords.js';
import type { WorkPermit } from '../../schema/contract/index.js';
import { indonesianNameFromIso, isoFromIndonesianName } from './countryNames.js';
import type { TkaRecord } from './tka.native.js';
import { tkaProfile } from './profiles.js';
import type { IdnWorkPermit } from './types.js';

const STATUS = { DIAJUKAN: 'PENDING', DISAHKAN: 'ACTIVE', DIPERPANJANG: 'ACTIVE', BERAKHIR: 'EXPIRED', DIBATALKAN: 'CANCELLED' } as const;

/** What the TKA adapter reads: the shared fields and IdnWorkPermit's own, declared once in types.ts. */
export type IdnPermitFields = PermitFields & CountryExtras<IdnWorkPermit, WorkPermit>;

export function readTka(native: TkaRecord, client: Pick<RegistryClient, 'error'>): IdnPermitFields {
  const { fail, date } = nativeReader(client, `approval ${native.nomor_pengesahan}`, 'YYYY-MM-DD');
  const nationality = isoFromIndonesianName(native.kewarganegaraan);
  if (!nationality) throw fail(`unknown kewarganegaraan ${JSON.stringify(native.kewarganegaraan)} (no country has this Indonesian name)`);
  return {
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
  };
}

export const tkaAdapter = defineAdapter<TkaRecord, IdnPermitFields>({
  profile: tkaProfile,
  idsOf: (native) => [native.nomor_pengesahan],
  read: readTka,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'POST /v1/pengesahan/batch';
      const response = await client.request('/v1/pengesahan/batch', { method: 'POST', route, json: { nomor_pengesahan: numbers }, idempotent: true });
      return listIn<TkaRecord>(client, response, route, 'hasil', { absentMeansEmpty: true });
    },

    async findByHolder(identity) {
      // TKA is queried by Indonesian country name; a nationality with none cannot be asked about, and saying so is not "no records".
      const name = indonesianNameFromIso(identity.nationality);
      if (!name) throw client.error('NATIONALITY_NOT_EXPRESSIBLE', 'TKA is asked by Indonesian country name, and the nationality asked has none', { nationality: identity.nationality });
      const route = 'GET /v1/tka';
      const response = await client.request('/v1/tka', { route, query: { paspor: identity.documentNumber, kewarganegaraan: name } });
      return listIn<TkaRecord>(client, response, route, 'hasil', { absentMeansEmpty: true });
    },

    async listPage(cursor, options = {}) {
      const route = 'GET /v1/pengesahan';
      const offset = cursor === null ? 0 : Number(cursor);
      const limit = tkaProfile.bulk!.pageSize;
      const response = await client.request('/v1/pengesahan', { route, query: { offset, limit, mulai_dari: options.issuedSince } });
      const records = listIn<TkaRecord>(client, response, route, 'hasil');
      const { jumlah } = client.json<{ jumlah?: unknown }>(response, route);
      const more = typeof jumlah === 'number' ? offset + limit < jumlah : records.length === limit;
      return { records, next: more ? String(offset + limit) : null };
    },

    async changesSince(since) {
      const route = 'GET /v1/perubahan';
      const response = await client.request('/v1/perubahan', { route, query: { sejak: since } });
      return changeEntries(client, route, listIn(client, response, route, 'hasil'), 'nomor_pengesahan', 'waktu');
    },
  }),
});
