import { LRUCache } from 'lru-cache';
import type { CacheStore } from './store.js';

/** The cache without Redis: an in-process LRU bounded by entry count, with per-entry TTLs. */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, string>;

  constructor(maxEntries: number) {
    this.lru = new LRUCache<string, string>({ max: Math.max(1, maxEntries), ttlAutopurge: false });
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    return keys.map((key) => this.lru.get(key) ?? null);
  }

  async setMany(entries: ReadonlyArray<{ key: string; value: string; ttlMs: number }>): Promise<void> {
    for (const { key, value, ttlMs } of entries) if (ttlMs > 0) this.lru.set(key, value, { ttl: ttlMs });
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.lru.delete(key);
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}
