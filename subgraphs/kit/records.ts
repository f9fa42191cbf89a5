import type { Certification, WorkPermit } from '../../schema/contract/index.js';
import { aqrfLevelFor } from '../../schema/aqrf/aqrfLevel.js';
import { toGlobalId, type RecordKind } from '../../schema/ids/index.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';

/**
 * What adapters hand to the rest of Rantau: contract objects, never native records.
 * `holderDateOfBirth` travels with the record for identity matching but is not a GraphQL field.
 */
interface Routing {
  __typename: string;
  holderDateOfBirth: string | null;
  /**
   * Other documents the registry itself links to this holder (a Thai certificate of identity
   * beside the passport, a Singapore FIN): identity matching accepts any of them.
   */
  holderOtherDocumentNumbers?: string[];
}

export type CertificationRecord = Certification & Routing;
export type PermitRecord = WorkPermit & Routing;
export type ContractRecord = CertificationRecord | PermitRecord;

type Derived = 'id' | 'country' | 'registry' | 'retrievedAt' | 'stale' | '__typename';

export interface RecordOrigin {
  country: string;
  registry: string;
  typename: string;
}

function base(origin: RecordOrigin, kind: RecordKind, nativeId: string, holderDocumentNumber: string | null) {
  return {
    __typename: origin.typename,
    id: toGlobalId(origin.country, kind, nativeId),
    country: origin.country,
    registry: origin.registry,
    nativeId,
    holderDocumentNumber: holderDocumentNumber === null ? null : normalizeDocumentNumber(holderDocumentNumber),
    retrievedAt: new Date().toISOString(),
    stale: false,
  };
}

type CertificationInput<X> = Omit<CertificationRecord, Derived | 'aqrfLevel' | 'aqrfBasis' | 'aqrfDerivation'> & X;

/** What a certification adapter reads from a native record: everything but what the kit derives (id, origin, AQRF reading, retrieval time). */
export type CertificationFields = CertificationInput<object> & { kind?: 'CERT' };
/** What a permit adapter reads from a native record: everything but what the kit derives. */
export type PermitFields = Omit<PermitRecord, Derived> & { kind?: 'PERMIT' };

/**
 * A country type's own fields (beyond the shared interface), derived from its GraphQL class so
 * that a record's field list is declared once: `CountryExtras<IdnCertification, Certification>`.
 */
export type CountryExtras<T, Base> = Omit<T, keyof Base>;

/**
 * What an adapter that answers from a downloaded extract (lookup style `extract`) adds to the fields
 * it reads: when the registry last confirmed the extract, and whether the latest refresh failed. The
 * record then says that, not the time the index answered.
 */
export interface ExtractConfirmation {
  retrievedAt: string;
  stale: boolean;
}

/** Fields read by an adapter → the contract record the rest of Rantau sees. */
export function completeRecord(origin: RecordOrigin, kind: RecordKind, fields: (CertificationFields | PermitFields) & Partial<ExtractConfirmation>): ContractRecord {
  const record = kind === 'CERT' ? certificationRecord(origin, fields as CertificationFields) : permitRecord(origin, fields as PermitFields);
  return typeof fields.retrievedAt === 'string' ? { ...record, retrievedAt: fields.retrievedAt, stale: fields.stale === true } : record;
}

/** Builds a certification record; the AQRF reading always comes from the shared table. */
export function certificationRecord<X extends object>(origin: RecordOrigin, fields: CertificationInput<X>): CertificationRecord & X {
  const aqrf = aqrfLevelFor(origin.country, fields.nationalLevel);
  return {
    ...fields,
    ...base(origin, 'CERT', fields.nativeId, fields.holderDocumentNumber),
    aqrfLevel: aqrf.level,
    aqrfBasis: aqrf.basis,
    aqrfDerivation: aqrf.derivation,
  };
}

export function permitRecord<X extends object>(origin: RecordOrigin, fields: Omit<PermitRecord, Derived> & X): PermitRecord & X {
  return { ...fields, ...base(origin, 'PERMIT', fields.nativeId, fields.holderDocumentNumber) };
}

/** Looks a native code up in a status or class table, failing loudly on a value the spec does not list. */
export function lookup<T>(table: Record<string, T>, value: string, what: string, fail: (message: string) => Error): T {
  if (!Object.prototype.hasOwnProperty.call(table, value)) {
    throw fail(`unknown ${what} ${JSON.stringify(value)} (expected one of ${Object.keys(table).join(', ')})`);
  }
  return table[value];
}
