/**
 * The one storage contract behind every Rantau cache (records, locator, persisted queries,
 * responses): string values under string keys, each with its own time to live.
 *
 * Contract: a store never throws and never hangs a request. When its backend is unreachable,
 * reads answer "absent" and writes are dropped, and the caller goes to the registries as if
 * the cache were empty; `onError` tells metrics that this happened.
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  /** Redis only: whether it answers right now (readiness reports the fallback when it does not). */
  readonly reachable?: boolean;
  /** One round trip for any number of keys; null where a key is absent or expired. */
  getMany(keys: readonly string[]): Promise<Array<string | null>>;
  /** One round trip for any number of entries. */
  setMany(entries: ReadonlyArray<{ key: string; value: string; ttlMs: number }>): Promise<void>;
  deleteMany(keys: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export type StoreErrorListener = (operation: string, error: Error) => void;
