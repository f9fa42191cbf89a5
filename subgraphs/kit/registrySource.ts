// One registry as the rest of a country subgraph sees it, built from its adapter. This is where the
// adapter contract (adapter.ts) is checked, once for every country: calls stay within the
// registry's published lookup, a batch answers only what was asked, a registry that lists the
// numbers it does not hold accounts for every number, and a record that cannot be read costs only
// itself (RECORD_UNREADABLE naming the country, registry and number) — never its batch, never the
// other records of a holder.
import type { HolderIdentity, RecordKind } from '../../schema/ids/index.js';
import { RantauError, RegistryError, isRegistryError } from '../../schema/errors/index.js';
import { idsPerCall, UnreadableRecord, type BulkOptions, type NativeBatch, type RegistryAdapter, type RegistryChange } from './adapter.js';
import { completeRecord, type ContractRecord } from './records.js';
import type { RegistryClient } from './registryClient.js';
import { typePrefix } from './country.js';
import { logInternalError } from '../../platform/maskedErrors.js';

/**
 * Contract of `loadMany`: one entry per id asked, in the same order; a record, null for an id the
 * registry does not know, or the RegistryError that prevented the answer for that id.
 * Contract of `findByHolder`: the readable records, and one error per record that could not be read.
 * Plugins (the record cache, metrics) wrap this object, never the adapter.
 */
export interface RecordSource {
  readonly country: string;
  readonly registry: string;
  readonly kind: RecordKind;
  /** Most ids one registry call answers (1 without a batch endpoint). */
  readonly idsPerCall: number;
  loadMany(nativeIds: readonly string[]): Promise<Array<ContractRecord | null | Error>>;
  findByHolder(identity: HolderIdentity): Promise<HolderRecords>;
  /** Present when the registry publishes a change feed. */
  changesSince?(since: string): Promise<RegistryChange[]>;
  /** Present when the registry publishes a bulk interface: one page, read record by record (the country index syncs through it). */
  listPage?(cursor: string | null, options?: BulkOptions): Promise<RecordPage>;
  /**
   * True when the registry may hold records for this identity that name another of the holder's
   * documents (`profile.bulk.linksUnnamedDocuments`): the index cannot say "none" for it.
   */
  indexMayMiss?(identity: HolderIdentity): boolean;
}

export interface RecordPage extends HolderRecords {
  next: string | null;
}

export interface HolderRecords {
  records: ContractRecord[];
  /** Records the registry returned for the holder but that could not be read (RECORD_UNREADABLE), one each. */
  unreadable: RegistryError[];
}

/** Told the size of every registry fetch (metrics, tests). */
export type FetchListener = (size: number) => void;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function typeNameFor(country: string, kind: RecordKind): string {
  return `${typePrefix(country)}${kind === 'CERT' ? 'Certification' : 'WorkPermit'}`;
}

/** A RECORD_UNREADABLE error for one record; the reason is the adapter's own words when it gave any. */
export function unreadableRecord(country: string, registry: string, nativeId: string, cause: unknown): RegistryError {
  // A RantauError is the adapter saying why (through nativeReader.fail); anything else is a record
  // whose shape broke the adapter's assumptions, which says nothing a caller can use.
  const reason = cause instanceof RantauError ? cause.message.replace(`${country} ${registry}: `, '') : 'the record does not have the shape the registry publishes';
  return new RegistryError('RECORD_UNREADABLE', country, registry, `record ${JSON.stringify(nativeId)} could not be read: ${reason}`, { nativeId, reason });
}

type Read = { id: string; record: ContractRecord } | { id: string; error: RegistryError };

/**
 * How the kit reads native records: every record a native one answers for, each read or refused
 * on its own (RECORD_UNREADABLE). Synchronous, so that adapter tests read examples the same way.
 */
export function nativeRecordReader(country: string, adapter: RegistryAdapter, client: Pick<RegistryClient, 'error'>) {
  const { key: registry, kind } = adapter.profile;
  const origin = { country, registry, typename: typeNameFor(country, kind) };
  const idsOf = (native: unknown): string[] => {
    try {
      const ids = adapter.idsOf(native);
      return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && id !== '') : [];
    } catch {
      return [];
    }
  };

  /** Every record one native record answers for, each read or refused on its own. */
  const read = (native: unknown): Read[] => {
    const ids = idsOf(native);
    let output;
    try {
      output = adapter.read(native, client);
    } catch (cause) {
      return ids.map((id) => ({ id, error: unreadableRecord(country, registry, id, cause) }));
    }
    return (Array.isArray(output) ? output : [output]).map((item): Read => {
      if (item instanceof UnreadableRecord) return { id: item.nativeId, error: unreadableRecord(country, registry, item.nativeId, item.error) };
      try {
        return { id: item.nativeId, record: completeRecord(origin, kind, item) };
      } catch (cause) {
        return { id: item.nativeId, error: unreadableRecord(country, registry, item.nativeId, cause) };
      }
    });
  };

  return Object.assign(read, { idsOf, read });
}

export function registrySource(country: string, adapter: RegistryAdapter, client: RegistryClient, onFetch?: FetchListener): RecordSource {
  const { profile } = adapter;
  const { key: registry, kind } = profile;
  const calls = adapter.connect(client);
  const perCall = idsPerCall(profile);
  const lookupRoute = ('route' in profile.lookup && profile.lookup.route) || `${registry} lookup`;
  const protocolError = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', message);

  const { idsOf, read } = nativeRecordReader(country, adapter, client);

  const call = async <T>(route: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isRegistryError(error)) throw error;
      // An adapter that threw anything else met an answer it did not expect: the registry broke its
      // specification. The detail goes to the log under an id, where an adapter bug also shows up.
      const errorId = logInternalError(`subgraph-${country.toLowerCase()}`, error, 'REGISTRY_PROTOCOL_ERROR');
      throw protocolError(`${route}: the answer does not have the shape the registry publishes (error id ${errorId})`);
    }
  };

  const readAll = (natives: readonly unknown[]): HolderRecords => {
    const holder: HolderRecords = { records: [], unreadable: [] };
    for (const result of natives.flatMap(read)) {
      if ('record' in result) holder.records.push(result.record);
      else holder.unreadable.push(result.error);
    }
    return holder;
  };

  const fetchChunk = async (ids: string[], found: Map<string, ContractRecord | Error>): Promise<void> => {
    onFetch?.(ids.length);
    const answer = await call<NativeBatch<unknown> | unknown[]>(lookupRoute, () => calls.fetchByIds(ids));
    const batch: NativeBatch<unknown> = Array.isArray(answer) ? { records: answer } : answer;
    if (!batch || !Array.isArray(batch.records)) throw protocolError(`${lookupRoute} answered something that is not a list of records`);
    const asked = new Set(ids);
    const answered = new Map<string, ContractRecord | Error>();
    for (const native of batch.records) {
      const reads = read(native);
      const named = [...new Set([...idsOf(native), ...reads.map((r) => r.id)])];
      // A record for a number nobody asked for means the registry answered another question: keeping it would be guessing.
      if (named.length > 0 && !named.some((id) => asked.has(id))) {
        throw protocolError(`${lookupRoute} returned ${JSON.stringify(named[0])}, which was not among the ${ids.length} numbers asked`);
      }
      for (const result of reads) if (asked.has(result.id)) answered.set(result.id, 'record' in result ? result.record : result.error);
    }
    if (batch.notFound !== undefined) {
      // The adapter passes the registry's "not found" list through as it came; a registry that
      // sends something other than a list breaks its specification, which is a protocol error.
      if (!Array.isArray(batch.notFound)) throw protocolError(`${lookupRoute} answered a "not found" list that is not a list`);
      const missing = new Set(batch.notFound);
      const unaccounted = ids.filter((id) => !answered.has(id) && !missing.has(id));
      if (unaccounted.length > 0) throw protocolError(`${lookupRoute} returned ${answered.size} records for ${ids.length} numbers and did not list ${unaccounted.length} of them as not found`);
    }
    for (const [id, outcome] of answered) found.set(id, outcome);
  };

  return {
    country,
    registry,
    kind,
    idsPerCall: perCall,
    async loadMany(nativeIds) {
      const unique = [...new Set(nativeIds)];
      const found = new Map<string, ContractRecord | Error>();
      await Promise.all(
        chunk(unique, perCall).map(async (ids) => {
          try {
            await fetchChunk(ids, found);
          } catch (error) {
            if (!isRegistryError(error)) throw error;
            for (const id of ids) found.set(id, error);
          }
        }),
      );
      return nativeIds.map((id) => found.get(id) ?? null);
    },
    async findByHolder(identity) {
      const natives = await call(`${registry} holder search`, () => calls.findByHolder(identity));
      if (!Array.isArray(natives)) throw protocolError(`${registry} holder search answered something that is not a list of records`);
      return readAll(natives);
    },
    ...(calls.changesSince ? { changesSince: (since: string) => calls.changesSince!(since) } : {}),
    ...(profile.bulk?.linksUnnamedDocuments
      ? { indexMayMiss: (identity: HolderIdentity) => profile.bulk!.linksUnnamedDocuments!.nationalities.includes(identity.nationality) }
      : {}),
    ...(calls.listPage
      ? {
          async listPage(cursor: string | null, options?: BulkOptions) {
            const route = profile.bulk?.route ?? `${registry} bulk`;
            const page = await call(route, () => calls.listPage!(cursor, options));
            if (!page || !Array.isArray(page.records) || (page.next !== null && typeof page.next !== 'string')) throw protocolError(`${route} answered something that is not a page of records`);
            return { ...readAll(page.records), next: page.next };
          },
        }
      : {}),
  };
}
