import type { AdapterFactory, RegistryChange } from '../../schema/kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './momVocabulary.json' with { type: 'json' };
import { MOM_PASS_ID, type MomEnquiry, type MomRecord } from './mom.native.js';
import { momProfile } from './profiles.js';
import { codeOf, holderDocument, listOf } from './nativeApi.js';
import { maskSingaporeId, singaporeIdProblem } from './singaporeId.js';

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
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `pass ${native.passId}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, 'YYYY-MM-DD');
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  if (!isAlpha3(native.nationality)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.nationality)}`);
  const finProblem = singaporeIdProblem(native.fin);
  if (finProblem) throw fail(`fin: ${finProblem}`);
  if (!/^\d{5}$/.test(native.ssocCode)) throw fail(`ssocCode: expected an SSOC 2024 code of 5 digits, got ${JSON.stringify(native.ssocCode)}`);
  if (typeof native.employer?.name !== 'string' || typeof native.employer.uen !== 'string') throw fail(`employer: expected {"uen","name"}, got ${JSON.stringify(native.employer)}`);
  lookup(vocabulary.sectors, native.sector, 'sector', fail);

  return permitRecord(
    { country: 'SGP', registry: 'mom', typename: 'SgpWorkPermit' },
    {
      nativeId: native.passId,
      holderName: native.holderName,
      holderNationality: native.nationality,
      holderDocumentNumber: native.passportNo,
      holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
      permitClass: lookup(CLASS, native.passType, 'passType', fail),
      nativeType: native.passType,
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      validFrom: date(native.issueDate, 'issueDate'),
      validUntil: date(native.expiryDate, 'expiryDate'),
      // Households employ domestic workers and have no UEN: MOM leaves it empty.
      employer: { name: native.employer.name, registrationNumber: native.employer.uen === '' ? null : native.employer.uen },
      occupation: { isco: native.ssocCode.slice(0, 4), national: native.ssocCode, scheme: 'SSOC 2024', title: null },
      sector: native.sector,
      passType: native.passType,
      passTypeName: lookup(vocabulary.passTypes, native.passType, 'passType', fail),
      monthlySalaryBand: native.monthlySalaryBand,
      holderIdMasked: maskSingaporeId(native.fin),
    },
  );
}

export const momAdapter: AdapterFactory<SgpPermitRecord> = (client) => ({
  registry: momProfile.key,
  kind: 'PERMIT',
  batchLimit: momProfile.batchLimit,
  isNativeId: (id) => MOM_PASS_ID.test(id),

  async fetchByIds(ids) {
    if (ids.length > momProfile.batchLimit!) throw new Error(`MOM batchGet takes at most ${momProfile.batchLimit} pass ids, got ${ids.length}`);
    const route = momProfile.batchRoute!;
    const response = await client.request('/workpass/v1/passes:batchGet', { method: 'POST', route, json: { passIds: ids }, idempotent: true });
    const asked = new Set(ids);
    const records = new Map<string, SgpPermitRecord>();
    for (const native of listOf<MomRecord>(client, response, route, 'passes')) {
      if (!asked.has(native.passId)) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `MOM batchGet returned pass ${JSON.stringify(native.passId)}, which was not among the ${ids.length} ids asked`);
      }
      records.set(native.passId, momToContract(native, client));
    }
    return records;
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
