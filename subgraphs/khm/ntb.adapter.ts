// NTB national certificates (subgraphs/khm/README.md). Contract: every number sent to the lookup
// endpoint (at most 20) comes back either in `found` or in `notFound` (the kit checks that nothing
// is unaccounted for, and that nothing was answered that was not asked). Certificates do not
// expire, so `validUntil` is null; the award fixes the CQF level, and a record whose `cqfLevel`
// disagrees with its award is refused. The offset-paged search is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { listIn, nativeReader } from '../kit/nativeRecords.js';
import { nextOffset } from '../kit/bulkPaging.js';
import { iscoCodedOccupation } from '../kit/occupations.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './ntbVocabulary.json' with { type: 'json' };
import type { NtbRecord } from './ntb.native.js';
import { ntbProfile } from './profiles.js';
import type { KhmCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const AWARDS = vocabulary.awards as Record<string, { cqfLevel: number; name: string }>;
const ISSUER = { name: 'National Training Board', registrationNumber: null };

/** What the NTB adapter reads: the shared fields and KhmCertification's own, declared once in types.ts. */
export type KhmCertificationFields = CertificationFields & CountryExtras<KhmCertification, Certification>;

export function readNtb(native: NtbRecord, client: Pick<RegistryClient, 'error'>): KhmCertificationFields {
  const { fail, date, alpha3 } = nativeReader(client, `certificate ${native.certificateNo}`, 'YYYY-MM-DD');
  const award = lookup(AWARDS, native.award, 'award', fail);
  if (native.cqfLevel !== award.cqfLevel) throw fail(`award ${native.award} sits at CQF level ${award.cqfLevel}, but the record gives cqfLevel ${JSON.stringify(native.cqfLevel)}`);
  return {
    nativeId: native.certificateNo,
    holderName: native.nameEn,
    holderNationality: alpha3(native.nationality, 'nationality'),
    holderDocumentNumber: native.passportNo ?? null,
    holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
    title: native.qualification,
    qualificationCode: null,
    nationalLevel: String(native.cqfLevel),
    occupation: iscoCodedOccupation(native.iscoCode, native.qualification, fail),
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
  };
}

export const ntbAdapter = defineAdapter<NtbRecord, KhmCertificationFields>({
  profile: ntbProfile,
  idsOf: (native) => [native.certificateNo],
  read: readNtb,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'POST /ntb/certificates/lookup';
      const response = await client.request('/ntb/certificates/lookup', { method: 'POST', route, json: { certificateNos: numbers }, idempotent: true });
      return { records: listIn<NtbRecord>(client, response, route, 'found'), notFound: listIn<string>(client, response, route, 'notFound') };
    },

    async findByHolder(identity) {
      const route = 'GET /ntb/certificates?passportNo';
      const response = await client.request('/ntb/certificates', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
      return listIn<NtbRecord>(client, response, route, 'found');
    },

    async listPage(cursor, options = {}) {
      const route = ntbProfile.bulk!.route;
      const offset = cursor === null ? 0 : Number(cursor);
      const limit = ntbProfile.bulk!.pageSize;
      const response = await client.request('/ntb/certificates/search', { route, query: { offset, limit, issuedFrom: options.issuedSince } });
      const records = listIn<NtbRecord>(client, response, route, 'found');
      return { records, next: nextOffset(offset, records.length, limit, client.json<{ total?: unknown }>(response, route).total) };
    },
  }),
});
