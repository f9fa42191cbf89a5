// The secrets of one deployment's caches, all derived (HKDF-SHA256) from CACHE_ENCRYPTION_KEY:
// the AES-256-GCM key of every cached value, and the HMAC key under which cache keys that would
// otherwise be computable from personal data (the gateway's response-cache keys) are hashed.
// Unset, a random key per process: nothing cached survives a restart or is shared between
// replicas, which is correct but colder; replicas sharing a Redis must share the key.
import { hkdfSync, randomBytes } from 'node:crypto';

export interface CacheSecrets {
  encryption: Buffer;
  keyHashing: Buffer;
}

/** 32 bytes, as base64 (standard or url-safe) or hex. */
export function parseCacheKey(value: string): Buffer {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (bytes.length !== 32) throw new Error('CACHE_ENCRYPTION_KEY: expected 32 bytes as base64 or hex (for example `openssl rand -base64 32`)');
  return bytes;
}

export function cacheSecrets(configured: string | undefined): CacheSecrets {
  const root = configured ? parseCacheKey(configured) : randomBytes(32);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), info, 32));
  return { encryption: derive('rantau cache values v1'), keyHashing: derive('rantau cache keys v1') };
}
