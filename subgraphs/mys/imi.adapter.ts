// Immigration Department passes (subgraphs/mys/README.md). Contract: `passes:batchGet` takes at
// most 25 numbers and accounts for every one, in `passes` or in `missing` (the kit checks that
// nothing is unaccounted for and nothing unasked is answered). `sector` is given for PLKS and only
// for PLKS. The change feed (`GET /v2/changes`) lets the record cache drop passes before their TTL
// runs out; the token-paged search (`GET /v2/passes:search`) is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import { changeEntries, nativeReader } from '../kit/nativeRecords.js';
import vocabulary from './imiVocabulary.json' with { type: 'json' };
import type { ImiRecord } from './imi.native.js';
import { imiProfile } from './profiles.js';
import { occupationFromMasco } from './masco.js';
import { imiBody } from './nativeApi.js';
import type { MysWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_PASS_TYPE = vocabulary.permitClassByPassType as Record<string, PermitClass>;
const SECTORS = vocabulary.sectors as Record<string, string>;

/** What the IMI adapter reads: the shared fields and MysWorkPermit's own, declared once in types.ts. */
export type MysPermitFields = PermitFields & CountryExtras<MysWorkPermit, WorkPermit>;

export function readImi(native: ImiRecord, client: Pick<RegistryClient, 'error'>): MysPermitFields {
  const { fail, date, alpha3 } = nativeReader(client, `pass ${native.passNo}`, 'YYYY-MM-DD');
  const shapeless = (['holder', 'employer', 'occupation'] as const).find((part) => typeof native[part] !== 'object' || native[part] === null);
  if (shapeless) throw fail(`${shapeless}: expected an object, got ${JSON.stringify(native[shapeless])}`);
  const permitClass = lookup(CLASS_BY_PASS_TYPE, native.passType, 'passType', fail);
  // Only PLKS workers are admitted to a sector; a sector on any other pass, or a PLKS without one, breaks the specification.
  const sector = native.sector ?? null;
  if (native.passType === 'PLKS' && sector === null) throw fail('sector: a PLKS pass must name its sector');
  if (native.passType !== 'PLKS' && sector !== null) throw fail(`sector: only PLKS passes have one, got ${JSON.stringify(sector)} on ${native.passType}`);
  const sectorDescription = sector === null ? null : lookup(SECTORS, sector, 'sector', fail);
  const occupation = occupationFromMasco(native.occupation.masco, native.occupation.title);
  if (!occupation) throw fail(`occupation.masco: expected a MASCO 2020 code whose first four digits are the ISCO-08 unit group, got ${JSON.stringify(native.occupation.masco)}`);

  return {
    nativeId: native.passNo,
    holderName: native.holder.name,
    holderNationality: alpha3(native.holder.nationality, 'holder.nationality'),
    holderDocumentNumber: native.holder.passportNo,
    holderDateOfBirth: date(native.holder.dateOfBirth, 'holder.dateOfBirth'),
    permitClass,
    nativeType: native.passType,
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    validFrom: date(native.issueDate, 'issueDate'),
    validUntil: date(native.expiryDate, 'expiryDate'),
    employer: { name: native.employer.name, registrationNumber: native.employer.ssmNo },
    occupation,
    sector,
    passType: native.passType,
    sectorDescription,
    salaryBand: native.salaryBand,
  };
}

/** The list under `key` of a 200 IMI answer, or a protocol error naming the route. */
function listOf<T>(body: Record<string, unknown>, key: string, client: RegistryClient, route: string): T[] {
  const list = body[key];
  if (!Array.isArray(list)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a "${key}" list`);
  return list as T[];
}

export const imiAdapter = defineAdapter<ImiRecord, MysPermitFields>({
  profile: imiProfile,
  idsOf: (native) => [native.passNo],
  read: readImi,
  connect: (client) => ({
    async fetchByIds(passNos) {
      const route = 'POST /v2/passes:batchGet';
      const response = await client.request('/v2/passes:batchGet', { method: 'POST', route, json: { passNos }, idempotent: true });
      const body = imiBody<{ passes?: unknown; missing?: unknown }>(client, response, route);
      if (!Array.isArray(body.passes) || !Array.isArray(body.missing)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without the "passes" and "missing" lists`);
      return { records: body.passes as ImiRecord[], notFound: (body.missing as unknown[]).filter((n): n is string => typeof n === 'string') };
    },

    async findByHolder(identity) {
      const route = 'GET /v2/passes?passportNo';
      const response = await client.request('/v2/passes', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
      return listOf<ImiRecord>(imiBody(client, response, route), 'passes', client, route);
    },

    async listPage(cursor, options = {}) {
      const route = 'GET /v2/passes:search';
      const response = await client.request('/v2/passes:search', { route, query: { pageToken: cursor ?? undefined, pageSize: imiProfile.bulk!.pageSize, issuedFrom: options.issuedSince } });
      const body = imiBody<Record<string, unknown>>(client, response, route);
      const next = body.nextPageToken;
      if (next !== null && next !== undefined && (typeof next !== 'string' || next === '')) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a nextPageToken that is neither a token nor null`);
      return { records: listOf<ImiRecord>(body, 'passes', client, route), next: typeof next === 'string' ? next : null };
    },

    async changesSince(since) {
      const route = 'GET /v2/changes';
      const response = await client.request('/v2/changes', { route, query: { since } });
      // The kit wants the oldest first; the specification does not promise an order (changeEntries sorts).
      return changeEntries(client, route, listOf(imiBody(client, response, route), 'changes', client, route), 'passNo', 'changedAt');
    },
  }),
});
