import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { askedOnly, nativeReader } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './imiVocabulary.json' with { type: 'json' };
import { IMI_PASS_NO, type ImiChange, type ImiRecord } from './imi.native.js';
import { imiProfile } from './profiles.js';
import { occupationFromMasco } from './masco.js';
import { imiBody } from './nativeApi.js';

/**
 * Immigration Department passes. Contract: `passes:batchGet` takes at most 25 numbers and accounts
 * for every one, in `passes` or in `missing`; an answer that leaves a number out, or holds a pass
 * that was not asked, is a protocol error. `sector` is given for PLKS and only for PLKS. The
 * change feed (`GET /v2/changes`) lets the record cache drop passes before their TTL runs out.
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_PASS_TYPE = vocabulary.permitClassByPassType as Record<string, PermitClass>;
const SECTORS = vocabulary.sectors as Record<string, string>;

export type MysPermitRecord = PermitRecord & { passType: string; sectorDescription: string | null; salaryBand: string };

export function imiToContract(native: ImiRecord, client: Pick<RegistryClient, 'error'>): MysPermitRecord {
  const { fail, date } = nativeReader(client, `pass ${native.passNo}`, 'YYYY-MM-DD');
  const shapeless = (['holder', 'employer', 'occupation'] as const).find((part) => typeof native[part] !== 'object' || native[part] === null);
  if (shapeless) throw fail(`${shapeless}: expected an object, got ${JSON.stringify(native[shapeless])}`);
  if (!isAlpha3(native.holder.nationality)) throw fail(`holder.nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.holder.nationality)}`);
  const permitClass = lookup(CLASS_BY_PASS_TYPE, native.passType, 'passType', fail);
  // Only PLKS workers are admitted to a sector; a sector on any other pass, or a PLKS without one, breaks the specification.
  if (native.passType === 'PLKS' && native.sector === null) throw fail('sector: a PLKS pass must name its sector');
  if (native.passType !== 'PLKS' && native.sector !== null) throw fail(`sector: only PLKS passes have one, got ${JSON.stringify(native.sector)} on ${native.passType}`);
  const sectorDescription = native.sector === null ? null : lookup(SECTORS, native.sector, 'sector', fail);
  const occupation = occupationFromMasco(native.occupation.masco, native.occupation.title);
  if (!occupation) throw fail(`occupation.masco: expected a MASCO 2020 code as NNNN-NN, got ${JSON.stringify(native.occupation.masco)}`);

  return permitRecord(
    { country: 'MYS', registry: 'imi', typename: 'MysWorkPermit' },
    {
      nativeId: native.passNo,
      holderName: native.holder.name,
      holderNationality: native.holder.nationality,
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
      sector: native.sector,
      passType: native.passType,
      sectorDescription,
      salaryBand: native.salaryBand,
    },
  );
}

export const imiAdapter: AdapterFactory<MysPermitRecord> = (client) => ({
  registry: imiProfile.key,
  kind: 'PERMIT',
  batchLimit: legacyBatchLimit(imiProfile),
  isNativeId: (id) => IMI_PASS_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length > idsPerCall(imiProfile)) throw new Error(`IMI passes:batchGet takes at most ${legacyBatchLimit(imiProfile)} numbers, got ${numbers.length}`);
    const asked = [...new Set(numbers)];
    const route = 'POST /v2/passes:batchGet';
    const response = await client.request('/v2/passes:batchGet', { method: 'POST', route, json: { passNos: asked }, idempotent: true });
    const body = imiBody<{ passes?: unknown; missing?: unknown }>(client, response, route);
    if (!Array.isArray(body.passes) || !Array.isArray(body.missing)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without the "passes" and "missing" lists`);
    const natives = askedOnly(client, route, asked, body.passes as ImiRecord[], (native) => native.passNo);
    const records = new Map([...natives].map(([passNo, native]) => [passNo, imiToContract(native, client)]));
    const missing = new Set(body.missing as unknown[]);
    const unaccounted = asked.filter((passNo) => !records.has(passNo) && !missing.has(passNo));
    if (unaccounted.length > 0) {
      throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} returned ${records.size} passes and ${missing.size} missing for ${asked.length} numbers, saying nothing of ${unaccounted.join(', ')}`);
    }
    return records;
  },

  async findByHolder(identity) {
    const route = 'GET /v2/passes?passportNo';
    const response = await client.request('/v2/passes', { route, query: { passportNo: identity.documentNumber, nationality: identity.nationality } });
    const body = imiBody<{ passes?: unknown }>(client, response, route);
    if (!Array.isArray(body.passes)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a "passes" list`);
    return (body.passes as ImiRecord[]).map((native) => imiToContract(native, client));
  },

  async changesSince(since) {
    const route = 'GET /v2/changes';
    const response = await client.request('/v2/changes', { route, query: { since } });
    const body = imiBody<{ changes?: unknown }>(client, response, route);
    if (!Array.isArray(body.changes)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a "changes" list`);
    const changes = (body.changes as Partial<ImiChange>[]).map((change) => {
      if (typeof change?.passNo !== 'string' || typeof change.changedAt !== 'string' || Number.isNaN(Date.parse(change.changedAt))) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a change that is not {"passNo","changedAt": ISO instant}: ${JSON.stringify(change).slice(0, 200)}`);
      }
      return { nativeId: change.passNo, changedAt: change.changedAt };
    });
    // The kit wants the oldest first; the specification does not promise an order.
    return changes.sort((a, b) => Date.parse(a.changedAt) - Date.parse(b.changedAt));
  },
});
