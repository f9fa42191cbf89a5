import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { alpha3ToAlpha2 } from '../../schema/countries/index.js';
import vocabulary from './dsdVocabulary.json' with { type: 'json' };
import { DSD_CERT_NO, DSD_DATE, type DsdRecord } from './dsd.native.js';
import { dsdProfile } from './profiles.js';
import { fetchOnlyRecord, type OneRecordRoute } from '../kit/nativeRecords.js';
import { listOf, thaiReader } from './nativeApi.js';

/**
 * DSD national skill standard certificates. Contract: there is no batch endpoint, so `fetchByIds`
 * takes exactly one certificate number (the kit paces the single calls); a 404 must carry
 * `{"result":"ไม่พบข้อมูล"}`. Dates are Buddhist Era, nationalities ISO alpha-2, statuses Thai words,
 * each read through one table and refused when the specification does not list it.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, string>;
// The Department of Skill Development, named in Thai as the registry names itself.
const ISSUER = { name: 'กรมพัฒนาฝีมือแรงงาน', registrationNumber: null };
const DSD_CERTIFICATE: OneRecordRoute<DsdRecord> = { route: 'GET /api/v1/skill-cert/{cert_no}', notFound: { result: 'ไม่พบข้อมูล' }, what: 'certificate', name: 'DSD', idOf: (native) => native.cert_no };

export type ThaCertificationRecord = CertificationRecord & {
  fullNameTh: string;
  skillLevel: number;
  levelName: string;
  testCentre: string;
};

export function dsdToContract(native: DsdRecord, client: Pick<RegistryClient, 'error'>): ThaCertificationRecord {
  const read = thaiReader(client, `certificate ${native.cert_no}`, DSD_DATE);
  const level = String(native.skill_level);

  return certificationRecord(
    { country: 'THA', registry: 'dsd', typename: 'ThaCertification' },
    {
      nativeId: native.cert_no,
      holderName: native.full_name_en,
      holderNationality: read.nationality(native.nationality),
      // Citizens without a passport are known by their id card only, which is an identity number, not a travel document.
      holderDocumentNumber: native.passport_no,
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
    },
  );
}

export const dsdAdapter: AdapterFactory<ThaCertificationRecord> = (client) => ({
  registry: dsdProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(dsdProfile),
  isNativeId: (id) => DSD_CERT_NO.test(id),

  fetchByIds: (numbers) => fetchOnlyRecord(client, numbers, DSD_CERTIFICATE, dsdToContract),

  async findByHolder(identity) {
    const nationality = alpha3ToAlpha2(identity.nationality);
    // DSD is asked by alpha-2 nationality; a nationality without one cannot be asked about.
    if (!nationality) return [];
    const route = 'GET /api/v1/skill-cert?passport_no';
    const response = await client.request('/api/v1/skill-cert', { route, query: { passport_no: identity.documentNumber, nationality } });
    return listOf<DsdRecord>(client, response, route, 'items').map((native) => dsdToContract(native, client));
  },
});
