import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import vocabulary from './lpaVocabulary.json' with { type: 'json' };
import { LPA_LICENCE_NO, LPA_PERMIT_ID, parsePermitId, permitIdOf, type LpaLicence, type LpaWorkerLine } from './lpa.native.js';
import { lpaProfile } from './profiles.js';
import { fetchKelompok, listOf } from './nativeCalls.js';
import { checkIdentityCard, warganegaraOf } from './nativeFields.js';

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
  // Errors about the licence name the licence; errors about one worker name that worker's permit.
  const { fail: failLicence, date: licenceDate } = nativeReader(client, `licence ${licence.noLesen}`, 'YYYY-MM-DD');
  if (!LPA_LICENCE_NO.test(licence.noLesen)) throw failLicence(`noLesen: expected a licence number like "LPA/2025/0456", got ${JSON.stringify(licence.noLesen)}`);
  if (!Array.isArray(licence.pekerja)) throw failLicence('pekerja: expected the list of worker lines');
  const statusOfLine = lookup(STATUS_UNDER_LICENCE, licence.statusLesen, 'statusLesen', failLicence);
  const licenceValidFrom = licenceDate(licence.tarikhKeluar, 'tarikhKeluar');
  const licenceValidUntil = licenceDate(licence.tarikhTamat, 'tarikhTamat');
  const seen = new Set<number>();

  return licence.pekerja.map((line: LpaWorkerLine) => {
    const nativeId = permitIdOf(licence.noLesen, line.baris);
    const { fail, date, iscoOccupation } = nativeReader(client, `permit ${nativeId}`, 'YYYY-MM-DD');
    if (!Number.isInteger(line.baris) || line.baris < 1) throw failLicence(`baris: expected a line number from 1, got ${JSON.stringify(line.baris)}`);
    if (seen.has(line.baris)) throw failLicence(`baris ${line.baris} appears twice, so it cannot identify a worker`);
    seen.add(line.baris);
    const nationality = warganegaraOf(line.warganegara, fail);
    const occupation = iscoOccupation(line.kodISCO, line.jawatan, 'kodISCO');
    checkIdentityCard('noICHijau', line.noICHijau, fail);
    const majorGroup = line.kodISCO[0];
    const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

    return permitRecord(
      { country: 'BRN', registry: 'lpa', typename: 'BrnWorkPermit' },
      {
        nativeId,
        holderName: line.nama,
        holderNationality: nationality,
        holderDocumentNumber: line.noPasport,
        holderDateOfBirth: date(line.tarikhLahir, 'tarikhLahir'),
        permitClass,
        nativeType: NATIVE_TYPE,
        status: lookup(statusOfLine, line.status, 'status', fail),
        nativeStatus: line.status,
        validFrom: date(line.mula, 'mula'),
        validUntil: date(line.tamat, 'tamat'),
        employer: { name: licence.majikan.nama, registrationNumber: licence.majikan.noPendaftaran },
        occupation,
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
  batchLimit: legacyBatchLimit(lpaProfile),
  isNativeId: (id) => LPA_PERMIT_ID.test(id),

  async fetchByIds(ids) {
    if (ids.length > idsPerCall(lpaProfile)) throw new Error(`LPA batch takes at most ${legacyBatchLimit(lpaProfile)} licences; fetchByIds takes at most ${legacyBatchLimit(lpaProfile)} permit ids, got ${ids.length}`);
    const licences = [
      ...new Set(
        ids.map((id) => {
          const parsed = parsePermitId(id);
          if (!parsed) throw new Error(`expected an LPA permit id like "LPA/2025/0456/1" (licence number / line number), got ${JSON.stringify(id)}`);
          return parsed.noLesen;
        }),
      ),
    ];
    const found = await fetchKelompok<LpaLicence>(client, '/lpa/api/lesen/kelompok', { bodyKey: 'noLesen', listKey: 'lesen', numbers: licences, idOf: (licence) => licence.noLesen });
    const asked = new Set(ids);
    const records = new Map<string, BrnPermitRecord>();
    // One licence answers for all its workers; only the lines asked for leave the adapter.
    for (const licence of found.values()) {
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
