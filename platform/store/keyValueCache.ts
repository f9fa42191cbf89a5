import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { CacheStore } from './store.js';

/**
 * Apollo Server's cache interface (persisted queries, response cache) over a Rantau store, so
 * they share Redis, its namespace rules and its fall-back-on-failure contract with the record cache.
 */
export class StoreKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly store: CacheStore,
    private readonly prefix: string,
    /** Used when Apollo sets no TTL, in seconds. */
    private readonly defaultTtlS: number,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const [value] = await this.store.getMany([this.prefix + key]);
    return value ?? undefined;
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttlS = options?.ttl ?? this.defaultTtlS;
    await this.store.setMany([{ key: this.prefix + key, value, ttlMs: ttlS * 1000 }]);
  }

  async delete(key: string): Promise<void> {
    await this.store.deleteMany([this.prefix + key]);
  }
}
