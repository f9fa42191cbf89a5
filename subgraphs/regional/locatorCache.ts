import { createHmac, randomBytes } from 'node:crypto';
import { identityKey, type HolderIdentity } from '../../schema/ids/index.js';
import type { CacheStore } from '../../platform/store/store.js';
import type { LocatedView } from '../kit/countryContext.js';
import type { CacheOutcome } from '../../platform/metrics.js';
import { inSpan } from '../../platform/tracing.js';

/**
 * Which record ids a country holds for an identity, for a short while. It stores ids only:
 * the key is an HMAC of the identity (never a document number in clear), the value the global
 * ids the country answered. Answers that carry a registry failure are never stored, so a
 * registry that was down is asked again on the next request.
 */
interface CachedLocation {
  c: string[];
  p: string[];
}

export class LocatorCache {
  private readonly secret: Buffer;

  constructor(
    readonly store: CacheStore,
    private readonly ttlS: number,
    /** Replicas that share a Redis must share the secret (LOCATOR_CACHE_SECRET); a random one keeps a single process to itself. */
    secret: string | undefined,
    private readonly onEvent: (country: string, outcome: CacheOutcome, count: number) => void = () => undefined,
  ) {
    this.secret = secret ? Buffer.from(secret) : randomBytes(32);
  }

  /** Every country's locator is handed the same identity object: its HMAC is computed once, not once per country. */
  private readonly digests = new WeakMap<HolderIdentity, string>();

  private key(country: string, identity: HolderIdentity): string {
    let digest = this.digests.get(identity);
    if (digest === undefined) {
      digest = createHmac('sha256', this.secret).update(identityKey(identity)).digest('base64url');
      this.digests.set(identity, digest);
    }
    // The country is the Redis Cluster hash tag: one batch of identities is one `MGET`.
    return `rantau:loc:v1:{${country}}:${digest}`;
  }

  /** How each registry was asked when the answer was made (`Worker.sources`), beside the ids under a key of its own. */
  private sourcesKey(country: string, identity: HolderIdentity): string {
    return this.key(country, identity).replace('rantau:loc:v1:', 'rantau:locsrc:v1:');
  }

  /** One round trip; null where the country must be asked. */
  getMany(country: string, identities: readonly HolderIdentity[]): Promise<Array<LocatedView | null>> {
    return inSpan('cache locator', { attributes: { 'rantau.country': country, 'rantau.cache.keys': identities.length } }, async (span) => {
      const found = await this.lookup(country, identities);
      const hits = found.filter((entry) => entry !== null).length;
      span.setAttributes({ 'rantau.cache.outcome': hits === found.length ? 'hit' : hits === 0 ? 'miss' : 'partial', 'rantau.cache.hits': hits });
      return found;
    });
  }

  private async lookup(country: string, identities: readonly HolderIdentity[]): Promise<Array<LocatedView | null>> {
    const all = await this.store.getMany(identities.flatMap((identity) => [this.key(country, identity), this.sourcesKey(country, identity)]));
    const values = identities.map((_, i) => all[2 * i]);
    const found = values.map((value, i): LocatedView | null => {
      if (value === null) return null;
      try {
        const cached = JSON.parse(value) as CachedLocation;
        const sources = all[2 * i + 1] === null ? [] : (JSON.parse(all[2 * i + 1]!) as LocatedView['sources']);
        return { key: identityKey(identities[i]), certificationIds: cached.c, permitIds: cached.p, failures: [], sources };
      } catch {
        return null;
      }
    });
    const hits = found.filter((entry) => entry !== null).length;
    if (hits > 0) this.onEvent(country, 'hit', hits);
    if (hits < found.length) this.onEvent(country, 'miss', found.length - hits);
    return found;
  }

  close(): Promise<void> {
    return this.store.close();
  }

  async setMany(country: string, answers: ReadonlyArray<{ identity: HolderIdentity; located: LocatedView }>): Promise<void> {
    const entries = answers
      .filter(({ located }) => located.failures.length === 0)
      .flatMap(({ identity, located }) => [
        { key: this.key(country, identity), value: JSON.stringify({ c: located.certificationIds, p: located.permitIds } satisfies CachedLocation), ttlMs: this.ttlS * 1000 },
        { key: this.sourcesKey(country, identity), value: JSON.stringify(located.sources), ttlMs: this.ttlS * 1000 },
      ]);
    await this.store.setMany(entries);
  }
}
