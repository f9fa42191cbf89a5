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
 *
 * What a country answers depends on who asks (its policy may locate nothing for a member state it
 * shares nothing with), so the key covers the caller's entitlement too: an answer is reused only
 * for a caller the owner would have answered the same way (platform/caller.ts `entitlement`).
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

  /**
   * Every country's locator is handed the same identity object within a request (one caller, one
   * entitlement): its HMAC is computed once, not once per country.
   */
  private readonly digests = new WeakMap<HolderIdentity, { entitlement: string; digest: string }>();

  private key(country: string, identity: HolderIdentity, entitlement: string): string {
    let known = this.digests.get(identity);
    if (known === undefined || known.entitlement !== entitlement) {
      known = { entitlement, digest: createHmac('sha256', this.secret).update(entitlement).update('\n').update(identityKey(identity)).digest('base64url') };
      this.digests.set(identity, known);
    }
    // The country is the Redis Cluster hash tag: one batch of identities is one `MGET`.
    return `rantau:loc:v2:{${country}}:${known.digest}`;
  }

  /** How each registry was asked when the answer was made (`Worker.sources`), beside the ids under a key of its own. */
  private sourcesKey(country: string, identity: HolderIdentity, entitlement: string): string {
    return this.key(country, identity, entitlement).replace('rantau:loc:v2:', 'rantau:locsrc:v2:');
  }

  /** One round trip; null where the country must be asked. */
  getMany(country: string, identities: readonly HolderIdentity[], entitlement: string): Promise<Array<LocatedView | null>> {
    return inSpan('cache locator', { attributes: { 'rantau.country': country, 'rantau.cache.keys': identities.length } }, async (span) => {
      const found = await this.lookup(country, identities, entitlement);
      const hits = found.filter((entry) => entry !== null).length;
      span.setAttributes({ 'rantau.cache.outcome': hits === found.length ? 'hit' : hits === 0 ? 'miss' : 'partial', 'rantau.cache.hits': hits });
      return found;
    });
  }

  private async lookup(country: string, identities: readonly HolderIdentity[], entitlement: string): Promise<Array<LocatedView | null>> {
    const all = await this.store.getMany(identities.flatMap((identity) => [this.key(country, identity, entitlement), this.sourcesKey(country, identity, entitlement)]));
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

  async setMany(country: string, answers: ReadonlyArray<{ identity: HolderIdentity; located: LocatedView }>, entitlement: string): Promise<void> {
    const entries = answers
      .filter(({ located }) => located.failures.length === 0)
      .flatMap(({ identity, located }) => [
        { key: this.key(country, identity, entitlement), value: JSON.stringify({ c: located.certificationIds, p: located.permitIds } satisfies CachedLocation), ttlMs: this.ttlS * 1000 },
        { key: this.sourcesKey(country, identity, entitlement), value: JSON.stringify(located.sources), ttlMs: this.ttlS * 1000 },
      ]);
    await this.store.setMany(entries);
  }
}
