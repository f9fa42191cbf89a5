import type { HolderIdentity, RecordKind } from '../../schema/ids/index.js';
import type { RegistryClient } from './registryClient.js';
import type { ContractRecord } from './records.js';

/**
 * The contract of a registry adapter, the only code that knows a native key.
 * - `fetchByIds` makes exactly one registry call: for up to `batchLimit` ids on a registry with
 *   a batch endpoint, for exactly one id on a registry without one. Ids the registry does not
 *   know are absent from the map; the adapter never invents records.
 * - `findByHolder` returns the registry's records for a travel document (the kit then keeps
 *   only exact matches on document, nationality and, when given, date of birth).
 * - Native failures become RegistryErrors (via `client.error`), never raw HTTP errors.
 */
export interface RegistryAdapter<R extends ContractRecord = ContractRecord> {
  readonly registry: string;
  readonly kind: RecordKind;
  /** Largest batch the registry accepts, or null when it has no batch endpoint. */
  readonly batchLimit: number | null;
  /** Whether a native id has the syntax the registry publishes. */
  isNativeId(nativeId: string): boolean;
  fetchByIds(nativeIds: readonly string[]): Promise<Map<string, R>>;
  findByHolder(identity: HolderIdentity): Promise<R[]>;
  /**
   * Only for registries that publish a change feed: the native ids changed after `since` (an ISO
   * instant), oldest first. The record cache uses it to drop entries before their TTL runs out.
   */
  changesSince?(since: string): Promise<RegistryChange[]>;
}

export interface RegistryChange {
  nativeId: string;
  /** ISO instant of the change, as the registry reports it. */
  changedAt: string;
}

export type AdapterFactory<R extends ContractRecord = ContractRecord> = (client: RegistryClient) => RegistryAdapter<R>;

/** A registry's published behaviour, as its specification states it (each country documents it in subgraphs/<cc>/README.md). */
export interface RegistryProfile {
  /** Registry key, as in the fixture file names (`bnsp`, `tka`, …). */
  key: string;
  kind: RecordKind;
  format: 'json' | 'xml' | 'csv';
  latencyMs: [number, number];
  ratePerSecond: number;
  batchLimit: number | null;
  /** The batch endpoint as the simulator's stats name it (`POST /sertifikat/batch`), when there is one. */
  batchRoute?: string;
  faultRate: number;
  /** Share of calls that hang until the client gives up (Myanmar). */
  hangRate?: number;
}
