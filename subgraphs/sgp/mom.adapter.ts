import { batchEndpoint, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory, RegistryChange } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { askedOnly, withinBatchLimit } from '../kit/nativeRecords.js';
import vocabulary from './momVocabulary.json' with { type: 'json' };
import { MOM_PASS_ID, type MomEnquiry, type MomRecord } from './mom.native.js';
import { momProfile } from './profiles.js';
import { codeOf, holderDocument, listOf, singaporeReader } from './nativeApi.js';
import { maskSingaporeId } from './singaporeId.js';

/**
 * MOM work passes. Contract: `POST /workpass/v1/passes:batchGet` takes at most 50 pass ids and
 * leaves unknown ones out; a pass that was not asked for is a protocol error. Like MOM's public
 * check, an enquiry needs the date of birth: without one `findByHolder` fails with
 * IDENTITY_ATTRIBUTES_REQUIRED before any call. MOM publishes a change feed, read by `changesSince`.
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS = vocabulary.permitClass as Record<string, PermitClass>;

export type SgpPermitRecord = PermitRecord & { passType: string; passTypeName: string; monthlySalaryBand: string; holderIdMasked: string };

export function momToContract(native: MomRecord, client: Pick<RegistryClient, 'error'>): SgpPermitRecord {
  const read = singaporeReader(client, `pass ${native.passId}`);
  const { fail, date } = read;
  const nationality = read.alpha3(native.nationality, 'nationality');
  const fin = read.singaporeId(native.fin, 'fin');
  const occupation = read.occupation(native.ssocCode);
  if (typeof native.employer?.name !== 'string' || typeof native.employer.uen !== 'string') throw fail(`employer: expected {"uen","name"}, got ${JSON.stringify(native.employer)}`);
  lookup(vocabulary.sectors, native.sector, 'sector', fail);

  return permitRecord(
    { country: 'SGP', registry: 'mom', typename: 'SgpWorkPermit' },
    {
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
    },
  );
}

export const momAdapter: AdapterFactory<SgpPermitRecord> = (client) => ({
  registry: momProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(momProfile),
  isNativeId: (id) => MOM_PASS_ID.test(id),

  async fetchByIds(ids) {
    const route = batchEndpoint(momProfile)!.route;
    const response = await client.request('/workpass/v1/passes:batchGet', { method: 'POST', route, json: { passIds: withinBatchLimit(ids, momProfile) }, idempotent: true });
    const natives = askedOnly(client, route, ids, listOf<MomRecord>(client, response, route, 'passes'), (native) => native.passId);
    return new Map([...natives].map(([id, native]) => [id, momToContract(native, client)]));
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
    return listOf<MomRecord>(client, response, route, 'passes').map((native) => momToContract(native, client));
  },

  async changesSince(since) {
    const route = 'GET /workpass/v1/changes';
    const response = await client.request('/workpass/v1/changes', { route, query: { since } });
    const changes = listOf<{ passId?: unknown; at?: unknown }>(client, response, route, 'changes').map((change): RegistryChange => {
      if (typeof change.passId !== 'string' || typeof change.at !== 'string' || Number.isNaN(Date.parse(change.at))) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a change that is not {"passId","at"}: ${JSON.stringify(change).slice(0, 200)}`);
      }
      return { nativeId: change.passId, changedAt: change.at };
    });
    // The kit wants the oldest first; the spec does not promise an order.
    return changes.sort((a, b) => Date.parse(a.changedAt) - Date.parse(b.changedAt));
  },
});
