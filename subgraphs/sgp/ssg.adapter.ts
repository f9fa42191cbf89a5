// SSG WSQ credentials (subgraphs/sgp/README.md). Contract: `POST /v1/credentials/query` takes at
// most 200 ids and answers the credentials it knows, leaving unknown ids out (the kit refuses a
// credential that was not asked for). Credentials never expire (`validUntil` null) and `revoked`
// is the only other state. The holder's NRIC or FIN must pass the published checksum and reaches
// GraphQL only masked. The cursor-paged listing (`GET /v1/credentials`) is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './ssgVocabulary.json' with { type: 'json' };
import type { SsgRecord } from './ssg.native.js';
import { ssgProfile } from './profiles.js';
import { holderDocument, listOf, nextCursorOf, pageOf, singaporeReader } from './nativeApi.js';
import { maskSingaporeId, singaporeIdType } from './singaporeId.js';
import type { SgpCertification } from './types.js';

const REVOKED = vocabulary.revoked as Record<string, CertificationStatus>;
const ISSUER = { name: 'SkillsFuture Singapore', registrationNumber: null };

/** What the SSG adapter reads: the shared fields and SgpCertification's own, declared once in types.ts. */
export type SgpCertificationFields = CertificationFields & CountryExtras<SgpCertification, Certification>;

export function readSsg(native: SsgRecord, client: Pick<RegistryClient, 'error'>): SgpCertificationFields {
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

  return {
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
  };
}

export const ssgAdapter = defineAdapter<SsgRecord, SgpCertificationFields>({
  profile: ssgProfile,
  idsOf: (native) => [native.credentialId],
  read: readSsg,
  connect: (client) => ({
    async fetchByIds(credentialIds) {
      const route = 'POST /v1/credentials/query';
      const response = await client.request('/v1/credentials/query', { method: 'POST', route, json: { credentialIds }, idempotent: true });
      return listOf<SsgRecord>(client, response, route, 'credentials');
    },

    async findByHolder(identity) {
      const document = holderDocument(identity, client);
      const route = 'POST /v1/credentials/by-holder';
      const json =
        document.kind === 'PASSPORT'
          ? { idType: 'PASSPORT', idNumber: document.passportNo, nationality: document.nationality }
          : { idType: document.kind, idNumber: document.idNumber };
      const response = await client.request('/v1/credentials/by-holder', { method: 'POST', route, json, idempotent: true });
      return listOf<SsgRecord>(client, response, route, 'credentials');
    },

    async listPage(cursor, options = {}) {
      const route = 'GET /v1/credentials';
      const response = await client.request('/v1/credentials', { route, query: { cursor: cursor ?? undefined, limit: ssgProfile.bulk!.pageSize, issuedFrom: options.issuedSince } });
      const { list, body } = pageOf<SsgRecord>(client, response, route, 'credentials');
      return { records: list, next: nextCursorOf(client, body, route) };
    },
  }),
});
