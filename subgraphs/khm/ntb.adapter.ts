import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './ntbVocabulary.json' with { type: 'json' };
import { NTB_CERTIFICATE_NO, type NtbRecord } from './ntb.native.js';
import { ntbProfile } from './profiles.js';
import { batchLookup, listOf } from './nativeApi.js';

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
  const { fail, date, iscoOccupation } = nativeReader(client, `certificate ${native.certificateNo}`, 'YYYY-MM-DD');
  if (!isAlpha3(native.nationality)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.nationality)}`);
  const occupation = iscoOccupation(native.iscoCode, native.qualification);
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
      occupation,
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
  batchLimit: legacyBatchLimit(ntbProfile),
  isNativeId: (id) => NTB_CERTIFICATE_NO.test(id),

  async fetchByIds(numbers) {
    const { natives, response, route } = await batchLookup<NtbRecord>(client, ntbProfile, numbers, { path: '/ntb/certificates/lookup', field: 'certificateNos', listKey: 'found', idOf: (native) => native.certificateNo });
    const notFound = new Set(listOf<string>(client, response, route, 'notFound'));
    const unaccounted = numbers.filter((n) => !natives.has(n) && !notFound.has(n));
    if (unaccounted.length > 0) {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `NTB lookup returned ${natives.size} records for ${numbers.length} numbers and did not list ${unaccounted.join(', ')} in notFound`);
    }
    return new Map([...natives].map(([certificateNo, native]) => [certificateNo, ntbToContract(native, client)]));
  },

  async findByHolder(identity) {
    const route = 'GET /ntb/certificates?passportNo';
    const response = await client.request('/ntb/certificates', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
    return listOf<NtbRecord>(client, response, route, 'found').map((native) => ntbToContract(native, client));
  },
});
