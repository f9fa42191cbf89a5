import type { AdapterFactory } from '../../schema/kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../../schema/kit/records.js';
import type { RegistryClient } from '../../schema/kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import vocabulary from './lpaVocabulary.json' with { type: 'json' };
import { LPA_LICENCE_NO, LPA_PERMIT_ID, parsePermitId, permitIdOf, type LpaLicence, type LpaWorkerLine } from './lpa.native.js';
import { BRUNEI_IC } from './bdnac.native.js';
import { lpaProfile } from './profiles.js';
import { listOf } from './nativeApi.js';

/**
 * Department of Labour foreign-worker licences. Contract: a licence is issued to an employer and
 * each of its worker lines is one permit, identified by licence number and line number; so
 * `fetchByIds` groups the permit ids by licence and fetches those licences (never more than 20) in
 * one batch call, keeping only the lines asked for. A line's status is read under its licence's
 * (lpaVocabulary.json): a licence that is not AKTIF makes every line on it inactive.
 */
const STATUS_UNDER_LICENCE = vocabulary.statusUnderLicence as Record<string, Record<string, PermitStatus>>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
// The licence names no permit type; its own name is the only type the registry has.
const NATIVE_TYPE = 'LPA';

export type BrnPermitRecord = PermitRecord & {
  licenceNumber: string;
  lineNumber: number;
  licenceStatus: string;
  licenceValidFrom: string;
  licenceValidUntil: string;
  permitClassDerivation: string;
};

/** Every line of one licence as a permit, in line order. */
export function lpaToContract(licence: LpaLicence, client: Pick<RegistryClient, 'error'>): BrnPermitRecord[] {
  const failLicence = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `licence ${licence.noLesen}: ${message}`);
  const date = (value: string, field: string, fail: (message: string) => Error) => {
    try {
      return parseNativeDate(value, 'YYYY-MM-DD');
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  if (!LPA_LICENCE_NO.test(licence.noLesen)) throw failLicence(`noLesen: expected a licence number like "LPA/2025/0456", got ${JSON.stringify(licence.noLesen)}`);
  if (!Array.isArray(licence.pekerja)) throw failLicence('pekerja: expected the list of worker lines');
  const statusOfLine = lookup(STATUS_UNDER_LICENCE, licence.statusLesen, 'statusLesen', failLicence);
  const licenceValidFrom = date(licence.tarikhKeluar, 'tarikhKeluar', failLicence);
  const licenceValidUntil = date(licence.tarikhTamat, 'tarikhTamat', failLicence);
  const seen = new Set<number>();

  return licence.pekerja.map((line: LpaWorkerLine) => {
    const nativeId = permitIdOf(licence.noLesen, line.baris);
    const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `permit ${nativeId}: ${message}`);
    if (!Number.isInteger(line.baris) || line.baris < 1) throw failLicence(`baris: expected a line number from 1, got ${JSON.stringify(line.baris)}`);
    if (seen.has(line.baris)) throw failLicence(`baris ${line.baris} appears twice, so it cannot identify a worker`);
    seen.add(line.baris);
    if (!isAlpha3(line.warganegara)) throw fail(`warganegara: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(line.warganegara)}`);
    if (!/^\d{4}$/.test(line.kodISCO)) throw fail(`kodISCO: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(line.kodISCO)}`);
    if (!BRUNEI_IC.test(line.noICHijau)) throw fail(`noICHijau: expected a Brunei identity card number NN-NNNNNN, got ${JSON.stringify(line.noICHijau)}`);
    const majorGroup = line.kodISCO[0];
    const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

    return permitRecord(
      { country: 'BRN', registry: 'lpa', typename: 'BrnWorkPermit' },
      {
        nativeId,
        holderName: line.nama,
        holderNationality: line.warganegara,
        holderDocumentNumber: line.noPasport,
        holderDateOfBirth: date(line.tarikhLahir, 'tarikhLahir', fail),
        permitClass,
        nativeType: NATIVE_TYPE,
        status: lookup(statusOfLine, line.status, 'status', fail),
        nativeStatus: line.status,
        validFrom: date(line.mula, 'mula', fail),
        validUntil: date(line.tamat, 'tamat', fail),
        employer: { name: licence.majikan.nama, registrationNumber: licence.majikan.noPendaftaran },
        occupation: { isco: line.kodISCO, national: line.kodISCO, scheme: 'ISCO-08', title: line.jawatan },
        sector: licence.sektor,
        licenceNumber: licence.noLesen,
        lineNumber: line.baris,
        licenceStatus: licence.statusLesen,
        licenceValidFrom,
        licenceValidUntil,
        permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the post (${line.kodISCO}); the licence names no permit type.`,
      },
    );
  });
}

export const lpaAdapter: AdapterFactory<BrnPermitRecord> = (client) => ({
  registry: lpaProfile.key,
  kind: 'PERMIT',
  batchLimit: lpaProfile.batchLimit,
  isNativeId: (id) => LPA_PERMIT_ID.test(id),

  async fetchByIds(ids) {
    if (ids.length > lpaProfile.batchLimit!) throw new Error(`LPA batch takes at most ${lpaProfile.batchLimit} licences; fetchByIds takes at most ${lpaProfile.batchLimit} permit ids, got ${ids.length}`);
    const licences = [
      ...new Set(
        ids.map((id) => {
          const parsed = parsePermitId(id);
          if (!parsed) throw new Error(`expected an LPA permit id like "LPA/2025/0456/1" (licence number / line number), got ${JSON.stringify(id)}`);
          return parsed.noLesen;
        }),
      ),
    ];
    const route = 'POST /lpa/api/lesen/kelompok';
    const response = await client.request('/lpa/api/lesen/kelompok', { method: 'POST', route, json: { noLesen: licences }, idempotent: true });
    const asked = new Set(ids);
    const askedLicences = new Set(licences);
    const records = new Map<string, BrnPermitRecord>();
    for (const licence of listOf<LpaLicence>(client, response, route, 'lesen')) {
      if (!askedLicences.has(licence.noLesen)) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `LPA batch returned licence ${JSON.stringify(licence.noLesen)}, which was not among the ${licences.length} licences asked`);
      }
      // One licence answers for all its workers; only the lines asked for leave the adapter.
      for (const record of lpaToContract(licence, client)) if (asked.has(record.nativeId)) records.set(record.nativeId, record);
    }
    return records;
  },

  async findByHolder(identity) {
    const route = 'GET /lpa/api/pekerja';
    const response = await client.request('/lpa/api/pekerja', { route, query: { noPasport: identity.documentNumber, warganegara: identity.nationality } });
    // Each licence comes with all its workers: keep the lines of the worker asked about, nobody else's.
    return listOf<LpaLicence>(client, response, route, 'lesen').flatMap((licence) => {
      const lines = lpaToContract(licence, client).filter((r) => r.holderDocumentNumber === normalizeDocumentNumber(identity.documentNumber) && r.holderNationality === identity.nationality);
      if (lines.length === 0) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} listed licence ${licence.noLesen}, which has no line for the worker asked about`);
      return lines;
    });
  },
});
