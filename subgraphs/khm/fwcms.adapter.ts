import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './fwcmsVocabulary.json' with { type: 'json' };
import { FWCMS_WORK_PERMIT_NO, type FwcmsRecord } from './fwcms.native.js';
import { fwcmsProfile } from './profiles.js';
import { batchLookup, listOf } from './nativeApi.js';

/**
 * MLVT FWCMS work permits. Contract: the batch endpoint takes at most 30 numbers and answers with
 * the permits it knows, leaving unknown numbers out (it publishes no not-found list); a permit for a
 * number not asked is a protocol error. Permits are annual and carry a year instead of dates: the
 * validity is 1 January to 31 December of that year, derived here and nowhere else.
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS = vocabulary.permitClassByQuotaCategory as Record<string, PermitClass>;

export type KhmPermitRecord = PermitRecord & { permitYear: number; employmentCardNo: string; quotaCategory: string };

/** The calendar year a permit covers; the approval date that may start it later is not in the API. */
export function annualValidity(year: number): { validFrom: string; validUntil: string } {
  return { validFrom: `${year}-01-01`, validUntil: `${year}-12-31` };
}

export function fwcmsToContract(native: FwcmsRecord, client: Pick<RegistryClient, 'error'>): KhmPermitRecord {
  const { fail, date, iscoOccupation } = nativeReader(client, `permit ${native.workPermitNo}`, 'YYYY-MM-DD');
  const { worker } = native;
  if (typeof worker !== 'object' || worker === null) throw fail('expected a worker object');
  if (!isAlpha3(worker.nationality)) throw fail(`worker.nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(worker.nationality)}`);
  const occupation = iscoOccupation(native.iscoCode, native.position);
  if (!Number.isInteger(native.year) || native.year < 1000 || native.year > 9999) throw fail(`year: expected a calendar year as a number, got ${JSON.stringify(native.year)}`);

  return permitRecord(
    { country: 'KHM', registry: 'fwcms', typename: 'KhmWorkPermit' },
    {
      nativeId: native.workPermitNo,
      holderName: worker.name,
      holderNationality: worker.nationality,
      holderDocumentNumber: worker.passportNo,
      holderDateOfBirth: date(worker.dateOfBirth, 'worker.dateOfBirth'),
      permitClass: lookup(CLASS, native.quotaCategory, 'quotaCategory', fail),
      nativeType: native.quotaCategory,
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      ...annualValidity(native.year),
      employer: { name: native.employer.name, registrationNumber: native.employer.registrationNo },
      occupation,
      sector: null,
      permitYear: native.year,
      employmentCardNo: native.employmentCardNo,
      quotaCategory: native.quotaCategory,
    },
  );
}

export const fwcmsAdapter: AdapterFactory<KhmPermitRecord> = (client) => ({
  registry: fwcmsProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(fwcmsProfile),
  isNativeId: (id) => FWCMS_WORK_PERMIT_NO.test(id),

  async fetchByIds(numbers) {
    const { natives } = await batchLookup<FwcmsRecord>(client, fwcmsProfile, numbers, { path: '/fwcms/api/permits/batch', field: 'workPermitNos', listKey: 'permits', idOf: (native) => native.workPermitNo });
    return new Map([...natives].map(([workPermitNo, native]) => [workPermitNo, fwcmsToContract(native, client)]));
  },

  async findByHolder(identity) {
    const route = 'GET /fwcms/api/permits?passportNo';
    const response = await client.request('/fwcms/api/permits', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
    return listOf<FwcmsRecord>(client, response, route, 'permits').map((native) => fwcmsToContract(native, client));
  },
});
