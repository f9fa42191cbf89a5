import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './ntbVocabulary.json' with { type: 'json' };
import { NTB_CERTIFICATE_NO, type NtbRecord } from './ntb.native.js';
import { ntbProfile } from './profiles.js';
import { listOf } from './nativeApi.js';

/**
 * NTB national certificates. Contract: every number sent to the lookup endpoint (at most 20) comes
 * back either in `found` or in `notFound`; a number in neither, or a record for a number not asked,
 * is a protocol error, never a silent gap. Certificates do not expire, so `validUntil` is null; the
 * award fixes the CQF level, and a record whose `cqfLevel` disagrees with its award is refused.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const AWARDS = vocabulary.awards as Record<string, { cqfLevel: number; name: string }>;
const ISSUER = { name: 'National Training Board', registrationNumber: null };

export type KhmCertificationRecord = CertificationRecord & {
  nameKh: string;
  award: string;
  awardName: string;
  cqfLevel: number;
  sector: string;
  institution: string;
};

export function ntbToContract(native: NtbRecord, client: Pick<RegistryClient, 'error'>): KhmCertificationRecord {
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `certificate ${native.certificateNo}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, 'YYYY-MM-DD');
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  if (!isAlpha3(native.nationality)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.nationality)}`);
  if (!/^\d{4}$/.test(native.iscoCode)) throw fail(`iscoCode: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(native.iscoCode)}`);
  const award = lookup(AWARDS, native.award, 'award', fail);
  if (native.cqfLevel !== award.cqfLevel) throw fail(`award ${native.award} sits at CQF level ${award.cqfLevel}, but the record gives cqfLevel ${JSON.stringify(native.cqfLevel)}`);

  return certificationRecord(
    { country: 'KHM', registry: 'ntb', typename: 'KhmCertification' },
    {
      nativeId: native.certificateNo,
      holderName: native.nameEn,
      holderNationality: native.nationality,
      holderDocumentNumber: native.passportNo,
      holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
      title: native.qualification,
      qualificationCode: null,
      nationalLevel: String(native.cqfLevel),
      occupation: { isco: native.iscoCode, national: native.iscoCode, scheme: 'ISCO-08', title: native.qualification },
      issuer: ISSUER,
      issuedOn: date(native.issuedDate, 'issuedDate'),
      validUntil: null,
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      nameKh: native.nameKh,
      award: native.award,
      awardName: award.name,
      cqfLevel: native.cqfLevel,
      sector: native.sector,
      institution: native.institution,
    },
  );
}

export const ntbAdapter: AdapterFactory<KhmCertificationRecord> = (client) => ({
  registry: ntbProfile.key,
  kind: 'CERT',
  batchLimit: ntbProfile.batchLimit,
  isNativeId: (id) => NTB_CERTIFICATE_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length > ntbProfile.batchLimit!) throw new Error(`NTB lookup takes at most ${ntbProfile.batchLimit} numbers, got ${numbers.length}`);
    const route = 'POST /ntb/certificates/lookup';
    const response = await client.request('/ntb/certificates/lookup', { method: 'POST', route, json: { certificateNos: numbers }, idempotent: true });
    const found = listOf<NtbRecord>(client, response, route, 'found');
    const notFound = new Set(listOf<string>(client, response, route, 'notFound'));
    const asked = new Set(numbers);
    const records = new Map<string, KhmCertificationRecord>();
    for (const native of found) {
      if (!asked.has(native.certificateNo)) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `NTB lookup returned certificate ${JSON.stringify(native.certificateNo)}, which was not among the ${numbers.length} numbers asked`);
      }
      records.set(native.certificateNo, ntbToContract(native, client));
    }
    const unaccounted = numbers.filter((n) => !records.has(n) && !notFound.has(n));
    if (unaccounted.length > 0) {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `NTB lookup returned ${records.size} records for ${numbers.length} numbers and did not list ${unaccounted.join(', ')} in notFound`);
    }
    return records;
  },

  async findByHolder(identity) {
    const route = 'GET /ntb/certificates?passportNo';
    const response = await client.request('/ntb/certificates', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
    return listOf<NtbRecord>(client, response, route, 'found').map((native) => ntbToContract(native, client));
  },
});
