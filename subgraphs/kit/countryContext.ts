import DataLoader from 'dataloader';
import { parseGlobalId, toGlobalId, type HolderIdentity, type RecordKind, identityKey } from '../../schema/ids/index.js';
import { RegistryError, isRegistryError } from '../../schema/errors/index.js';
import type { RecordSource } from './registrySource.js';
import type { ContractRecord } from './records.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import type { CacheHintContext } from './cacheHints.js';
import type { Caller } from '../../platform/caller.js';
import type { Admission } from '../../platform/trust/admission.js';
import { RantauError } from '../../schema/errors/index.js';
import type { CountryIndex } from './index/countryIndex.js';
import type { QualificationCount } from './index/indexStore.js';
import type { RecordSearchQuestion } from './index/recordSearch.js';
import type { CountDimension, CountFilter } from './index/recordCounts.js';
import type { RecordCounts } from './index/countryIndex.js';

export interface RegistryFailureView {
  registry: string;
  code: string;
  message: string;
  retryAfterSeconds: number | null;
  required: string[];
  reason: string | null;
  /** For RECORD_UNREADABLE: the number of the record that could not be read. */
  nativeId: string | null;
}

/** How one registry was asked for an identity: from the country index, or by the registry's holder search. */
export interface LocatedSourceView {
  registry: string;
  locatedBy: 'INDEX' | 'LIVE_SEARCH';
  /** For INDEX: the instant up to which the index held the registry. */
  indexedAt: string | null;
}

export interface LocatedView {
  key: string;
  certificationIds: string[];
  permitIds: string[];
  failures: RegistryFailureView[];
  /** One entry per registry of the country. */
  sources: LocatedSourceView[];
}

/** `INDEXED`: the index answers where it is fresh; `LIVE`: every registry's holder search is asked. */
export type Consistency = 'INDEXED' | 'LIVE';

export interface RecordCheckView {
  id: string;
  found: boolean;
  wellFormed: boolean;
  failure: RegistryFailureView | null;
  /** For a certification found: its national level and ISCO-08 unit group (what recognition compares; no personal data). */
  nationalLevel: string | null;
  isco: string | null;
}

export function failureView(error: RegistryError): RegistryFailureView {
  const ext = error.extensions as { retryAfterSeconds?: number | null; required?: string[]; reason?: string; nativeId?: string };
  return { registry: error.registry, code: error.code, message: error.message, retryAfterSeconds: ext.retryAfterSeconds ?? null, required: ext.required ?? [], reason: ext.reason ?? null, nativeId: ext.nativeId ?? null };
}

/** Identity matching never guesses: the same document (or one the registry links to the holder), the same nationality when the record states one, the same birth date when both sides know it. */
export function matchesIdentity(record: ContractRecord, identity: HolderIdentity): boolean {
  const documents = [record.holderDocumentNumber, ...(record.holderOtherDocumentNumbers ?? [])].filter((d): d is string => d !== null);
  if (!documents.some((document) => normalizeDocumentNumber(document) === identity.documentNumber)) return false;
  if (record.holderNationality !== null && record.holderNationality !== identity.nationality) return false;
  if (identity.dateOfBirth && record.holderDateOfBirth && record.holderDateOfBirth !== identity.dateOfBirth) return false;
  return true;
}

/** One page of a record search (inspectors): the records in search order, from the country index. */
export interface RecordSearchView {
  records: Array<{ id: string; registry: string; nativeId: string }>;
  hasMore: boolean;
  totalCount: number;
  /** The instant up to which the index held the registry. */
  indexedAt: string;
}

/** One access to a subject's records, as "who looked at me" shows it (never who the officer is). */
export interface AccessView {
  at: string;
  memberState: string | null;
  role: string | null;
  purpose: string | null;
  action: string;
  recordIds: string[];
  level: string | null;
  outcome: string;
}

/**
 * What a request may do with the country's records. The kit's CountryRequest does it against the
 * registries; plugins wrap it per request (plugin.ts `wrapRequest`) — the owner's policy decides
 * what leaves, the audit writes down what left.
 */
export interface RecordAccess {
  readonly code: string;
  record(globalId: string): Promise<ContractRecord | null>;
  /** `LIVE` asks every registry's holder search, whatever the country index holds. */
  locate(identities: HolderIdentity[], consistency?: Consistency): Promise<LocatedView[]>;
  check(ids: string[]): Promise<RecordCheckView[]>;
  /** Counts of qualifications certified in an ISCO unit group, from the country index (null without one); no personal data. */
  qualifications(isco: string, nationalLevels: readonly string[] | null, first: number): Promise<QualificationCount[] | null>;
  /** Raw grouped counts of one kind of record from the country index (null without one, or before its registry is indexed); no personal data. */
  recordCounts(dimensions: readonly CountDimension[], filter: CountFilter): Promise<RecordCounts | null>;
  /** Accesses to the calling subject's own records, newest first (answered by the audit plugin). */
  accessHistory(): Promise<AccessView[]>;
  /** Records of one kind matching a filter, a page at a time, from the country index (null without one): personal data, so governed and audited like `locate`. */
  search(kind: RecordKind, question: RecordSearchQuestion): Promise<RecordSearchView | null>;
}

/**
 * Everything one GraphQL request to a country subgraph needs: a DataLoader per registry (so N
 * references become ⌈N / batch limit⌉ calls) and the internal locate and check operations.
 */
export class CountryRequest implements RecordAccess {
  private readonly loaders: Record<RecordKind, DataLoader<string, ContractRecord | null>>;

  constructor(
    readonly code: string,
    private readonly sources: Record<RecordKind, RecordSource>,
    private readonly index: CountryIndex | null = null,
  ) {
    // A batch never larger than one registry call takes; a registry without a batch endpoint gets
    // the whole tick's ids at once, and its source makes one paced call per id.
    const loader = (source: RecordSource) =>
      new DataLoader<string, ContractRecord | null>((ids) => source.loadMany(ids), { maxBatchSize: source.idsPerCall > 1 ? source.idsPerCall : 1000 });
    this.loaders = { CERT: loader(sources.CERT), PERMIT: loader(sources.PERMIT) };
  }

  /** Loads a record by global id; null when the id is not this country's, is malformed, or is unknown. */
  async record(globalId: string): Promise<ContractRecord | null> {
    let parsed;
    try {
      parsed = parseGlobalId(globalId);
    } catch {
      return null;
    }
    // A registry's numbers are opaque: any number is asked, and the registry says whether it holds it.
    if (parsed.country !== this.code) return null;
    return this.loaders[parsed.kind].load(parsed.nativeId);
  }

  /**
   * Where the index is fresh, it alone says which records an identity has (one query for every
   * identity, no holder search); the records are then read by number through the batched, cached
   * loaders and kept only if they still match. Elsewhere, and always for `LIVE`, each registry's
   * holder search is asked.
   */
  async locate(identities: HolderIdentity[], consistency: Consistency = 'INDEXED'): Promise<LocatedView[]> {
    const status = consistency === 'LIVE' || !this.index ? new Map() : await this.index.status();
    const indexed = (['CERT', 'PERMIT'] as const).filter((kind) => status.get(this.sources[kind].registry)?.fresh === true);
    const hits = indexed.length > 0 ? await this.index!.locate(identities, indexed.map((kind) => this.sources[kind].registry)) : new Map<string, Map<string, string[]>>();
    return Promise.all(
      identities.map(async (identity) => {
        const key = identityKey(identity);
        const located: LocatedView = { key, certificationIds: [], permitIds: [], failures: [], sources: [] };
        const found = (kind: RecordKind, record: ContractRecord) => (kind === 'CERT' ? located.certificationIds : located.permitIds).push(record.id);
        await Promise.all(
          (['CERT', 'PERMIT'] as const).map(async (kind) => {
            const source = this.sources[kind];
            try {
              const ids = hits.get(key)?.get(source.registry) ?? [];
              // Nothing in the index is "none" only where the registry names every document it finds a holder by.
              if (indexed.includes(kind) && !(ids.length === 0 && source.indexMayMiss?.(identity))) {
                located.sources.push({ registry: source.registry, locatedBy: 'INDEX', indexedAt: status.get(source.registry)!.indexedAt });
                const records = await this.loaders[kind].loadMany(ids);
                for (const record of records) {
                  if (record instanceof Error) {
                    if (!isRegistryError(record)) throw record;
                    located.failures.push(failureView(record));
                  } else if (record !== null && matchesIdentity(record, identity)) found(kind, record);
                }
                return;
              }
              located.sources.push({ registry: source.registry, locatedBy: 'LIVE_SEARCH', indexedAt: null });
              const holder = await source.findByHolder(identity);
              // A record that could not be read is reported on its own; the holder's other records are still located.
              for (const error of holder.unreadable) located.failures.push(failureView(error));
              for (const record of holder.records.filter((r) => matchesIdentity(r, identity))) {
                this.loaders[kind].prime(record.nativeId, record);
                found(kind, record);
              }
            } catch (error) {
              if (!isRegistryError(error)) throw error;
              located.failures.push(failureView(error));
            }
          }),
        );
        // The same registry failing for several records of one identity is one failure to report.
        located.failures = located.failures.filter((f, i, all) => all.findIndex((g) => g.registry === f.registry && g.code === f.code && g.nativeId === f.nativeId) === i);
        located.sources.sort((a, b) => a.registry.localeCompare(b.registry));
        return located;
      }),
    );
  }

  /** Qualifications certified in an ISCO unit group, from the index's facts; null when the country keeps no index of its certifications. */
  async qualifications(isco: string, nationalLevels: readonly string[] | null, first: number): Promise<QualificationCount[] | null> {
    return this.index ? this.index.qualifications(isco, nationalLevels, first) : null;
  }

  async search(kind: RecordKind, question: RecordSearchQuestion): Promise<RecordSearchView | null> {
    const page = this.index ? await this.index.search(this.sources[kind].registry, question) : null;
    if (!page) return null;
    const records = page.positions.map((position) => ({ id: toGlobalId(this.code, kind, position.nativeId), ...position }));
    return { records, hasMore: page.hasMore, totalCount: page.totalCount, indexedAt: page.indexedAt };
  }

  /** Raw grouped counts from the index's facts; null when the country keeps no index of that kind of record. */
  async recordCounts(dimensions: readonly CountDimension[], filter: CountFilter): Promise<RecordCounts | null> {
    return this.index ? this.index.recordCounts(dimensions, filter) : null;
  }

  async check(ids: string[]): Promise<RecordCheckView[]> {
    return Promise.all(
      ids.map(async (id): Promise<RecordCheckView> => {
        let parsed;
        try {
          parsed = parseGlobalId(id);
        } catch {
          return { id, found: false, wellFormed: false, failure: null, nationalLevel: null, isco: null };
        }
        if (parsed.country !== this.code) return { id, found: false, wellFormed: false, failure: null, nationalLevel: null, isco: null };
        try {
          const record = await this.loaders[parsed.kind].load(parsed.nativeId);
          const certification = record !== null && 'nationalLevel' in record ? record : null;
          return { id, found: record !== null, wellFormed: true, failure: null, nationalLevel: certification?.nationalLevel ?? null, isco: certification?.occupation?.isco ?? null };
        } catch (error) {
          if (isRegistryError(error)) return { id, found: false, wellFormed: true, failure: failureView(error), nationalLevel: null, isco: null };
          throw error;
        }
      }),
    );
  }

  async accessHistory(): Promise<AccessView[]> {
    throw new RantauError('AUDIT_UNAVAILABLE', `${this.code} keeps no audit log here, so it cannot say who looked at a record`, { country: this.code });
  }
}

export interface CountryContext extends CacheHintContext {
  /** The country's records as this request may use them (the kit's CountryRequest, wrapped by the plugins). */
  country: RecordAccess;
  /**
   * Who is asking, verified from the signed caller context the gateway (or, on the internal
   * locate and check fields, the regional subgraph) sent with this request; null for an anonymous
   * caller, whom the gateway lets reach public fields only. The owner's policy and audit read it.
   */
  caller: Caller | null;
  /** The verified context itself (issuer, `jti`, parent `jti`), for the audit. */
  admission: Admission;
}

