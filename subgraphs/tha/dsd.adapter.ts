// DSD national skill standard certificates (subgraphs/tha/README.md). Contract: there is no batch
// endpoint, so the kit gives `fetchByIds` exactly one certificate number and paces the calls; a
// 404 must carry `{"result":"ไม่พบข้อมูล"}`. Dates are Buddhist Era, nationalities ISO alpha-2,
// statuses Thai words, each read through one table and refused when the specification does not
// list it. The paged search is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { fetchOneNative, listIn, type OneRecordRoute } from '../kit/nativeRecords.js';
import { nextPageNumber, pageNumberOf } from '../kit/bulkPaging.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import vocabulary from './dsdVocabulary.json' with { type: 'json' };
import { DSD_DATE, type DsdRecord } from './dsd.native.js';
import { dsdProfile } from './profiles.js';
import { alpha2For, thaiReader } from './thaiReader.js';
import type { ThaCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, string>;
// The Department of Skill Development, named in Thai as the registry names itself.
const ISSUER = { name: 'กรมพัฒนาฝีมือแรงงาน', registrationNumber: null };
const DSD_CERTIFICATE: OneRecordRoute<DsdRecord> = { route: 'GET /api/v1/skill-cert/{cert_no}', notFound: { result: 'ไม่พบข้อมูล' }, what: 'certificate', idOf: (native) => native.cert_no };

/** What the DSD adapter reads: the shared fields and ThaCertification's own, declared once in types.ts. */
export type ThaCertificationFields = CertificationFields & CountryExtras<ThaCertification, Certification>;

export function readDsd(native: DsdRecord, client: Pick<RegistryClient, 'error'>): ThaCertificationFields {
  const read = thaiReader(client, `certificate ${native.cert_no}`, DSD_DATE);
  const level = String(native.skill_level);
  return {
    nativeId: native.cert_no,
    holderName: native.full_name_en,
    holderNationality: read.nationality(native.nationality),
    // Citizens without a passport are known by their id card only, which is an identity number, not a travel document.
    holderDocumentNumber: native.passport_no ?? null,
    holderDateOfBirth: read.date(native.birth_date, 'birth_date'),
    title: native.occupation_name,
    qualificationCode: null,
    nationalLevel: level,
    occupation: read.occupation(native.occupation_code, native.occupation_name),
    issuer: ISSUER,
    issuedOn: read.date(native.issue_date, 'issue_date'),
    validUntil: read.optionalDate(native.expire_date, 'expire_date'),
    status: lookup(STATUS, native.status, 'status', read.fail),
    nativeStatus: native.status,
    fullNameTh: native.full_name_th,
    skillLevel: native.skill_level,
    levelName: lookup(LEVELS, level, 'skill_level', read.fail),
    testCentre: native.test_center,
  };
}

export const dsdAdapter = defineAdapter<DsdRecord, ThaCertificationFields>({
  profile: dsdProfile,
  idsOf: (native) => [native.cert_no],
  read: readDsd,
  connect: (client) => ({
    fetchByIds: (numbers) => fetchOneNative(client, numbers[0], DSD_CERTIFICATE),

    async findByHolder(identity) {
      const nationality = alpha2For(client, identity.nationality);
      const route = 'GET /api/v1/skill-cert?passport_no';
      const response = await client.request('/api/v1/skill-cert', { route, query: { passport_no: identity.documentNumber, nationality } });
      return listIn<DsdRecord>(client, response, route, 'items');
    },

    async listPage(cursor, options = {}) {
      const route = dsdProfile.bulk!.route;
      const page = pageNumberOf(cursor, 1);
      const perPage = dsdProfile.bulk!.pageSize;
      const query = { page, per_page: perPage, from: options.issuedSince ? formatNativeDate(options.issuedSince, DSD_DATE) : undefined };
      const response = await client.request('/api/v1/skill-cert/search', { route, query });
      const records = listIn<DsdRecord>(client, response, route, 'items');
      return { records, next: nextPageNumber(page, 1, records.length, perPage, client.json<{ total?: unknown }>(response, route).total) };
    },
  }),
});
