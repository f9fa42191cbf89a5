import type { CacheSettings } from '../config.js';
import { MemoryStore } from './memoryStore.js';
import { RedisStore } from './redisStore.js';
import type { CacheStore, StoreErrorListener } from './store.js';

/** Redis when a URL is configured, otherwise the in-process LRU with the same behaviour. */
export function createStore(redisUrl: string | undefined, settings: Pick<CacheSettings, 'memoryEntries' | 'keyPrefix'>, onError?: StoreErrorListener): CacheStore {
  return redisUrl ? new RedisStore(redisUrl, { onError, keyPrefix: settings.keyPrefix }) : new MemoryStore(settings.memoryEntries);
}
