import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { certificationRecord, lookup, type CertificationRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { CertificationStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import vocabulary from './bdnacVocabulary.json' with { type: 'json' };
import { BDNAC_CERT_NO, BRUNEI_IC, type BdnacRecord } from './bdnac.native.js';
import { bdnacProfile } from './profiles.js';
import { listOf } from './nativeApi.js';

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
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `certificate ${native.noSijil}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, 'YYYY-MM-DD');
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  if (!isAlpha3(native.warganegara)) throw fail(`warganegara: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(native.warganegara)}`);
  if (!/^\d{4}$/.test(native.kodISCO)) throw fail(`kodISCO: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(native.kodISCO)}`);
  if (!Number.isInteger(native.tahapBDQF) || native.tahapBDQF < BDQF_LEVELS.min || native.tahapBDQF > BDQF_LEVELS.max) {
    throw fail(`tahapBDQF: expected a BDQF level ${BDQF_LEVELS.min}-${BDQF_LEVELS.max}, got ${JSON.stringify(native.tahapBDQF)}`);
  }
  if (!BRUNEI_IC.test(native.noIC)) throw fail(`noIC: expected a Brunei identity card number NN-NNNNNN, got ${JSON.stringify(native.noIC)}`);

  return certificationRecord(
    { country: 'BRN', registry: 'bdnac', typename: 'BrnCertification' },
    {
      nativeId: native.noSijil,
      holderName: native.nama,
      holderNationality: native.warganegara,
      holderDocumentNumber: native.noPasport,
      holderDateOfBirth: date(native.tarikhLahir, 'tarikhLahir'),
      title: native.kelayakan,
      qualificationCode: null,
      nationalLevel: String(native.tahapBDQF),
      // The record names the qualification, not the occupation: the occupation has a code and no title.
      occupation: { isco: native.kodISCO, national: native.kodISCO, scheme: 'ISCO-08', title: null },
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
  batchLimit: bdnacProfile.batchLimit,
  isNativeId: (id) => BDNAC_CERT_NO.test(id),

  async fetchByIds(numbers) {
    if (numbers.length > bdnacProfile.batchLimit!) throw new Error(`BDNAC batch takes at most ${bdnacProfile.batchLimit} numbers, got ${numbers.length}`);
    const route = 'POST /bdnac/api/sijil/kelompok';
    const response = await client.request('/bdnac/api/sijil/kelompok', { method: 'POST', route, json: { noSijil: numbers }, idempotent: true });
    const asked = new Set(numbers);
    const records = new Map<string, BrnCertificationRecord>();
    for (const native of listOf<BdnacRecord>(client, response, route, 'rekod')) {
      if (!asked.has(native.noSijil)) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `BDNAC batch returned certificate ${JSON.stringify(native.noSijil)}, which was not among the ${numbers.length} numbers asked`);
      }
      records.set(native.noSijil, bdnacToContract(native, client));
    }
    return records;
  },

  async findByHolder(identity) {
    const route = 'GET /bdnac/api/sijil?noPasport';
    const response = await client.request('/bdnac/api/sijil', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality } });
    return listOf<BdnacRecord>(client, response, route, 'rekod').map((native) => bdnacToContract(native, client));
  },
});
