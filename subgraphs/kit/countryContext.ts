import DataLoader from 'dataloader';
import { parseGlobalId, type HolderIdentity, type RecordKind, identityKey } from '../../schema/ids/index.js';
import { RegistryError, isRegistryError } from '../../schema/errors/index.js';
import type { RecordSource } from './registrySource.js';
import type { ContractRecord } from './records.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import type { CacheHintContext } from './cacheHints.js';
import type { Caller } from '../../platform/caller.js';
import type { Admission } from '../../platform/trust/admission.js';
import { RantauError } from '../../schema/errors/index.js';

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

export interface LocatedView {
  key: string;
  certificationIds: string[];
  permitIds: string[];
  failures: RegistryFailureView[];
}

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
  locate(identities: HolderIdentity[]): Promise<LocatedView[]>;
  check(ids: string[]): Promise<RecordCheckView[]>;
  /** Accesses to the calling subject's own records, newest first (answered by the audit plugin). */
  accessHistory(): Promise<AccessView[]>;
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

  async locate(identities: HolderIdentity[]): Promise<LocatedView[]> {
    return Promise.all(
      identities.map(async (identity) => {
        const located: LocatedView = { key: identityKey(identity), certificationIds: [], permitIds: [], failures: [] };
        await Promise.all(
          (['CERT', 'PERMIT'] as const).map(async (kind) => {
            try {
              const holder = await this.sources[kind].findByHolder(identity);
              // A record that could not be read is reported on its own; the holder's other records are still located.
              for (const error of holder.unreadable) located.failures.push(failureView(error));
              for (const record of holder.records.filter((r) => matchesIdentity(r, identity))) {
                this.loaders[kind].prime(record.nativeId, record);
                (kind === 'CERT' ? located.certificationIds : located.permitIds).push(record.id);
              }
            } catch (error) {
              if (!isRegistryError(error)) throw error;
              located.failures.push(failureView(error));
            }
          }),
        );
        return located;
      }),
    );
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

