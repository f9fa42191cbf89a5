import { describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { EncryptedStore } from './encryptedStore.js';
import { RedisStore } from './redisStore.js';
import { MemoryStore } from './memoryStore.js';
import { cacheSecrets } from './cacheSecrets.js';

// Cached values sealed before they reach Redis: unreadable there, readable only by a process
// holding the same key, and only under the key they were stored under.
describe('the encrypted store', () => {
  it('keeps values unreadable in Redis and reads them back with the same key', async () => {
    const prefix = `test:${randomUUID()}:`;
    const redis = new RedisStore('redis://127.0.0.1:6379', { keyPrefix: prefix });
    const raw = new RedisStore('redis://127.0.0.1:6379', { keyPrefix: prefix });
    try {
      // Both connections up before either is used: a store not yet connected answers absent, by design.
      expect(await redis.ready()).toBe(true);
      expect(await raw.ready()).toBe(true);
      const key = randomBytes(32).toString('base64');
      const store = new EncryptedStore(redis, cacheSecrets(key).encryption);
      await store.setMany([{ key: 'rantau:rec:v1:MMR:PERMIT:1', value: '{"holderName":"Aung Aung","holderDocumentNumber":"MA1234567"}', ttlMs: 10_000 }]);
      const [stored] = await raw.getMany(['rantau:rec:v1:MMR:PERMIT:1']);
      expect(stored).toMatch(/^e1\./);
      expect(stored).not.toContain('Aung');
      expect(stored).not.toContain('MA1234567');
      expect(await store.getMany(['rantau:rec:v1:MMR:PERMIT:1'])).toEqual(['{"holderName":"Aung Aung","holderDocumentNumber":"MA1234567"}']);
      // Another deployment's key (or a restart with a random one): absent, not an error.
      expect(await new EncryptedStore(raw, cacheSecrets(undefined).encryption).getMany(['rantau:rec:v1:MMR:PERMIT:1'])).toEqual([null]);
      // A sealed value moved under another key does not open.
      await raw.setMany([{ key: 'rantau:rec:v1:MMR:PERMIT:2', value: stored!, ttlMs: 10_000 }]);
      expect(await store.getMany(['rantau:rec:v1:MMR:PERMIT:2'])).toEqual([null]);
      await store.deleteMany(['rantau:rec:v1:MMR:PERMIT:1', 'rantau:rec:v1:MMR:PERMIT:2']);
    } finally {
      await redis.close();
      await raw.close();
    }
  });

  it('refuses a configured key that is not 32 bytes', () => {
    expect(() => cacheSecrets('too-short')).toThrow(/32 bytes/);
    expect(cacheSecrets('00'.repeat(32)).encryption).toHaveLength(32);
    expect(new EncryptedStore(new MemoryStore(10), randomBytes(32)).kind).toBe('memory');
  });
});
