// MLSW work permits (subgraphs/lao/README.md). MLSW answers no questions, so every lookup is answered
// from the in-memory index of its daily extract (mlsw.extract.ts), which costs at most one
// conditional download per refresh interval whatever the number of permits asked; every record says
// how old the extract is and when the registry last confirmed it (`retrievedAt`, `stale`). The
// extract has no permit type: the shared class comes from the position's ISCO-08 major group (see
// mlswVocabulary.json). The extract is also the bulk interface: a page is a slice of the index.
import { defineAdapter, type RegistryAdapter } from '../kit/adapter.js';
import { lookup, type CountryExtras, type ExtractConfirmation, type PermitFields } from '../kit/records.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { PermitClass, PermitStatus, WorkPermit } from '../../schema/contract/index.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import vocabulary from './mlswVocabulary.json' with { type: 'json' };
import { MlswExtractIndex, type ExtractIndexOptions, type ExtractStamp, type ExtractView, type MlswEntry } from './mlsw.extract.js';
import { mlswProfile } from './profiles.js';
import { nationalityOf } from './nativeFields.js';
import type { LaoWorkPermit } from './types.js';

const STATUS = vocabulary.status as Record<string, PermitStatus>;
const CLASS_BY_MAJOR_GROUP = vocabulary.permitClassByIscoMajorGroup as Record<string, PermitClass>;
const HOUR_MS = 3_600_000;

/** What the adapter hands the kit for one permit: the extract's row, why it cannot be read if so, and the extract it was answered from. */
export interface MlswNative extends Pick<MlswEntry, 'row' | 'problem'> {
  extract: ExtractStamp & { /** When the index answered (ms since the epoch), for the extract's age. */ answeredAt: number };
}

/** What the MLSW adapter reads: the shared fields, LaoWorkPermit's own, and when the registry last confirmed the extract. */
export type LaoPermitFields = PermitFields & CountryExtras<LaoWorkPermit, WorkPermit> & ExtractConfirmation;

/** A row as the adapter answers it from an extract view. */
export function mlswNative(entry: Pick<MlswEntry, 'row' | 'problem'>, view: ExtractStamp, answeredAt = Date.now()): MlswNative {
  return { row: entry.row, problem: entry.problem, extract: { generatedAt: view.generatedAt, checkedAt: view.checkedAt, stale: view.stale, answeredAt } };
}

export function readMlsw(native: MlswNative, client: Pick<RegistryClient, 'error'>): LaoPermitFields {
  const { row, extract } = native;
  const { fail, date, optionalDate, iscoCode } = nativeReader(client, `permit ${row.permit_no}`, 'YYYY-MM-DD');
  if (native.problem !== null) throw fail(native.problem);
  const holderNationality = nationalityOf(row.nationality, fail);
  const occupation = iscoCode(row.isco, row.position, 'isco');
  const majorGroup = row.isco[0];
  const permitClass = lookup(CLASS_BY_MAJOR_GROUP, majorGroup, 'ISCO-08 major group', fail);

  return {
    nativeId: row.permit_no,
    holderName: row.full_name,
    holderNationality,
    holderDocumentNumber: row.passport || null,
    holderDateOfBirth: date(row.dob, 'dob'),
    permitClass,
    nativeType: vocabulary.nativeType,
    status: lookup(STATUS, row.status, 'status', fail),
    nativeStatus: row.status,
    validFrom: optionalDate(row.issued, 'issued'),
    validUntil: optionalDate(row.expires, 'expires'),
    employer: row.employer === '' ? null : { name: row.employer, registrationNumber: row.employer_license || null },
    occupation,
    sector: null,
    cardNo: row.card_no,
    province: row.province,
    permitClassDerivation: `${permitClass} from ISCO-08 major group ${majorGroup} of the position (${row.isco}); the MLSW extract names no permit type.`,
    extractGeneratedAt: extract.generatedAt,
    extractAgeHours: Math.max(0, Math.round((extract.answeredAt - Date.parse(extract.generatedAt)) / (HOUR_MS / 10)) / 10),
    // The record was read from the registry when the extract was last confirmed, not when the index answered.
    retrievedAt: extract.checkedAt,
    stale: extract.stale,
  };
}

export type MlswAdapter = RegistryAdapter<MlswNative, LaoPermitFields> & {
  /** The extract index this adapter keeps for a client: one per registry client, living as long as it. */
  indexFor(client: RegistryClient): MlswExtractIndex;
};

/** An MLSW adapter whose extract indexes refresh and download as `options` say (tests shorten them). */
export function createMlswAdapter(options: ExtractIndexOptions = {}): MlswAdapter {
  const indexes = new WeakMap<RegistryClient, MlswExtractIndex>();
  const now = options.now ?? Date.now;
  const indexFor = (client: RegistryClient) => {
    let index = indexes.get(client);
    if (!index) indexes.set(client, (index = new MlswExtractIndex(client, options)));
    return index;
  };
  const answer = (entry: MlswEntry, view: ExtractView) => mlswNative(entry, view, now());
  const pageSize = mlswProfile.bulk!.pageSize;

  const adapter = defineAdapter<MlswNative, LaoPermitFields>({
    profile: mlswProfile,
    idsOf: (native) => [native.row.permit_no],
    read: readMlsw,
    connect(client) {
      const extract = indexFor(client);
      return {
        async fetchByIds(numbers) {
          const view = await extract.current();
          const records: MlswNative[] = [];
          const notFound: string[] = [];
          for (const permitNo of numbers) {
            const entry = view.extract.byPermitNo.get(permitNo);
            if (entry) records.push(answer(entry, view));
            else notFound.push(permitNo);
          }
          return { records, notFound };
        },

        async findByHolder(identity) {
          const view = await extract.current();
          return (view.extract.byDocument.get(normalizeDocumentNumber(identity.documentNumber)) ?? []).map((entry) => answer(entry, view));
        },

        /** The extract in slices of the index, in the extract's order; the cursor is the offset. */
        async listPage(cursor, options = {}) {
          const view = await extract.current();
          const offset = cursor === null ? 0 : Number(cursor);
          const entries = [...view.extract.byPermitNo.values()].slice(offset, offset + pageSize);
          const since = options.issuedSince;
          const records = entries.filter((entry) => since === undefined || entry.problem !== null || entry.row.issued === '' || entry.row.issued >= since).map((entry) => answer(entry, view));
          return { records, next: offset + pageSize < view.extract.byPermitNo.size ? String(offset + pageSize) : null };
        },
      };
    },
  });
  return { ...adapter, indexFor };
}

/** The country's MLSW adapter: one extract index per registry client, so the index lives as long as the subgraph. */
export const mlswAdapter = createMlswAdapter();

