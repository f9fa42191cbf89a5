// DOE e-Work Permits (subgraphs/tha/README.md). Contract: one batch call takes at most 100 numbers
// and accounts for every one of them, as a permit or in `not_found` (the kit checks both). A
// worker is identified by a passport or a certificate of identity (CI) and the registry finds a
// permit by either, so `findByHolder` asks under both and a permit found under the document it
// does not name carries that one for identity matching. The paged search is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { listIn } from '../kit/nativeRecords.js';
import { nextPageNumber, pageNumberOf } from '../kit/bulkPaging.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import { formatNativeDate } from '../../schema/dates/index.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import vocabulary from './doeVocabulary.json' with { type: 'json' };
import { DOE_DATE, type DoeDocumentType, type DoeRecord } from './doe.native.js';
import { doeProfile } from './profiles.js';
import { alpha2For, thaiReader } from './thaiReader.js';
import type { ThaWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_WORKER_TYPE = vocabulary.permitClassByWorkerType as Record<string, PermitClass>;
const DOCUMENT_TYPES: DoeDocumentType[] = ['PASSPORT', 'CI'];

/** The document a holder search asked about, kept beside the permit the registry answered for it (never sent, never serialised). */
const ASKED = Symbol('asked document');

/** A DOE permit as the adapter hands it to the kit: the registry's record, and the document it was found by when found by a holder search. */
export type DoeAnswer = DoeRecord & { [ASKED]?: string };

/** What the DOE adapter reads: the shared fields and ThaWorkPermit's own, declared once in types.ts. */
export type ThaPermitFields = PermitFields & CountryExtras<ThaWorkPermit, WorkPermit>;

export function readDoe(native: DoeAnswer, client: Pick<RegistryClient, 'error'>): ThaPermitFields {
  const read = thaiReader(client, `permit ${native.permit_no}`, DOE_DATE);
  const { fail } = read;
  lookup(vocabulary.documentTypes, native.doc_type, 'doc_type', fail);
  const fields: ThaPermitFields = {
    nativeId: native.permit_no,
    holderName: native.name_en,
    holderNationality: read.nationality(native.nationality),
    holderDocumentNumber: native.doc_no,
    holderDateOfBirth: read.date(native.birth_date, 'birth_date'),
    permitClass: lookup(CLASS_BY_WORKER_TYPE, native.worker_type, 'worker_type', fail),
    nativeType: native.worker_type,
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    validFrom: read.optionalDate(native.issue_date, 'issue_date'),
    validUntil: read.optionalDate(native.expire_date, 'expire_date'),
    employer: { name: native.employer.name_th, registrationNumber: native.employer.tax_id ?? null },
    occupation: read.occupation(native.occupation_code, null),
    sector: null,
    workerType: native.worker_type,
    documentType: native.doc_type,
    province: native.province,
  };
  return linkedTo(fields, native[ASKED]);
}

/**
 * A permit names one document, but the registry answered it for the document asked about (the
 * worker's passport for a permit recorded under the CI, or the other way round): that link is the
 * registry's own, so the record carries it for identity matching.
 */
function linkedTo(fields: ThaPermitFields, asked: string | undefined): ThaPermitFields {
  if (asked === undefined) return fields;
  const document = normalizeDocumentNumber(asked);
  return normalizeDocumentNumber(fields.holderDocumentNumber ?? '') === document ? fields : { ...fields, holderOtherDocumentNumbers: [document] };
}

export const doeAdapter = defineAdapter<DoeAnswer, ThaPermitFields>({
  profile: doeProfile,
  idsOf: (native) => [native.permit_no],
  read: readDoe,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'POST /ewp/v1/permits/batch';
      const response = await client.request('/ewp/v1/permits/batch', { method: 'POST', route, json: { permit_nos: numbers }, idempotent: true });
      return { records: listIn<DoeRecord>(client, response, route, 'permits'), notFound: listIn<string>(client, response, route, 'not_found') };
    },

    async findByHolder(identity) {
      const nationality = alpha2For(client, identity.nationality);
      // The caller's document may be a passport or a CI; the registry links both to the worker, so one query per type finds every permit.
      const route = 'GET /ewp/v1/permits?doc_type';
      const answers = await Promise.all(
        DOCUMENT_TYPES.map(async (docType) => listIn<DoeRecord>(client, await client.request('/ewp/v1/permits', { route, query: { doc_type: docType, doc_no: identity.documentNumber, nationality } }), route, 'permits')),
      );
      const unique = new Map(answers.flat().map((native) => [native.permit_no, native]));
      return [...unique.values()].map((native): DoeAnswer => ({ ...native, [ASKED]: identity.documentNumber }));
    },

    async listPage(cursor, options = {}) {
      const route = doeProfile.bulk!.route;
      const page = pageNumberOf(cursor, 1);
      const perPage = doeProfile.bulk!.pageSize;
      const query = { page, per_page: perPage, issued_from: options.issuedSince ? formatNativeDate(options.issuedSince, DOE_DATE) : undefined };
      const response = await client.request('/ewp/v1/permits/search', { route, query });
      const records = listIn<DoeRecord>(client, response, route, 'permits');
      return { records, next: nextPageNumber(page, 1, records.length, perPage, client.json<{ total?: unknown }>(response, route).total) };
    },
  }),
});
