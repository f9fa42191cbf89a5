// NSSA certificates (subgraphs/mmr/README.md). Contract: the batch endpoint takes at most 10
// numbers and answers with the records it knows, leaving unknown numbers out (the kit refuses a
// record for a number that was not asked). Holders are Myanmar nationals and the record has no
// nationality field, so every record is MMR and only MMR identities are asked about. NSSA hangs on
// some calls: the kit's client timeout ends them. The page-numbered search is the bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { listIn, nativeReader } from '../kit/nativeRecords.js';
import { nextPageNumber, pageNumberOf } from '../kit/bulkPaging.js';
import { iscoCodedOccupation } from '../kit/occupations.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import vocabulary from './nssaVocabulary.json' with { type: 'json' };
import type { NssaRecord } from './nssa.native.js';
import { nssaProfile } from './profiles.js';
import type { MmrCertification } from './types.js';

const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, string>;
const ISSUER = { name: 'National Skills Standards Authority', registrationNumber: null };

/** What the NSSA adapter reads: the shared fields and MmrCertification's own, declared once in types.ts. */
export type MmrCertificationFields = CertificationFields & CountryExtras<MmrCertification, Certification>;

export function readNssa(native: NssaRecord, client: Pick<RegistryClient, 'error'>): MmrCertificationFields {
  const { fail, date } = nativeReader(client, `certificate ${native.certNo}`, 'YYYY-MM-DD');
  const level = String(native.level);
  return {
    nativeId: native.certNo,
    holderName: native.nameEn,
    holderNationality: 'MMR',
    holderDocumentNumber: native.passportNo ?? null,
    holderDateOfBirth: date(native.dateOfBirth, 'dateOfBirth'),
    title: native.occupation,
    qualificationCode: null,
    nationalLevel: level,
    occupation: iscoCodedOccupation(native.iscoCode, native.occupation, fail),
    issuer: ISSUER,
    issuedOn: date(native.issueDate, 'issueDate'),
    validUntil: date(native.expiryDate, 'expiryDate'),
    status: lookup(STATUS, native.status, 'status', fail),
    nativeStatus: native.status,
    nameMy: native.nameMy,
    nssaLevel: native.level,
    levelName: lookup(LEVELS, level, 'level', fail),
    assessmentCentre: native.assessmentCentre,
  };
}

export const nssaAdapter = defineAdapter<NssaRecord, MmrCertificationFields>({
  profile: nssaProfile,
  idsOf: (native) => [native.certNo],
  read: readNssa,
  connect: (client) => ({
    async fetchByIds(numbers) {
      const route = 'POST /nssa/v1/certificates/batch';
      const response = await client.request('/nssa/v1/certificates/batch', { method: 'POST', route, json: { certNos: numbers }, idempotent: true });
      return listIn<NssaRecord>(client, response, route, 'records');
    },

    async findByHolder(identity) {
      // NSSA certifies Myanmar nationals only: anyone else has no NSSA record, and the slow registry is spared the call.
      if (identity.nationality !== 'MMR') return [];
      const route = 'GET /nssa/v1/certificates?passportNo';
      const response = await client.request('/nssa/v1/certificates', { route, query: { passportNo: identity.documentNumber } });
      return listIn<NssaRecord>(client, response, route, 'records');
    },

    async listPage(cursor, options = {}) {
      const route = nssaProfile.bulk!.route;
      const page = pageNumberOf(cursor, 1);
      const size = nssaProfile.bulk!.pageSize;
      const response = await client.request('/nssa/v1/certificates/search', { route, query: { page, size, from: options.issuedSince } });
      const records = listIn<NssaRecord>(client, response, route, 'records');
      return { records, next: nextPageNumber(page, 1, records.length, size, client.json<{ total?: unknown }>(response, route).total) };
    },
  }),
});
