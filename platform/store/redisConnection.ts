// One way to open a Redis connection, single node or Cluster, shared by the cache store and the
// registry pacing: both must never queue commands while Redis is away, nor wait long for one.
import { Cluster, Redis } from 'ioredis';
import type { RantauConfig } from '../config.js';

/** Where Redis is: one node (REDIS_URL) or the seed nodes of a cluster (REDIS_CLUSTER_NODES). */
export type RedisTarget = { url: string } | { clusterNodes: readonly string[] };

export function redisTarget(config: Pick<RantauConfig, 'redisUrl' | 'redisClusterNodes'>): RedisTarget | undefined {
  if (config.redisClusterNodes?.length) return { clusterNodes: config.redisClusterNodes };
  return config.redisUrl ? { url: config.redisUrl } : undefined;
}

export interface RedisConnectionOptions {
  /** Longest wait for one command (ms). */
  commandTimeoutMs?: number;
  keyPrefix?: string;
  onError?: (error: Error) => void;
}

function seed(node: string): { host: string; port: number; username?: string; password?: string } {
  const url = new URL(node.includes('://') ? node : `redis://${node}`);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
  };
}

/**
 * Commands are never queued while disconnected (`enableOfflineQueue: false`) and each has a
 * timeout, so a Redis that is gone or stuck costs a request a few milliseconds, never its answer;
 * ioredis keeps reconnecting in the background.
 */
export function connectRedis(target: RedisTarget, options: RedisConnectionOptions = {}): Redis | Cluster {
  const common = { commandTimeout: options.commandTimeoutMs ?? 250, connectTimeout: 1000, maxRetriesPerRequest: 0 };
  let client: Redis | Cluster;
  if ('url' in target) {
    client = new Redis(target.url, { ...common, enableOfflineQueue: false, retryStrategy: (attempt) => Math.min(50 * attempt, 1000), keyPrefix: options.keyPrefix ?? '' });
  } else {
    const seeds = target.clusterNodes.map(seed);
    const { username, password } = seeds.find((node) => node.password) ?? {};
    client = new Cluster(seeds.map(({ host, port }) => ({ host, port })), {
      enableOfflineQueue: false,
      clusterRetryStrategy: (attempt) => Math.min(100 * attempt, 2000),
      keyPrefix: options.keyPrefix ?? '',
      redisOptions: { ...common, ...(username ? { username } : {}), ...(password ? { password } : {}) },
    });
  }
  // Without a listener ioredis reports connection errors as unhandled 'error' events.
  client.on('error', (error: Error) => options.onError?.(error));
  return client;
}

/** Resolves true once the connection is ready, false after `timeoutMs`. */
export function redisReady(client: Redis | Cluster, timeoutMs = 2000): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.once('ready', onReady);
  });
}

/**
 * Keys grouped so that each group lies in one Redis Cluster slot: keys sharing a hash tag (the
 * text between the first `{` and the next `}`) go together; a key without one is alone. Rantau's
 * keys carry tags (a country and record kind, a country), so a batch stays one command.
 */
export function groupBySlot<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const open = key.indexOf('{');
    const close = open >= 0 ? key.indexOf('}', open + 1) : -1;
    const tag = close > open + 1 ? `{${key.slice(open + 1, close)}` : `=${key}`;
    const group = groups.get(tag);
    if (group) group.push(item);
    else groups.set(tag, [item]);
  }
  return [...groups.values()];
}
