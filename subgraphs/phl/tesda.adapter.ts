import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { askedOnly, nativeReader } from '../kit/nativeRecords.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './tesdaVocabulary.json' with { type: 'json' };
import { TESDA_CERTIFICATE_NUMBER, type TesdaContent, type TesdaRecord } from './tesda.native.js';
import { tesdaProfile } from './profiles.js';
import { psocOccupation } from './psoc.js';

/**
 * TESDA National Certificates. Contract: one `GET /rcw/certificates?ids=` call takes at most 40
 * numbers and leaves unknown ones out; a record for a number that was not asked is a protocol
 * error. Dates are month first (MM/DD/YYYY). Holders are Filipino unless the record carries a
 * `nationality`; records without a passport cannot be found by document (see README).
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const NC_LEVELS = vocabulary.ncLevels as Record<string, string>;
const ISSUER = { name: 'Technical Education and Skills Development Authority', registrationNumber: null };

export type PhlCertificationRecord = CertificationRecord & {
  ncLevel: string;
  levelName: string;
  sector: string;
  assessmentCenter: string;
};

export function tesdaToContract(native: TesdaRecord, client: Pick<RegistryClient, 'error'>): PhlCertificationRecord {
  const { fail, date } = nativeReader(client, `certificate ${native.certificateNumber}`, 'MM/DD/YYYY');
  const occupation = psocOccupation(native.psocCode, null, fail);
  // The key is present only for non-Filipino holders (subgraphs/phl/README.md).
  const nationality = native.nationality ?? 'PHL';
  if (!isAlpha3(nationality)) throw fail(`nationality: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.nationality)}`);

  return certificationRecord(
    { country: 'PHL', registry: 'tesda', typename: 'PhlCertification' },
    {
      nativeId: native.certificateNumber,
      // Philippine official order: surname, then given names and middle name.
      holderName: `${native.lastName}, ${[native.firstName, native.middleName].filter(Boolean).join(' ')}`,
      holderNationality: nationality,
      holderDocumentNumber: native.passportNo,
      holderDateOfBirth: date(native.birthDate, 'birthDate'),
      title: native.qualificationTitle,
      qualificationCode: native.qualificationCode,
      nationalLevel: native.ncLevel,
      occupation,
      issuer: ISSUER,
      issuedOn: date(native.dateIssued, 'dateIssued'),
      validUntil: date(native.validUntil, 'validUntil'),
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      ncLevel: native.ncLevel,
      levelName: lookup(NC_LEVELS, native.ncLevel, 'ncLevel', fail),
      sector: native.sector,
      assessmentCenter: native.assessmentCenter,
    },
  );
}

/** A 200 `{"content":[…]}` answer, or REGISTRY_PROTOCOL_ERROR naming the route and TESDA's message. */
function contentOf(client: RegistryClient, response: RegistryResponse, route: string): TesdaRecord[] {
  if (response.status !== 200) {
    const message = response.status === 400 ? client.json<{ message?: unknown }>(response, route).message : undefined;
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${typeof message === 'string' ? message : response.text.slice(0, 200)}`);
  }
  const body = client.json<Partial<TesdaContent>>(response, route);
  if (!Array.isArray(body.content)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a content list`);
  return body.content;
}

export const tesdaAdapter: AdapterFactory<PhlCertificationRecord> = (client) => ({
  registry: tesdaProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(tesdaProfile),
  isNativeId: (id) => TESDA_CERTIFICATE_NUMBER.test(id),

  async fetchByIds(numbers) {
    if (numbers.length > idsPerCall(tesdaProfile)) throw new Error(`TESDA batch takes at most ${legacyBatchLimit(tesdaProfile)} numbers, got ${numbers.length}`);
    const route = 'GET /rcw/certificates?ids';
    const response = await client.request('/rcw/certificates', { route, query: { ids: numbers.join(',') } });
    const natives = askedOnly(client, route, numbers, contentOf(client, response, route), (native) => native.certificateNumber);
    return new Map([...natives].map(([number, native]) => [number, tesdaToContract(native, client)]));
  },

  async findByHolder(identity) {
    // Any nationality is asked: foreign holders exist (the `nationality` key), and the kit keeps exact matches only.
    const route = 'GET /rcw/holders?passportNo';
    const response = await client.request('/rcw/holders', { route, query: { passportNo: identity.documentNumber } });
    return contentOf(client, response, route).map((native) => tesdaToContract(native, client));
  },
});
