// The contract between the kit and a registry adapter, stated once here and checked once by the
// kit (registrySource.ts), the way DataLoader checks its batch function: an adapter supplies only
// what is its own — how to ask the registry and how to read a native record — and the kit keeps
// only what was asked, holds every call within the registry's published lookup, isolates a record
// that cannot be read, and adds the registry, kind and origin to every record.
import type { HolderIdentity, RecordKind } from '../../schema/ids/index.js';
import type { RegistryClient } from './registryClient.js';
import type { CertificationFields, PermitFields } from './records.js';

/**
 * How a registry serves records by number, as its specification publishes it:
 * - `batch`: one call for up to `limit` numbers (`route` names the endpoint, as metrics and the
 *   simulators' counters do);
 * - `single`: one call per number;
 * - `extract`: no lookup at all; the adapter answers from a downloaded extract of the whole
 *   register, so `idsPerCall` bounds the work of one call, not a registry request.
 */
export type RegistryLookup =
  | { style: 'batch'; limit: number; route: string }
  | { style: 'single'; route?: string }
  | { style: 'extract'; route: string; idsPerCall: number };

/** A registry's published behaviour that the product relies on (each country's README documents it). */
export interface RegistryProfile {
  /** Registry key, as in the fixture file names and the configuration (`bnsp`, `tka`, …). */
  key: string;
  kind: RecordKind;
  format: 'json' | 'xml' | 'csv';
  /** Requests per second the registry allows one client. */
  ratePerSecond: number;
  lookup: RegistryLookup;
  /** The change feed, when the registry publishes one (`GET /perubahan`): what changed since an instant. */
  changeFeed?: { route: string };
  /**
   * The registry's bulk interface, when it publishes one (a paged search or list endpoint, or the
   * extract): what the country index reads the whole registry through, `pageSize` records a call.
   */
  bulk?: {
    route: string;
    pageSize: number;
    /**
     * Holders of these nationalities may hold a second document the registry links to its records
     * without naming it in them (Thailand's DOE files a permit under a certificate of identity and
     * still finds it by the holder's passport). The index sees only the documents a record names,
     * so for these nationalities an identity the index finds nothing for is searched live.
     */
    linksUnnamedDocuments?: { nationalities: readonly string[] };
  };
}

/** Most numbers one `fetchByIds` call may be given: the batch limit, 1 without a batch endpoint. */
export function idsPerCall(profile: Pick<RegistryProfile, 'lookup'>): number {
  const { lookup } = profile;
  return lookup.style === 'batch' ? lookup.limit : lookup.style === 'extract' ? lookup.idsPerCall : 1;
}

/** The batch endpoint and its limit, for a registry that has one. */
export function batchEndpoint(profile: Pick<RegistryProfile, 'lookup'>): { limit: number; route: string } | null {
  return profile.lookup.style === 'batch' ? { limit: profile.lookup.limit, route: profile.lookup.route } : null;
}

export interface RegistryChange {
  nativeId: string;
  /** ISO instant of the change, as the registry reports it. */
  changedAt: string;
}

/** What one `fetchByIds` call answered: the native records, and the numbers the registry says it does not hold when it lists them. */
export interface NativeBatch<N> {
  records: N[];
  notFound?: readonly string[];
}

/** One page of a registry's bulk interface, and where the next one starts (null after the last). */
export interface NativePage<N> {
  records: N[];
  /** Opaque to the kit: a page number, an offset or the registry's own cursor, as the adapter writes it. */
  next: string | null;
}

export interface BulkOptions {
  /** Only records issued (or starting) on or after this ISO date, where the registry can filter so; otherwise ignored. */
  issuedSince?: string;
}

/** The registry calls an adapter makes, over the client the kit gives it. */
export interface RegistryCalls<N> {
  /**
   * One registry call for the numbers given: never more than the profile's lookup allows, and
   * exactly one for a registry without a batch endpoint (the kit guarantees both).
   */
  fetchByIds(nativeIds: readonly string[]): Promise<NativeBatch<N> | N[]>;
  /** The registry's native records for a travel document (the kit keeps exact matches only). */
  findByHolder(identity: HolderIdentity): Promise<N[]>;
  /** For registries that publish a change feed: the numbers changed after `since` (ISO instant), oldest first. */
  changesSince?(since: string): Promise<RegistryChange[]>;
  /**
   * For registries with a bulk interface (`profile.bulk`): one page, starting at `cursor` (null for
   * the first page), `profile.bulk.pageSize` records at most. One registry call.
   */
  listPage?(cursor: string | null, options?: BulkOptions): Promise<NativePage<N>>;
}

/** A record inside a native one that could not be read, when the rest of that native record could (a Brunei licence line). */
export class UnreadableRecord {
  constructor(
    readonly nativeId: string,
    readonly error: Error,
  ) {}
}

export type Fields<R> = R extends { kind: 'PERMIT' } ? PermitFields : CertificationFields;

/**
 * A registry adapter: the only code that knows a native key.
 * `F` is the contract fields it reads (the kit adds id, country, registry, type name, AQRF reading
 * and retrieval time).
 */
export interface RegistryAdapter<N = unknown, F extends CertificationFields | PermitFields = CertificationFields | PermitFields> {
  readonly profile: RegistryProfile;
  /**
   * The numbers of the records a native record answers for (usually its own number; a Brunei
   * licence answers for each of its worker lines). Used to keep only what was asked and to name a
   * record that cannot be read.
   */
  idsOf(native: N): string[];
  /**
   * Native record → contract fields, or a protocol error (through `nativeReader(client, …).fail`)
   * when it cannot be read. A native record holding several records may answer several, and mark
   * one that cannot be read with an `UnreadableRecord`, so that only that one is lost.
   */
  read(native: N, client: Pick<RegistryClient, 'error'>): F | Array<F | UnreadableRecord>;
  /**
   * The registry calls, bound to the client the kit builds for this registry. A record number is
   * an opaque string: the adapter asks the registry for any number it is given and never refuses
   * one for its shape; the registry answers whether it holds it.
   */
  connect(client: RegistryClient): RegistryCalls<N>;
}

/** Declares an adapter; the identity function gives the compiler the native and field types. */
export function defineAdapter<N, F extends CertificationFields | PermitFields>(adapter: RegistryAdapter<N, F>): RegistryAdapter<N, F> {
  return adapter;
}


/** Most numbers one call takes, or null for a registry without a batch endpoint (what demand control and the simulators read). */
export function batchLimitOf(profile: Pick<RegistryProfile, 'lookup'>): number | null {
  return profile.lookup.style === 'single' ? null : idsPerCall(profile);
}
