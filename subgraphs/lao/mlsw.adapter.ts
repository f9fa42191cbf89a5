import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { LegacyRegistryAdapter, AdapterFactory } from '../kit/adapter.js';
import { lookup, permitRecord, type PermitRecord } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import type { PermitClass, PermitStatus } from '../../schema/contract/index.js';
import { nativeReader } from '../kit/nativeRecords.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import vocabulary from './mlswVocabulary.json' with { type: 'json' };
import { MLSW_PERMIT_NO, type MlswRow } from './mlsw.native.js';
import { MlswExtractIndex, type ExtractIndexOptions, type ExtractStamp } from './mlsw.extract.js';
import { mlswProfile } from './profiles.js';
import { nationalityOf } from './nativeFields.js';

/**
 * MLSW work permits. Contract: MLSW answers no questions, so both lookups are answered from the
 * in-memory index of its daily extract (mlsw.extract.ts), which costs at most one conditional
 * download per refresh interval whatever the number of permits asked; every record says how old
 * the extract is and when the registry last confirmed it (`retrievedAt`). The extract has no
 * permit type: the shared class comes from the position's ISCO-08 major group (see mlswVocabulary.json).
 */
const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const HOUR_MS = 3_600_000;

export type LaoPermitRecord = PermitRecord & {
  cardNo: string;
  province: string;
  permitClassDerivation: string;
  extractGeneratedAt: string;
  extractAgeHours: number;
};

export function mlswToContract(row: MlswRow, stamp: ExtractStamp, client: Pick<RegistryClient, 'error'>, now = Date.now()): LaoPermitRecord {
  const { fail, date, iscoOccupation } = nativeReader(client, `permit ${row.permit_no}`, 'YYYY-MM-DD');
  const holderNationality = nationalityOf(row.nationality, fail);
  const occupation = iscoOccupation(row.isco, row.position, 'isco');
  const majorGroup = row.isco[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  const record = permitRecord(
    { country: 'LAO', registry: 'mlsw', typename: 'LaoWorkPermit' },
    {
      nativeId: row.permit_no,
      holderName: row.full_name,
      holderNationality,
      holderDocumentNumber: row.passport,
      holderDateOfBirth: date(row.dob, 'dob'),
      permitClass,
      nativeType: vocabulary.nativeType,
      status: lookup(STATUS, row.status, 'status', fail),
      nativeStatus: row.status,
      validFrom: date(row.issued, 'issued'),
      validUntil: date(row.expires, 'expires'),
      employer: { name: row.employer, registrationNumber: row.employer_license || null },
      occupation,
      sector: null,
      cardNo: row.card_no,
      province: row.province,
      permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the position (${row.isco}); the MLSW extract names no permit type.`,
      extractGeneratedAt: stamp.generatedAt,
      extractAgeHours: Math.max(0, Math.round((now - Date.parse(stamp.generatedAt)) / (HOUR_MS / 10)) / 10),
    },
  );
  // The record was read from the registry when the extract was last confirmed, not when the index answered.
  return { ...record, retrievedAt: stamp.checkedAt, stale: stamp.stale };
}

export type MlswAdapter = LegacyRegistryAdapter<LaoPermitRecord> & { readonly extract: MlswExtractIndex };

export function createMlswAdapter(client: RegistryClient, options: ExtractIndexOptions = {}): MlswAdapter {
  const extract = new MlswExtractIndex(client, options);
  const now = options.now ?? Date.now;
  const toContract = (row: MlswRow, stamp: ExtractStamp) => mlswToContract(row, stamp, client, now());

  return {
    registry: mlswProfile.key,
    kind: 'PERMIT',
    batchLimit: legacyBatchLimit(mlswProfile),
    extract,
    isNativeId: (id) => MLSW_PERMIT_NO.test(id),

    async fetchByIds(numbers) {
      if (numbers.length > idsPerCall(mlswProfile)) throw new Error(`MLSW lookups take at most ${legacyBatchLimit(mlswProfile)} permit numbers, got ${numbers.length}`);
      const view = await extract.current();
      const records = new Map<string, LaoPermitRecord>();
      for (const permitNo of numbers) {
        const row = view.extract.byPermitNo.get(permitNo);
        if (row) records.set(permitNo, toContract(row, view));
      }
      return records;
    },

    async findByHolder(identity) {
      const view = await extract.current();
      return (view.extract.byDocument.get(normalizeDocumentNumber(identity.documentNumber)) ?? []).map((row) => toContract(row, view));
    },
  };
}

/** One adapter per subgraph runtime, so the index lives as long as the subgraph. */
export const mlswAdapter: AdapterFactory<LaoPermitRecord> = (client) => createMlswAdapter(client);
