import type { CacheSettings } from '../config.js';
import { MemoryStore } from './memoryStore.js';
import { RedisStore } from './redisStore.js';
import type { RedisTarget } from './redisConnection.js';
import type { CacheStore, StoreErrorListener } from './store.js';

/** Redis (one node or a Cluster) when one is configured, otherwise the in-process LRU with the same behaviour. */
export function createStore(redis: RedisTarget | undefined, settings: Pick<CacheSettings, 'memoryEntries' | 'keyPrefix'>, onError?: StoreErrorListener): CacheStore {
  return redis ? new RedisStore(redis, { onError, keyPrefix: settings.keyPrefix }) : new MemoryStore(settings.memoryEntries);
}
