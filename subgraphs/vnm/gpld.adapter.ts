// Provincial work permits and exemption certificates (subgraphs/vnm/README.md, `gpld`). No batch
// endpoint: the kit gives `fetchByIds` one number per call; a 404 must carry
// `{"loi":"Không tìm thấy giấy phép"}`. The job position is the native type and decides the shared
// class; an `MGP-` number is an exemption certificate; words are read after NFC normalisation and a
// status or position the specification does not list makes that record unreadable. A pending
// permit may have no dates yet. The search `GET /api/giay-phep/tra-cuu` pages the whole registry by
// the registry's own cursor.
import { defineAdapter } from '../kit/adapter.js';
import { collectionCalls, unexpectedAnswer } from '../kit/collectionRegistry.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { listIn, nativeReader } from '../kit/nativeRecords.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import vocabulary from './gpldVocabulary.json' with { type: 'json' };
import { EXEMPTION_PREFIX, GPLD_API, type GpldRecord } from './gpld.native.js';
import { gpldProfile } from './profiles.js';
import { DATE_FORMAT, nationalityOf, nfc, occupationOf } from './registryApi.js';
import type { VnmWorkPermit } from './types.js';

const PERMIT_CLASS = vocabulary.permitClass as Record<string, PermitClass>;
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const EXTENDED = 'Đã gia hạn';

/** What the gpld adapter reads: the shared fields and VnmWorkPermit's own, declared once in types.ts. */
export type VnmPermitFields = PermitFields & CountryExtras<VnmWorkPermit, WorkPermit>;

export function readGpld(native: GpldRecord, client: Pick<RegistryClient, 'error'>): VnmPermitFields {
  const { fail, date, optionalDate } = nativeReader(client, `permit ${native.so_giay_phep}`, DATE_FORMAT);
  const nationality = nationalityOf(native.quoc_tich, fail);
  const position = nfc(native.vi_tri_cong_viec);
  const status = nfc(native.trang_thai);
  const employer = native.don_vi_su_dung;

  return {
    nativeId: native.so_giay_phep,
    holderName: nfc(native.ho_ten),
    holderNationality: nationality,
    holderDocumentNumber: native.so_ho_chieu,
    holderDateOfBirth: date(native.ngay_sinh, 'ngay_sinh'),
    permitClass: lookup(PERMIT_CLASS, position, 'vi_tri_cong_viec', fail),
    nativeType: position,
    status: lookup(STATUS, status, 'trang_thai', fail),
    nativeStatus: status,
    validFrom: optionalDate(native.tu_ngay, 'tu_ngay'),
    validUntil: optionalDate(native.den_ngay, 'den_ngay'),
    employer: { name: nfc(employer.ten), registrationNumber: employer.ma_so_thue ?? null },
    occupation: occupationOf(native.ma_nghe, nfc(native.chuc_danh)),
    sector: null,
    province: nfc(native.tinh),
    exemptionCertificate: native.so_giay_phep.startsWith(EXEMPTION_PREFIX),
    extended: status === EXTENDED,
  };
}

export const gpldAdapter = defineAdapter<GpldRecord, VnmPermitFields>({
  profile: gpldProfile,
  idsOf: (native) => [native.so_giay_phep],
  read: readGpld,
  connect: (client) => ({
    ...collectionCalls<GpldRecord>(client, GPLD_API),

    /** `GET /api/giay-phep/tra-cuu`: `gioi_han` at most 200, `con_tro` the registry's cursor, `con_tro_tiep` null after the last page. */
    async listPage(cursor, options = {}) {
      const route = 'GET /api/giay-phep/tra-cuu';
      const query = { gioi_han: gpldProfile.bulk!.pageSize, con_tro: cursor ?? undefined, tu_ngay: options.issuedSince ? formatNativeDate(options.issuedSince, DATE_FORMAT) : undefined };
      const response = await client.request('/api/giay-phep/tra-cuu', { route, query });
      if (response.status !== 200) throw unexpectedAnswer(client, response, route, 'loi');
      const records = listIn<GpldRecord>(client, response, route, 'du_lieu');
      const next = client.json<{ con_tro_tiep?: unknown }>(response, route).con_tro_tiep;
      if (next !== null && typeof next !== 'string') throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a con_tro_tiep that is neither a cursor nor null`);
      return { records, next };
    },
  }),
});
