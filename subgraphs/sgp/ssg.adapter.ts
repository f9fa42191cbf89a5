import { batchEndpoint, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { askedOnly, withinBatchLimit } from '../kit/nativeRecords.js';
import vocabulary from './ssgVocabulary.json' with { type: 'json' };
import { SSG_CREDENTIAL_ID, type SsgRecord } from './ssg.native.js';
import { ssgProfile } from './profiles.js';
import { holderDocument, listOf, singaporeReader } from './nativeApi.js';
import { maskSingaporeId, singaporeIdType } from './singaporeId.js';

/**
 * SSG WSQ credentials. Contract: `POST /v1/credentials/query` takes at most 200 ids and answers
 * the credentials it knows, leaving unknown ids out; a credential that was not asked for is a
 * protocol error. Credentials never expire (`validUntil` null) and `revoked` is the only other
 * state. The holder's NRIC or FIN must pass the published checksum and reaches GraphQL only masked.
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
  const read = singaporeReader(client, `credential ${native.credentialId}`);
  const { fail, date } = read;
  const { holder } = native;
  if (!holder || typeof holder !== 'object') throw fail('no holder object');
  const nationality = read.alpha3(holder.nationality, 'holder.nationality');
  lookup(vocabulary.idTypes, holder.idType, 'holder.idType', fail);
  const idNumber = read.singaporeId(holder.idNumber, 'holder.idNumber');
  if (singaporeIdType(idNumber) !== holder.idType) throw fail(`holder.idNumber is an ${singaporeIdType(idNumber)}, but idType says ${holder.idType}`);
  lookup(vocabulary.types, native.type, 'type', fail);
  const occupation = read.occupation(native.ssocCode);

  return certificationRecord(
    { country: 'SGP', registry: 'ssg', typename: 'SgpCertification' },
    {
      nativeId: native.credentialId,
      holderName: holder.name,
      holderNationality: nationality,
      holderDocumentNumber: holder.passportNo,
      // SSG links the holder's NRIC or FIN to the credential; identity matching may use it, GraphQL never sees it (only holderIdMasked).
      holderOtherDocumentNumbers: [idNumber],
      holderDateOfBirth: date(holder.dateOfBirth, 'holder.dateOfBirth'),
      title: native.title,
      qualificationCode: native.qualificationCode,
      nationalLevel: native.level,
      occupation,
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
      holderIdMasked: maskSingaporeId(idNumber),
    },
  );
}

export const ssgAdapter: AdapterFactory<SgpCertificationRecord> = (client) => ({
  registry: ssgProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(ssgProfile),
  isNativeId: (id) => SSG_CREDENTIAL_ID.test(id),

  async fetchByIds(ids) {
    const route = batchEndpoint(ssgProfile)!.route;
    const response = await client.request('/v1/credentials/query', { method: 'POST', route, json: { credentialIds: withinBatchLimit(ids, ssgProfile) }, idempotent: true });
    const natives = askedOnly(client, route, ids, listOf<SsgRecord>(client, response, route, 'credentials'), (native) => native.credentialId);
    return new Map([...natives].map(([id, native]) => [id, ssgToContract(native, client)]));
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
