import { legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { fetchOnlyRecord, nativeReader, type OneRecordRoute } from '../kit/nativeRecords.js';
import vocabulary from './nvqfVocabulary.json' with { type: 'json' };
import { NVQF_CERT_NO, NVQF_DATE_FORMAT, type NvqfRecord } from './nvqf.native.js';
import { nvqfProfile } from './profiles.js';
import { nationalityOf } from './nativeFields.js';

/**
 * NVQF certificates. Contract: there is no batch endpoint, so `fetchByIds` takes exactly one
 * certificate number (the kit paces the single calls at the registry's 3 a second); a 404 must
 * carry `{"message":"not found"}`. Certificates do not expire (`validUntil` is null) and
 * `valid: false` means withdrawn, which is REVOKED.
 */
const STATUS = vocabulary.valid as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, string>;
const NVQF_CERTIFICATE: OneRecordRoute<NvqfRecord> = { route: 'GET /nvqf/cert/{certNo}', notFound: { message: 'not found' }, what: 'certificate', name: 'NVQF', idOf: (native) => native.certNo };
// The register is kept under the TVET law's framework, which the two ministries run together.
const ISSUER = { name: 'Ministry of Education and Sports and Ministry of Labour and Social Welfare (NVQF)', registrationNumber: null };

export type LaoCertificationRecord = CertificationRecord & {
  nameLao: string;
  nvqfLevel: string;
  levelName: string;
  college: string;
};

export function nvqfToContract(native: NvqfRecord, client: Pick<RegistryClient, 'error'>): LaoCertificationRecord {
  const { fail, date, iscoOccupation } = nativeReader(client, `certificate ${native.certNo}`, NVQF_DATE_FORMAT);
  const holderNationality = nationalityOf(native.nationality, fail);
  const occupation = iscoOccupation(native.iscoCode, native.qualification, 'iscoCode');
  if (typeof native.valid !== 'boolean') throw fail(`valid: expected true or false, got ${JSON.stringify(native.valid)}`);

  return certificationRecord(
    { country: 'LAO', registry: 'nvqf', typename: 'LaoCertification' },
    {
      nativeId: native.certNo,
      holderName: native.nameLatin,
      holderNationality,
      holderDocumentNumber: native.passport,
      holderDateOfBirth: date(native.dob, 'dob'),
      title: native.qualification,
      qualificationCode: null,
      nationalLevel: native.level,
      occupation,
      issuer: ISSUER,
      issuedOn: date(native.issued, 'issued'),
      validUntil: null,
      status: lookup(STATUS, String(native.valid), 'valid flag', fail),
      nativeStatus: `valid: ${native.valid}`,
      nameLao: native.nameLao,
      nvqfLevel: native.level,
      levelName: lookup(LEVELS, native.level, 'level', fail),
      college: native.college,
    },
  );
}

/** A non-200 answer that is neither the registry's not-found nor anything else it publishes. */
function unexpected(client: RegistryClient, response: RegistryResponse, route: string): Error {
  return client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
}

export const nvqfAdapter: AdapterFactory<LaoCertificationRecord> = (client) => ({
  registry: nvqfProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(nvqfProfile),
  isNativeId: (id) => NVQF_CERT_NO.test(id),

  fetchByIds: (numbers) => fetchOnlyRecord(client, numbers, NVQF_CERTIFICATE, nvqfToContract),

  async findByHolder(identity) {
    const route = 'GET /nvqf/cert?passport&nationality';
    const response = await client.request('/nvqf/cert', { route, query: { passport: identity.documentNumber, nationality: identity.nationality } });
    if (response.status !== 200) throw unexpected(client, response, route);
    const body = client.json<{ certs?: unknown }>(response, route);
    if (!Array.isArray(body.certs)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a certs list`);
    return (body.certs as NvqfRecord[]).map((native) => nvqfToContract(native, client));
  },
});
