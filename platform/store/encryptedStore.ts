// Personal data at rest: a CacheStore whose values are sealed with AES-256-GCM before they reach
// the backend (Redis), each with a fresh 96-bit nonce, and bound to the key they are stored under
// (the key is the additional authenticated data, so a value moved to another key does not open).
// A value that does not open (another deployment's key, a restart with a random key, tampering)
// reads as absent: the caller goes to the registries, as the store contract says.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CacheStore } from './store.js';

const VERSION = 'e1.';
const NONCE = 12;
const TAG = 16;

export function seal(key: Buffer, storeKey: string, plain: string): string {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(storeKey));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return VERSION + Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64');
}

export function open(key: Buffer, storeKey: string, sealed: string): string | null {
  if (!sealed.startsWith(VERSION)) return null;
  const bytes = Buffer.from(sealed.slice(VERSION.length), 'base64');
  if (bytes.length < NONCE + TAG) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, NONCE));
    decipher.setAAD(Buffer.from(storeKey));
    decipher.setAuthTag(bytes.subarray(NONCE, NONCE + TAG));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE + TAG)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export class EncryptedStore implements CacheStore {
  constructor(
    private readonly inner: CacheStore,
    private readonly key: Buffer,
  ) {}

  get kind(): CacheStore['kind'] {
    return this.inner.kind;
  }

  /** Whether the store underneath can be reached (readiness reads it through the seal). */
  get reachable(): boolean | undefined {
    return (this.inner as { reachable?: boolean }).reachable;
  }

  async getMany(keys: readonly string[]): Promise<Array<string | null>> {
    const values = await this.inner.getMany(keys);
    return values.map((value, i) => (value === null ? null : open(this.key, keys[i], value)));
  }

  setMany(entries: ReadonlyArray<{ key: string; value: string; ttlMs: number }>): Promise<void> {
    return this.inner.setMany(entries.map((entry) => ({ ...entry, value: seal(this.key, entry.key, entry.value) })));
  }

  deleteMany(keys: readonly string[]): Promise<void> {
    return this.inner.deleteMany(keys);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
