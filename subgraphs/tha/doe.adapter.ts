import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { alpha3ToAlpha2 } from '../../schema/countries/index.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import { askedOnly, withinBatchLimit } from '../kit/nativeRecords.js';
import vocabulary from './doeVocabulary.json' with { type: 'json' };
import { DOE_DATE, DOE_PERMIT_NO, type DoeDocumentType, type DoeRecord } from './doe.native.js';
import { doeProfile } from './profiles.js';
import { listOf, thaiReader } from './nativeApi.js';

/**
 * DOE e-Work Permits. Contract: one batch call takes at most 100 numbers and must account for
 * every one of them, as a permit or in `not_found`; a permit that was not asked for, or a number
 * left unaccounted, is a protocol error. A worker is identified by a passport or a certificate of
 * identity (CI) and the registry finds a permit by either, so `findByHolder` asks under both and
 * a permit found under the document it does not name carries that one for identity matching.
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_WORKER_TYPE = vocabulary.permitClassByWorkerType as Record<string, PermitClass>;
const DOCUMENT_TYPES: DoeDocumentType[] = ['PASSPORT', 'CI'];

export type ThaPermitRecord = PermitRecord & { workerType: string; documentType: string; province: string };

export function doeToContract(native: DoeRecord, client: Pick<RegistryClient, 'error'>): ThaPermitRecord {
  const read = thaiReader(client, `permit ${native.permit_no}`, DOE_DATE);
  const { fail } = read;
  const occupation = read.occupation(native.occupation_code, null);
  lookup(vocabulary.documentTypes, native.doc_type, 'doc_type', fail);

  return permitRecord(
    { country: 'THA', registry: 'doe', typename: 'ThaWorkPermit' },
    {
      nativeId: native.permit_no,
      holderName: native.name_en,
      holderNationality: read.nationality(native.nationality),
      holderDocumentNumber: native.doc_no,
      holderDateOfBirth: read.date(native.birth_date, 'birth_date'),
      permitClass: lookup(CLASS_BY_WORKER_TYPE, native.worker_type, 'worker_type', fail),
      nativeType: native.worker_type,
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      validFrom: read.date(native.issue_date, 'issue_date'),
      validUntil: read.date(native.expire_date, 'expire_date'),
      employer: { name: native.employer.name_th, registrationNumber: native.employer.tax_id },
      occupation,
      sector: null,
      workerType: native.worker_type,
      documentType: native.doc_type,
      province: native.province,
    },
  );
}

/**
 * A permit names one document, but the registry answered it for the document asked about (the
 * worker's passport for a permit recorded under the CI, or the other way round): that link is the
 * registry's own, so the record carries it for identity matching.
 */
function linkedTo(record: ThaPermitRecord, asked: string): ThaPermitRecord {
  const document = normalizeDocumentNumber(asked);
  return record.holderDocumentNumber === document ? record : { ...record, holderOtherDocumentNumbers: [document] };
}

export const doeAdapter: AdapterFactory<ThaPermitRecord> = (client) => ({
  registry: doeProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(doeProfile),
  isNativeId: (id) => DOE_PERMIT_NO.test(id),

  async fetchByIds(numbers) {
    const route = 'POST /ewp/v1/permits/batch';
    const response = await client.request('/ewp/v1/permits/batch', { method: 'POST', route, json: { permit_nos: withinBatchLimit(numbers, doeProfile) }, idempotent: true });
    const permits = listOf<DoeRecord>(client, response, route, 'permits');
    const notFound = listOf<string>(client, response, route, 'not_found');
    const natives = askedOnly(client, route, numbers, permits, (native) => native.permit_no);
    const records = new Map([...natives].map(([number, native]) => [number, doeToContract(native, client)]));
    const unaccounted = numbers.filter((n) => !records.has(n) && !notFound.includes(n));
    if (unaccounted.length > 0) {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `DOE batch returned ${permits.length} permits and ${notFound.length} not_found for ${numbers.length} numbers; unaccounted: ${unaccounted.slice(0, 5).join(', ')}`);
    }
    return records;
  },

  async findByHolder(identity) {
    const nationality = alpha3ToAlpha2(identity.nationality);
    if (!nationality) return [];
    // The caller's document may be a passport or a CI; the registry links both to the worker, so one query per type finds every permit.
    const route = 'GET /ewp/v1/permits?doc_type';
    const answers = await Promise.all(
      DOCUMENT_TYPES.map(async (docType) => listOf<DoeRecord>(client, await client.request('/ewp/v1/permits', { route, query: { doc_type: docType, doc_no: identity.documentNumber, nationality } }), route, 'permits')),
    );
    const unique = new Map(answers.flat().map((native) => [native.permit_no, native]));
    return [...unique.values()].map((native) => linkedTo(doeToContract(native, client), identity.documentNumber));
  },
});
