// NVQF certificates (subgraphs/lao/README.md). No batch endpoint: the kit gives `fetchByIds` one
// certificate number per call and paces the calls at the registry's 3 a second; a 404 must carry
// `{"message":"not found"}`. Certificates do not expire (`validUntil` is null) and `valid: false`
// means withdrawn, which is REVOKED. NVQF publishes no search, so it has no bulk interface.
import { defineAdapter } from '../kit/adapter.js';
import { lookup, type CertificationFields, type CountryExtras } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { Certification, CertificationStatus } from '../../schema/contract/index.js';
import { fetchOneNative, listIn, nativeReader, type OneRecordRoute } from '../kit/nativeRecords.js';
import vocabulary from './nvqfVocabulary.json' with { type: 'json' };
import { NVQF_DATE_FORMAT, type NvqfRecord } from './nvqf.native.js';
import { nvqfProfile } from './profiles.js';
import { nationalityOf } from './nativeFields.js';
import type { LaoCertification } from './types.js';

const STATUS = vocabulary.valid as Record<string, CertificationStatus>;
const LEVELS = vocabulary.levels as Record<string, string>;
const NVQF_CERTIFICATE: OneRecordRoute<NvqfRecord> = { route: 'GET /nvqf/cert/{certNo}', notFound: { message: 'not found' }, what: 'certificate', idOf: (native) => native.certNo };
// The register is kept under the TVET law's framework, which the two ministries run together.
const ISSUER = { name: 'Ministry of Education and Sports and Ministry of Labour and Social Welfare (NVQF)', registrationNumber: null };

/** What the NVQF adapter reads: the shared fields and LaoCertification's own, declared once in types.ts. */
export type LaoCertificationFields = CertificationFields & CountryExtras<LaoCertification, Certification>;

export function readNvqf(native: NvqfRecord, client: Pick<RegistryClient, 'error'>): LaoCertificationFields {
  const { fail, date, iscoCode } = nativeReader(client, `certificate ${native.certNo}`, NVQF_DATE_FORMAT);
  const holderNationality = nationalityOf(native.nationality, fail);
  const occupation = iscoCode(native.iscoCode, native.qualification, 'iscoCode');
  if (typeof native.valid !== 'boolean') throw fail(`valid: expected true or false, got ${JSON.stringify(native.valid)}`);

  return {
    nativeId: native.certNo,
    holderName: native.nameLatin,
    holderNationality,
    holderDocumentNumber: native.passport ?? null,
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
  };
}

export const nvqfAdapter = defineAdapter<NvqfRecord, LaoCertificationFields>({
  profile: nvqfProfile,
  idsOf: (native) => [native.certNo],
  read: readNvqf,
  connect: (client) => ({
    fetchByIds: (numbers) => fetchOneNative(client, numbers[0], NVQF_CERTIFICATE),

    async findByHolder(identity) {
      const route = 'GET /nvqf/cert?passport&nationality';
      const response = await client.request('/nvqf/cert', { route, query: { passport: identity.documentNumber, nationality: identity.nationality } });
      return listIn<NvqfRecord>(client, response, route, 'certs');
    },
  }),
});
