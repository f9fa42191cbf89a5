import type { Cluster, Redis } from 'ioredis';
import type { CacheStore, StoreErrorListener } from './store.js';
import { connectRedis, groupBySlot, redisReady, type RedisTarget } from './redisConnection.js';

export interface RedisStoreOptions {
  /** Longest wait for one command before the store answers "absent" (ms). */
  commandTimeoutMs?: number;
  /** Prepended to every key: deployments (and test runs) sharing one Redis stay apart. */
  keyPrefix?: string;
  onError?: StoreErrorListener;
}

/**
 * The shared cache on Redis, one node or a Cluster. Commands are never queued while disconnected
 * and each has a timeout (see redisConnection.ts). On a Cluster a multi-key command must stay in
 * one hash slot: keys are grouped by their hash tag and each group is one command, in parallel,
 * so a batch whose keys share a tag (every batch Rantau sends) is still one round trip.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis | Cluster;
  private readonly onError: StoreErrorListener;
  private readonly cluster: boolean;

  constructor(target: RedisTarget | string, options: RedisStoreOptions = {}) {
    this.onError = options.onError ?? (() => undefined);
    const resolved = typeof target === 'string' ? { url: target } : target;
    this.cluster = 'clusterNodes' in resolved;
    this.redis = connectRedis(resolved, { commandTimeoutMs: options.commandTimeoutMs, keyPrefix: options.keyPrefix, onError: (error) => this.onError('connection', error) });
  }

  /** Resolves once connected (tests and start-up logs); the store works, degraded, before that. */
  ready(timeoutMs = 2000): Promise<boolean> {
    return redisReady(this.redis, timeoutMs);
  }

  /** Whether Redis answers right now; when it does not, every read is a miss (readiness reports it). */
  get reachable(): boolean {
    return this.redis.status === 'ready';
  }

  private groups<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
    return this.cluster ? groupBySlot(items, keyOf) : [[...items]];
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    if (keys.length === 0) return [];
    try {
      const found = new Map<string, string | null>();
      await Promise.all(
        this.groups(keys, (key) => key).map(async (group) => {
          const values = await this.redis.mget(...group);
          group.forEach((key, i) => found.set(key, values[i]));
        }),
      );
      return keys.map((key) => found.get(key) ?? null);
    } catch (error) {
      this.onError('getMany', error as Error);
      return keys.map(() => null);
    }
  }

  async setMany(entries: ReadonlyArray<{ key: string; value: string; ttlMs: number }>): Promise<void> {
    const live = entries.filter((entry) => entry.ttlMs > 0);
    if (live.length === 0) return;
    try {
      await Promise.all(
        this.groups(live, (entry) => entry.key).map(async (group) => {
          const pipeline = this.redis.pipeline();
          for (const { key, value, ttlMs } of group) pipeline.set(key, value, 'PX', Math.ceil(ttlMs));
          const results = await pipeline.exec();
          const failed = results?.find(([error]) => error);
          if (failed) this.onError('setMany', failed[0] as Error);
        }),
      );
    } catch (error) {
      this.onError('setMany', error as Error);
    }
  }

  async deleteMany(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await Promise.all(this.groups(keys, (key) => key).map((group) => this.redis.del(...group)));
    } catch (error) {
      this.onError('deleteMany', error as Error);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
