import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { askedOnly, nativeReader } from '../kit/nativeRecords.js';
import vocabulary from './nssaVocabulary.json' with { type: 'json' };
import { NSSA_CERT_NO, type NssaRecord } from './nssa.native.js';
import { nssaProfile } from './profiles.js';
import { recordsOf } from './nativeApi.js';

/**
 * NSSA certificates. Contract: the batch endpoint takes at most 10 numbers and answers with the
 * records it knows, leaving unknown numbers out; a record for a number that was not asked is a
 * protocol error, never silently kept. Holders are Myanmar nationals and the record has no
 * nationality field, so every record is MMR and only MMR identities are asked about.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, string>;
const ISSUER = { name: 'National Skills Standards Authority', registrationNumber: null };

export type MmrCertificationRecord = CertificationRecord & {
  nameMy: string;
  nssaLevel: number;
  levelName: string;
  assessmentCentre: string;
};

export function nssaToContract(native: NssaRecord, client: Pick<RegistryClient, 'error'>): MmrCertificationRecord {
  const { fail, date, iscoOccupation } = nativeReader(client, `certificate ${native.certNo}`, 'YYYY-MM-DD');
  const occupation = iscoOccupation(native.iscoCode, native.occupation);
  const level = String(native.level);

  return certificationRecord(
    { country: 'MMR', registry: 'nssa', typename: 'MmrCertification' },
    {
      nativeId: native.certNo,
      holderName: native.nameEn,
      holderNationality: 'MMR',
      holderDocumentNumber: native.passportNo,
      holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
      title: native.occupation,
      qualificationCode: null,
      nationalLevel: level,
      occupation,
      issuer: ISSUER,
      issuedOn: date(native.issueDate, 'issueDate'),
      validUntil: date(native.expiryDate, 'expiryDate'),
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      nameMy: native.nameMy,
      nssaLevel: native.level,
      levelName: lookup(LEVELS, level, 'level', fail),
      assessmentCentre: native.assessmentCentre,
    },
  );
}

export const nssaAdapter: AdapterFactory<MmrCertificationRecord> = (client) => ({
  registry: nssaProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(nssaProfile),
  isNativeId: (id) => NSSA_CERT_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length > idsPerCall(nssaProfile)) throw new Error(`NSSA batch takes at most ${legacyBatchLimit(nssaProfile)} numbers, got ${numbers.length}`);
    const route = 'POST /nssa/v1/certificates/batch';
    const response = await client.request('/nssa/v1/certificates/batch', { method: 'POST', route, json: { certNos: numbers }, idempotent: true });
    const natives = askedOnly(client, route, numbers, recordsOf<NssaRecord>(client, response, route), (native) => native.certNo);
    return new Map([...natives].map(([certNo, native]) => [certNo, nssaToContract(native, client)]));
  },

  async findByHolder(identity) {
    // NSSA certifies Myanmar nationals only: anyone else has no NSSA record, and the slow registry is spared the call.
    if (identity.nationality !== 'MMR') return [];
    const route = 'GET /nssa/v1/certificates?passportNo';
    const response = await client.request('/nssa/v1/certificates', { route, query: { passportNo: identity.documentNumber } });
    return recordsOf<NssaRecord>(client, response, route).map((native) => nssaToContract(native, client));
  },
});
