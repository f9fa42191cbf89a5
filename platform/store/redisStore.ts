import { Redis } from 'ioredis';
import type { CacheStore, StoreErrorListener } from './store.js';

export interface RedisStoreOptions {
  /** Longest wait for one command before the store answers "absent" (ms). */
  commandTimeoutMs?: number;
  /** Prepended to every key: deployments (and test runs) sharing one Redis stay apart. */
  keyPrefix?: string;
  onError?: StoreErrorListener;
}

/**
 * The shared cache on Redis. Commands are never queued while disconnected (`enableOfflineQueue:
 * false`) and each has a timeout, so a Redis that is gone or stuck costs a request a few
 * milliseconds, never its answer; ioredis keeps reconnecting in the background.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;
  private readonly onError: StoreErrorListener;

  constructor(url: string, options: RedisStoreOptions = {}) {
    this.onError = options.onError ?? (() => undefined);
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 250,
      connectTimeout: 1000,
      retryStrategy: (attempt) => Math.min(50 * attempt, 1000),
      keyPrefix: options.keyPrefix ?? '',
    });
    // Without a listener ioredis reports connection errors as unhandled 'error' events.
    this.redis.on('error', (error: Error) => this.onError('connection', error));
  }

  /** Resolves once connected (tests and start-up logs); the store works, degraded, before that. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ok);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    if (keys.length === 0) return [];
    try {
      return await this.redis.mget(...keys);
    } catch (error) {
      this.onError('getMany', error as Error);
      return keys.map(() => null);
    }
  }

  async setMany(entries: ReadonlyArray<{ key: string; value: string; ttlMs: number }>): Promise<void> {
    const live = entries.filter((entry) => entry.ttlMs > 0);
    if (live.length === 0) return;
    try {
      const pipeline = this.redis.pipeline();
      for (const { key, value, ttlMs } of live) pipeline.set(key, value, 'PX', Math.ceil(ttlMs));
      const results = await pipeline.exec();
      const failed = results?.find(([error]) => error);
      if (failed) this.onError('setMany', failed[0] as Error);
    } catch (error) {
      this.onError('setMany', error as Error);
    }
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.redis.del(...keys);
    } catch (error) {
      this.onError('deleteMany', error as Error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
