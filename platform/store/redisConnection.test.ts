import { describe, expect, it } from 'vitest';
import type { Cluster } from 'ioredis';
import { connectRedis, groupBySlot, redisTarget } from './redisConnection.js';

describe('Redis connections', () => {
  it('prefers the cluster seed nodes to REDIS_URL', () => {
    expect(redisTarget({ redisUrl: 'redis://one:6379', redisClusterNodes: ['a:7000'] })).toEqual({ clusterNodes: ['a:7000'] });
    expect(redisTarget({ redisUrl: 'redis://one:6379', redisClusterNodes: undefined })).toEqual({ url: 'redis://one:6379' });
    expect(redisTarget({ redisUrl: undefined, redisClusterNodes: undefined })).toBeUndefined();
  });

  it('takes cluster credentials from a seed given as a URL', async () => {
    const client = connectRedis({ clusterNodes: ['redis://:s3cret@127.0.0.1:1', '127.0.0.1:2'] }) as Cluster;
    try {
      expect(client.options.redisOptions).toMatchObject({ password: 's3cret' });
      expect((client as unknown as { startupNodes: unknown }).startupNodes).toEqual([{ host: '127.0.0.1', port: 1 }, { host: '127.0.0.1', port: 2 }]);
    } finally {
      client.disconnect();
    }
  });

  it('groups keys by hash tag, a key without one alone', () => {
    const keys = ['p:rantau:rec:v1:{IDN:CERT}:1', 'p:rantau:rec:v1:{IDN:CERT}:2', 'p:rantau:rec:v1:{MYS:CERT}:1', 'plain:1', 'plain:2', 'empty:{}:x', 'p:rantau:rec:v1:{IDN:CERT}:3'];
    expect(groupBySlot(keys, (key) => key)).toEqual([
      ['p:rantau:rec:v1:{IDN:CERT}:1', 'p:rantau:rec:v1:{IDN:CERT}:2', 'p:rantau:rec:v1:{IDN:CERT}:3'],
      ['p:rantau:rec:v1:{MYS:CERT}:1'],
      ['plain:1'],
      ['plain:2'],
      ['empty:{}:x'],
    ]);
  });
});
