import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import vocabulary from './bdnacVocabulary.json' with { type: 'json' };
import { BDNAC_CERT_NO, type BdnacRecord } from './bdnac.native.js';
import { bdnacProfile } from './profiles.js';
import { fetchKelompok, listOf } from './nativeCalls.js';
import { checkIdentityCard, warganegaraOf } from './nativeFields.js';

/**
 * BDNAC national TVET certificates. Contract: the batch endpoint takes at most 50 numbers and
 * answers `{"rekod":[…]}` with the records it knows, leaving unknown numbers out; a record for a
 * number that was not asked is a protocol error, never silently kept. Certificates do not expire,
 * so `validUntil` is always null and SAH is VALID whatever the date.
 */
const STATUS = vocabulary.status as Record<string, CertificationStatus>;
const IC_COLOURS = vocabulary.identityCardColours as Record<string, string>;
const BDQF_LEVELS = { min: 1, max: 8 };

export type BrnCertificationRecord = CertificationRecord & {
  bdqfLevel: number;
  fieldOfStudy: string;
  identityCardColour: string;
  residency: string;
};

export function bdnacToContract(native: BdnacRecord, client: Pick<RegistryClient, 'error'>): BrnCertificationRecord {
  const { fail, date, iscoOccupation } = nativeReader(client, `certificate ${native.noSijil}`, 'YYYY-MM-DD');
  const nationality = warganegaraOf(native.warganegara, fail);
  // The record names the qualification, not the occupation: the occupation has a code and no title.
  const occupation = iscoOccupation(native.kodISCO, null, 'kodISCO');
  if (!Number.isInteger(native.tahapBDQF) || native.tahapBDQF < BDQF_LEVELS.min || native.tahapBDQF > BDQF_LEVELS.max) {
    throw fail(`tahapBDQF: expected a BDQF level ${BDQF_LEVELS.min}-${BDQF_LEVELS.max}, got ${JSON.stringify(native.tahapBDQF)}`);
  }
  checkIdentityCard('noIC', native.noIC, fail);

  return certificationRecord(
    { country: 'BRN', registry: 'bdnac', typename: 'BrnCertification' },
    {
      nativeId: native.noSijil,
      holderName: native.nama,
      holderNationality: nationality,
      holderDocumentNumber: native.noPasport,
      holderDateOfBirth: date(native.tarikhLahir, 'tarikhLahir'),
      title: native.kelayakan,
      qualificationCode: null,
      nationalLevel: String(native.tahapBDQF),
      occupation,
      issuer: { name: native.institusi, registrationNumber: null },
      issuedOn: date(native.tarikhKeluar, 'tarikhKeluar'),
      validUntil: null,
      status: lookup(STATUS, native.status, 'status', fail),
      nativeStatus: native.status,
      bdqfLevel: native.tahapBDQF,
      fieldOfStudy: native.bidang,
      identityCardColour: native.warnaIC,
      residency: lookup(IC_COLOURS, native.warnaIC, 'warnaIC', fail),
    },
  );
}

export const bdnacAdapter: AdapterFactory<BrnCertificationRecord> = (client) => ({
  registry: bdnacProfile.key,
  kind: 'CERT',
  batchLimit: legacyBatchLimit(bdnacProfile),
  isNativeId: (id) => BDNAC_CERT_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length > idsPerCall(bdnacProfile)) throw new Error(`BDNAC batch takes at most ${legacyBatchLimit(bdnacProfile)} numbers, got ${numbers.length}`);
    const natives = await fetchKelompok<BdnacRecord>(client, '/bdnac/api/sijil/kelompok', { bodyKey: 'noSijil', listKey: 'rekod', numbers, idOf: (native) => native.noSijil });
    return new Map([...natives].map(([number, native]) => [number, bdnacToContract(native, client)]));
  },

  async findByHolder(identity) {
    const route = 'GET /bdnac/api/sijil?noPasport';
    const response = await client.request('/bdnac/api/sijil', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality } });
    return listOf<BdnacRecord>(client, response, route, 'rekod').map((native) => bdnacToContract(native, client));
  },
});
