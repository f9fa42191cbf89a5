// MLVT FWCMS work permits (subgraphs/khm/README.md). Contract: the batch endpoint takes at most 30
// numbers and answers with the permits it knows, leaving unknown numbers out (it publishes no
// not-found list; the kit refuses a permit for a number not asked). Permits are annual and carry
// a year instead of dates: the validity is 1 January to 31 December of that year, derived here and
// nowhere else. The offset-paged search is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { listIn, nativeReader } from '../kit/nativeRecords.js';
import { nextOffset } from '../kit/bulkPaging.js';
import { iscoCodedOccupation } from '../kit/occupations.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import vocabulary from './fwcmsVocabulary.json' with { type: 'json' };
import type { FwcmsRecord } from './fwcms.native.js';
import { fwcmsProfile } from './profiles.js';
import type { KhmWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS = vocabulary.permitClassByQuotaCategory as Record<string, PermitClass>;

/** What the FWCMS adapter reads: the shared fields and KhmWorkPermit's own, declared once in types.ts. */
export type KhmPermitFields = PermitFields & CountryExtras<KhmWorkPermit, WorkPermit>;

/** The calendar year a permit covers; the approval date that may start it later is not in the API. */
export function annualValidity(year: number): { validFrom: string; validUntil: string } {
  return { validFrom: `${year}-01-01`, validUntil: `${year}-12-31` };
}

export function readFwcms(native: FwcmsRecord, client: Pick<RegistryClient, 'error'>): KhmPermitFields {
  const { fail, date, alpha3 } = nativeReader(client, `permit ${native.workPermitNo}`, 'YYYY-MM-DD');
  const { worker } = native;
  if (typeof worker !== 'object' || worker === null) throw fail('expected a worker object');
  if (!Number.isInteger(native.year) || native.year < 1000 || native.year > 9999) throw fail(`year: expected a calendar year as a number, got ${JSON.stringify(native.year)}`);
  return {
    nativeId: native.workPermitNo,
    holderName: worker.name,
    holderNationality: alpha3(worker.nationality, 'worker.nationality'),
    holderDocumentNumber: worker.passportNo,
    holderDateOfBirth: date(worker.dateOfBirth, 'worker.dateOfBirth'),
    permitClass: lookup(CLASS, native.quotaCategory, 'quotaCategory', fail),
    nativeType: native.quotaCategory,
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    ...annualValidity(native.year),
    employer: { name: native.employer.name, registrationNumber: native.employer.registrationNo },
    occupation: iscoCodedOccupation(native.iscoCode, native.position, fail),
    sector: null,
    permitYear: native.year,
    employmentCardNo: native.employmentCardNo,
    quotaCategory: native.quotaCategory,
  };
}

export const fwcmsAdapter = defineAdapter<FwcmsRecord, KhmPermitFields>({
  profile: fwcmsProfile,
  idsOf: (native) => [native.workPermitNo],
  read: readFwcms,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'POST /fwcms/api/permits/batch';
      const response = await client.request('/fwcms/api/permits/batch', { method: 'POST', route, json: { workPermitNos: numbers }, idempotent: true });
      return listIn<FwcmsRecord>(client, response, route, 'permits');
    },

    async findByHolder(identity) {
      const route = 'GET /fwcms/api/permits?passportNo';
      const response = await client.request('/fwcms/api/permits', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
      return listIn<FwcmsRecord>(client, response, route, 'permits');
    },

    async listPage(cursor) {
      // The search has no date bound (subgraphs/khm/README.md), so `issuedSince` cannot narrow it.
      const route = fwcmsProfile.bulk!.route;
      const offset = cursor === null ? 0 : Number(cursor);
      const limit = fwcmsProfile.bulk!.pageSize;
      const response = await client.request('/fwcms/api/permits/search', { route, query: { offset, limit } });
      const records = listIn<FwcmsRecord>(client, response, route, 'permits');
      return { records, next: nextOffset(offset, records.length, limit, client.json<{ total?: unknown }>(response, route).total) };
    },
  }),
});
