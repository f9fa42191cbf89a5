// MOM work passes (subgraphs/sgp/README.md). Contract: `POST /workpass/v1/passes:batchGet` takes at
// most 50 pass ids and leaves unknown ones out (the kit refuses a pass that was not asked for).
// Like MOM's public check, an enquiry needs the date of birth: without one `findByHolder` fails
// with IDENTITY_ATTRIBUTES_REQUIRED before any call. MOM publishes a change feed, read by
// `changesSince`, and a cursor-paged listing (`GET /workpass/v1/passes`), the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { changeEntries } from '../kit/nativeRecords.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import vocabulary from './momVocabulary.json' with { type: 'json' };
import type { MomEnquiry, MomRecord } from './mom.native.js';
import { momProfile } from './profiles.js';
import { codeOf, holderDocument, listOf, nextCursorOf, pageOf, singaporeReader } from './nativeApi.js';
import { maskSingaporeId } from './singaporeId.js';
import type { SgpWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS = vocabulary.permitClass as Record<string, PermitClass>;

/** What the MOM adapter reads: the shared fields and SgpWorkPermit's own, declared once in types.ts. */
export type SgpPermitFields = PermitFields & CountryExtras<SgpWorkPermit, WorkPermit>;

export function readMom(native: MomRecord, client: Pick<RegistryClient, 'error'>): SgpPermitFields {
  const read = singaporeReader(client, `pass ${native.passId}`);
  const { fail, date } = read;
  const nationality = read.alpha3(native.nationality, 'nationality');
  const fin = read.singaporeId(native.fin, 'fin');
  const occupation = read.occupation(native.ssocCode);
  if (typeof native.employer?.name !== 'string' || typeof native.employer.uen !== 'string') throw fail(`employer: expected {"uen","name"}, got ${JSON.stringify(native.employer)}`);
  lookup(vocabulary.sectors, native.sector, 'sector', fail);

  return {
    nativeId: native.passId,
    holderName: native.holderName,
    holderNationality: nationality,
    holderDocumentNumber: native.passportNo,
    // MOM links the pass to the holder's FIN; identity matching may use it, GraphQL never sees it (only holderIdMasked).
    holderOtherDocumentNumbers: [fin],
    holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
    permitClass: lookup(CLASS, native.passType, 'passType', fail),
    nativeType: native.passType,
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    validFrom: date(native.issueDate, 'issueDate'),
    validUntil: date(native.expiryDate, 'expiryDate'),
    // Households employ domestic workers and have no UEN: MOM leaves it empty.
    employer: { name: native.employer.name, registrationNumber: native.employer.uen === '' ? null : native.employer.uen },
    occupation,
    sector: native.sector,
    passType: native.passType,
    passTypeName: lookup(vocabulary.passTypes, native.passType, 'passType', fail),
    monthlySalaryBand: native.monthlySalaryBand,
    holderIdMasked: maskSingaporeId(fin),
  };
}

export const momAdapter = defineAdapter<MomRecord, SgpPermitFields>({
  profile: momProfile,
  idsOf: (native) => [native.passId],
  read: readMom,
  connect: (client) => ({
    async fetchByIds(passIds) {
      const route = 'POST /workpass/v1/passes:batchGet';
      const response = await client.request('/workpass/v1/passes:batchGet', { method: 'POST', route, json: { passIds }, idempotent: true });
      return listOf<MomRecord>(client, response, route, 'passes');
    },

    async findByHolder(identity) {
      const dateOfBirth = identity.dateOfBirth ?? null;
      if (dateOfBirth === null) {
        throw client.error('IDENTITY_ATTRIBUTES_REQUIRED', 'MOM answers an enquiry only with the holder\'s date of birth', { required: ['dateOfBirth'] });
      }
      const document = holderDocument(identity, client);
      const enquiry: MomEnquiry =
        document.kind === 'PASSPORT' ? { passportNo: document.passportNo, nationality: document.nationality, dateOfBirth } : { fin: document.idNumber, dateOfBirth };
      const route = 'POST /workpass/v1/enquiry';
      const response = await client.request('/workpass/v1/enquiry', { method: 'POST', route, json: enquiry, idempotent: true });
      if (response.status === 400 && codeOf(client, response, route) === 'DOB_REQUIRED') {
        throw client.error('IDENTITY_ATTRIBUTES_REQUIRED', `${route} answered DOB_REQUIRED`, { required: ['dateOfBirth'] });
      }
      return listOf<MomRecord>(client, response, route, 'passes');
    },

    async listPage(cursor, options = {}) {
      const route = 'GET /workpass/v1/passes';
      const response = await client.request('/workpass/v1/passes', { route, query: { cursor: cursor ?? undefined, limit: momProfile.bulk!.pageSize, issuedFrom: options.issuedSince } });
      const { list, body } = pageOf<MomRecord>(client, response, route, 'passes');
      return { records: list, next: nextCursorOf(client, body, route) };
    },

    async changesSince(since) {
      const route = 'GET /workpass/v1/changes';
      const response = await client.request('/workpass/v1/changes', { route, query: { since } });
      // The kit wants the oldest first; the specification does not promise an order (changeEntries sorts).
      return changeEntries(client, route, listOf(client, response, route, 'changes'), 'passId', 'at');
    },
  }),
});
