import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './ssgVocabulary.json' with { type: 'json' };
import { SSG_CREDENTIAL_ID, type SsgRecord } from './ssg.native.js';
import { ssgProfile } from './profiles.js';
import { holderDocument, listOf } from './nativeApi.js';
import { maskSingaporeId, singaporeIdProblem, singaporeIdType } from './singaporeId.js';

/**
 * SSG WSQ credentials. Contract: `POST /v1/credentials/query` takes at most 200 ids and answers
 * the credentials it knows, leaving unknown ids out; a credential that was not asked for is a
 * protocol error. Credentials never expire (`validUntil` null) and `revoked` is the only other
 * state. The holder's NRIC or FIN must pass the published checksum and leaves only masked.
 */
const REVOKED = vocabulary.revoked as Record<string, CertificationStatus>;
const ISSUER = { name: 'SkillsFuture Singapore', registrationNumber: null };

export type SgpCertificationRecord = CertificationRecord & {
  credentialType: string;
  levelName: string;
  frameworkSector: string;
  trainingProvider: string;
  opencertsMerkleRoot: string;
  holderIdType: string;
  holderIdMasked: string;
};

export function ssgToContract(native: SsgRecord, client: Pick<RegistryClient, 'error'>): SgpCertificationRecord {
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `credential ${native.credentialId}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, 'YYYY-MM-DD');
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  const { holder } = native;
  if (!holder || typeof holder !== 'object') throw fail('no holder object');
  if (!isAlpha3(holder.nationality)) throw fail(`holder.nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(holder.nationality)}`);
  lookup(vocabulary.idTypes, holder.idType, 'holder.idType', fail);
  const idProblem = singaporeIdProblem(holder.idNumber);
  if (idProblem) throw fail(`holder.idNumber: ${idProblem}`);
  if (singaporeIdType(holder.idNumber) !== holder.idType) throw fail(`holder.idNumber is an ${singaporeIdType(holder.idNumber)}, but idType says ${holder.idType}`);
  lookup(vocabulary.types, native.type, 'type', fail);
  if (!/^\d{5}$/.test(native.ssocCode)) throw fail(`ssocCode: expected an SSOC 2024 code of 5 digits, got ${JSON.stringify(native.ssocCode)}`);

  return certificationRecord(
    { country: 'SGP', registry: 'ssg', typename: 'SgpCertification' },
    {
      nativeId: native.credentialId,
      holderName: holder.name,
      holderNationality: holder.nationality,
      holderDocumentNumber: holder.passportNo,
      holderDateOfBirth: date(holder.dateOfBirth, 'holder.dateOfBirth'),
      title: native.title,
      qualificationCode: native.qualificationCode,
      nationalLevel: native.level,
      occupation: { isco: native.ssocCode.slice(0, 4), national: native.ssocCode, scheme: 'SSOC 2024', title: null },
      issuer: ISSUER,
      issuedOn: date(native.issuedOn, 'issuedOn'),
      validUntil: null,
      status: lookup(REVOKED, String(native.revoked), 'revoked value', fail),
      nativeStatus: `revoked: ${native.revoked}`,
      credentialType: native.type,
      levelName: lookup(vocabulary.levels, native.level, 'level', fail),
      frameworkSector: native.frameworkSector,
      trainingProvider: native.trainingProvider,
      opencertsMerkleRoot: native.opencertsMerkleRoot,
      holderIdType: holder.idType,
      holderIdMasked: maskSingaporeId(holder.idNumber),
    },
  );
}

export const ssgAdapter: AdapterFactory<SgpCertificationRecord> = (client) => ({
  registry: ssgProfile.key,
  kind: 'CERT',
  batchLimit: ssgProfile.batchLimit,
  isNativeId: (id) => SSG_CREDENTIAL_ID.test(id),

  async fetchByIds(ids) {
    if (ids.length > ssgProfile.batchLimit!) throw new Error(`SSG query takes at most ${ssgProfile.batchLimit} credential ids, got ${ids.length}`);
    const route = ssgProfile.batchRoute!;
    const response = await client.request('/v1/credentials/query', { method: 'POST', route, json: { credentialIds: ids }, idempotent: true });
    const asked = new Set(ids);
    const records = new Map<string, SgpCertificationRecord>();
    for (const native of listOf<SsgRecord>(client, response, route, 'credentials')) {
      if (!asked.has(native.credentialId)) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `SSG query returned credential ${JSON.stringify(native.credentialId)}, which was not among the ${ids.length} ids asked`);
      }
      records.set(native.credentialId, ssgToContract(native, client));
    }
    return records;
  },

  async findByHolder(identity) {
    const document = holderDocument(identity, client);
    const route = 'POST /v1/credentials/by-holder';
    const json =
      document.kind === 'PASSPORT'
        ? { idType: 'PASSPORT', idNumber: document.passportNo, nationality: document.nationality }
        : { idType: document.kind, idNumber: document.idNumber };
    const response = await client.request('/v1/credentials/by-holder', { method: 'POST', route, json, idempotent: true });
    return listOf<SsgRecord>(client, response, route, 'credentials').map((native) => ssgToContract(native, client));
  },
});
