import type { HolderIdentity, RecordKind } from '../../schema/ids/index.js';
import { RegistryError, isRegistryError } from '../../schema/errors/index.js';
import { logInternalError } from '../../platform/maskedErrors.js';
import type { RegistryAdapter, RegistryChange } from './adapter.js';
import type { ContractRecord } from './records.js';

/**
 * One registry as the rest of the subgraph sees it: records by native id in as few calls as the
 * registry allows, and records by holder. Contract of `loadMany`: one entry per id asked, in the
 * same order; a record, null for an id the registry does not know, or the RegistryError that
 * prevented the answer. Plugins (the record cache) wrap this object, never the adapter.
 */
export interface RecordSource {
  readonly country: string;
  readonly registry: string;
  readonly kind: RecordKind;
  readonly batchLimit: number | null;
  isNativeId(nativeId: string): boolean;
  loadMany(nativeIds: readonly string[]): Promise<Array<ContractRecord | null | Error>>;
  findByHolder(identity: HolderIdentity): Promise<ContractRecord[]>;
  /** Present when the registry publishes a change feed (see RegistryAdapter). */
  changesSince?(since: string): Promise<RegistryChange[]>;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Whatever an adapter throws that is not a RegistryError (a TypeError on a field of the wrong
 * type, a truncated body) means it met an answer it could not read: the registry's protocol
 * error, answered as one, never a crash of the request. The detail goes to the log, where an
 * adapter bug also shows up.
 */
function asRegistryError(country: string, registry: string, error: unknown): RegistryError {
  if (isRegistryError(error)) return error;
  const errorId = logInternalError(`subgraph-${country.toLowerCase()}`, error, 'REGISTRY_PROTOCOL_ERROR');
  return new RegistryError('REGISTRY_PROTOCOL_ERROR', country, registry, `answered something the adapter could not read (error id ${errorId})`);
}

async function guarded<T>(country: string, registry: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asRegistryError(country, registry, error);
  }
}

/** `onBatch` sees the size of every registry fetch (metrics). */
export function adapterSource(country: string, adapter: RegistryAdapter, onBatch?: (size: number) => void): RecordSource {
  // Without a batch endpoint every id is its own call; the client's limiter paces them.
  const size = adapter.batchLimit ?? 1;
  return {
    country,
    registry: adapter.registry,
    kind: adapter.kind,
    batchLimit: adapter.batchLimit,
    isNativeId: (id) => adapter.isNativeId(id),
    async loadMany(nativeIds) {
      const unique = [...new Set(nativeIds)];
      const found = new Map<string, ContractRecord | Error>();
      await Promise.all(
        chunk(unique, size).map(async (ids) => {
          try {
            onBatch?.(ids.length);
            const records = await adapter.fetchByIds(ids);
            for (const [id, record] of records) found.set(id, record);
          } catch (error) {
            const failure = asRegistryError(country, adapter.registry, error);
            for (const id of ids) found.set(id, failure);
          }
        }),
      );
      return nativeIds.map((id) => found.get(id) ?? null);
    },
    findByHolder: (identity) => guarded(country, adapter.registry, () => adapter.findByHolder(identity)),
    ...(adapter.changesSince ? { changesSince: (since: string) => guarded(country, adapter.registry, () => adapter.changesSince!(since)) } : {}),
  };
}
