import type { HolderIdentity, RecordKind } from '../../../schema/ids/index.js';
import { isRegistryError } from '../../../schema/errors/index.js';
import type { CacheSettings } from '../../../platform/config.js';
import type { CacheOutcome } from '../../../platform/metrics.js';
import type { ContractRecord } from '../records.js';
import type { HolderRecords, RecordSource } from '../registrySource.js';
import type { CacheStore } from '../../../platform/store/store.js';
import { inSpan } from '../../../platform/tracing.js';
import type { Span } from '@opentelemetry/api';

/**
 * The cross-request record cache, as a wrapper of a RecordSource (ARCHITECTURE §4).
 *
 * - One key per record, namespaced by country and kind: `rantau:rec:v1:{IDN:CERT}:<native id>`.
 *   The braces are a Redis Cluster hash tag: every record of one registry lies in one slot, so a
 *   batch's `MGET` is one command on a Cluster too.
 * - A DataLoader batch is one `getMany` and at most one `setMany`: one round trip each way.
 * - Entries outlive their TTL by the stale window; past the TTL they are refetched, and served
 *   flagged `stale: true` (with their original `retrievedAt`) only when the registry fails.
 * - Ids the registry does not know are cached as misses, with a shorter TTL.
 * - Concurrent misses for the same key in this process share one registry call.
 * - Records found by a holder search are written through, so the entity fetches that follow a
 *   `worker` lookup are hits.
 */
export interface CacheEntry {
  /** Epoch ms until which the entry is fresh. */
  fresh: number;
  /** The record, or null for a registry that answered "unknown id". */
  record: ContractRecord | null;
}

export type CacheListener = (country: string, kind: RecordKind, outcome: CacheOutcome, count?: number) => void;

export interface RecordCacheOptions {
  store: CacheStore;
  settings: Pick<CacheSettings, 'certTtlS' | 'permitTtlS' | 'negativeTtlS' | 'staleTtlS'>;
  onEvent?: CacheListener;
  now?: () => number;
}

export function recordKey(country: string, kind: RecordKind, nativeId: string): string {
  return `rantau:rec:v1:{${country}:${kind}}:${nativeId}`;
}

type Outcome = ContractRecord | null | Error;

export class RecordCache {
  private readonly inFlight = new Map<string, Promise<Outcome>>();
  private readonly now: () => number;
  private readonly onEvent: CacheListener;

  constructor(private readonly options: RecordCacheOptions) {
    this.now = options.now ?? Date.now;
    this.onEvent = options.onEvent ?? (() => undefined);
  }

  /** The RecordSource plugin: `CountryRuntime.wrapSource`. */
  readonly wrap = (source: RecordSource): RecordSource => ({
    ...source,
    loadMany: (ids) => this.loadMany(source, ids),
    findByHolder: (identity) => this.findByHolder(source, identity),
  });

  async invalidate(country: string, kind: RecordKind, nativeIds: readonly string[]): Promise<void> {
    if (nativeIds.length === 0) return;
    await this.options.store.deleteMany(nativeIds.map((id) => recordKey(country, kind, id)));
    this.onEvent(country, kind, 'invalidated', nativeIds.length);
  }

  private ttlMs(kind: RecordKind): number {
    const { certTtlS, permitTtlS } = this.options.settings;
    return (kind === 'CERT' ? certTtlS : permitTtlS) * 1000;
  }

  private encode(kind: RecordKind, record: ContractRecord | null): { value: string; ttlMs: number } {
    const { negativeTtlS, staleTtlS } = this.options.settings;
    const freshMs = record ? this.ttlMs(kind) : negativeTtlS * 1000;
    const entry: CacheEntry = { fresh: this.now() + freshMs, record };
    // Misses are not worth serving stale: a registry that is down says nothing about them.
    return { value: JSON.stringify(entry), ttlMs: record ? freshMs + staleTtlS * 1000 : freshMs };
  }

  private decode(value: string | null): CacheEntry | null {
    if (value === null) return null;
    try {
      const entry = JSON.parse(value) as CacheEntry;
      return typeof entry?.fresh === 'number' && 'record' in entry ? entry : null;
    } catch {
      return null;
    }
  }

  /** One span per batch (cache read, and the registry calls of its misses beneath it): outcome and counts, never ids. */
  private loadMany(source: RecordSource, ids: readonly string[]): Promise<Outcome[]> {
    const attributes = { 'rantau.country': source.country, 'rantau.record_kind': source.kind, 'rantau.cache.keys': ids.length };
    return inSpan('cache record', { attributes }, (span) => this.lookup(source, ids, span));
  }

  private async lookup(source: RecordSource, ids: readonly string[], span: Span): Promise<Outcome[]> {
    const { country, kind } = source;
    const keys = ids.map((id) => recordKey(country, kind, id));
    const entries = (await this.options.store.getMany(keys)).map((value) => this.decode(value));
    const now = this.now();
    const results = new Map<string, Promise<Outcome>>();
    const toFetch: string[] = [];
    const staleCopies = new Map<string, ContractRecord>();

    ids.forEach((id, i) => {
      if (results.has(id)) return;
      const entry = entries[i];
      if (entry && entry.fresh > now) {
        this.onEvent(country, kind, entry.record ? 'hit' : 'negative_hit');
        results.set(id, Promise.resolve(entry.record));
        return;
      }
      if (entry?.record) staleCopies.set(id, entry.record);
      const pending = this.inFlight.get(keys[i]);
      if (pending) {
        this.onEvent(country, kind, 'coalesced');
        results.set(id, pending);
        return;
      }
      this.onEvent(country, kind, 'miss');
      toFetch.push(id);
    });

    span.setAttributes({ 'rantau.cache.outcome': toFetch.length === 0 ? 'hit' : results.size === 0 ? 'miss' : 'partial', 'rantau.cache.misses': toFetch.length, 'rantau.cache.hits': results.size });
    if (toFetch.length > 0) {
      const fetched = this.fetch(source, toFetch, staleCopies).then((outcomes) => {
        const stale = outcomes.filter((outcome) => outcome !== null && !(outcome instanceof Error) && outcome.stale === true).length;
        if (stale > 0) span.setAttributes({ 'rantau.cache.stale': stale, 'rantau.cache.outcome': 'stale' });
        return outcomes;
      });
      toFetch.forEach((id, i) => {
        const key = recordKey(country, kind, id);
        const one = fetched.then((outcomes) => outcomes[i]);
        this.inFlight.set(key, one);
        results.set(id, one);
        void one.finally(() => {
          if (this.inFlight.get(key) === one) this.inFlight.delete(key);
        });
      });
    }
    return Promise.all(ids.map((id) => results.get(id)!));
  }

  private async fetch(source: RecordSource, ids: string[], staleCopies: Map<string, ContractRecord>): Promise<Outcome[]> {
    const { country, kind } = source;
    let outcomes: Outcome[];
    try {
      outcomes = await source.loadMany(ids);
    } catch (error) {
      outcomes = ids.map(() => error as Error);
    }
    const writes: Array<{ key: string; value: string; ttlMs: number }> = [];
    const answered = outcomes.map((outcome, i) => {
      const id = ids[i];
      if (outcome instanceof Error) {
        const stale = staleCopies.get(id);
        if (!stale || !isRegistryError(outcome)) return outcome;
        this.onEvent(country, kind, 'stale');
        return { ...stale, stale: true };
      }
      writes.push({ key: recordKey(country, kind, id), ...this.encode(kind, outcome) });
      return outcome;
    });
    await this.options.store.setMany(writes);
    return answered;
  }

  private async findByHolder(source: RecordSource, identity: HolderIdentity): Promise<HolderRecords> {
    const holder = await source.findByHolder(identity);
    await this.options.store.setMany(holder.records.map((record) => ({ key: recordKey(source.country, source.kind, record.nativeId), ...this.encode(source.kind, record) })));
    return holder;
  }
}
