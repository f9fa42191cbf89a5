// A country's index as the rest of the country subgraph sees it: which registries it answers for
// now (complete within the freshness bound), the record numbers an identity has in them (one query
// for a whole batch of identities, no registry call), and the qualification counts recognition
// reads. Freshness is read from the database, so a replica that does not sync still knows how
// current the index it shares is.
import type { HolderIdentity } from '../../../schema/ids/index.js';
import { identityKey } from '../../../schema/ids/index.js';
import type { IdentityDigest } from './identityDigest.js';
import { indexSchemaName, type IndexStore, type QualificationCount } from './indexStore.js';
import { searchRecords, type RecordSearchPage, type RecordSearchQuestion } from './recordSearch.js';
import type { CountDimension, CountFilter, CountGroup } from './recordCounts.js';

export interface RegistryIndexStatus {
  /** True when the index is complete as of no longer ago than the freshness bound: it then answers alone. */
  fresh: boolean;
  /** The instant up to which the index holds the registry; null before a first full pass completed. */
  indexedAt: string | null;
}

export interface CountryIndex {
  /** Per registry key; registries the index does not keep are absent. */
  status(): Promise<Map<string, RegistryIndexStatus>>;
  /** For each identity (by `identityKey`), the record numbers each registry named holds under it. */
  locate(identities: readonly HolderIdentity[], registries: readonly string[]): Promise<Map<string, Map<string, string[]>>>;
  /** Null when the certification registry has not been indexed yet. */
  qualifications(isco: string, nationalLevels: readonly string[] | null, first: number): Promise<QualificationCount[] | null>;
  /** One page of a registry's records matching a filter (record search), with the instant the index holds it to; null before its first full pass. */
  search(registry: string, question: RecordSearchQuestion): Promise<(RecordSearchPage & { indexedAt: string }) | null>;
  /** Raw grouped counts of one kind of record, with the instant the index holds its registry to; null when that registry has not been indexed yet. */
  recordCounts(dimensions: readonly CountDimension[], filter: CountFilter): Promise<RecordCounts | null>;
}

export interface RecordCounts {
  indexedAt: string;
  groups: CountGroup[];
}

/** How long a status read is reused: a burst of locate calls asks the database once. */
const STATUS_REUSE_MS = 1000;
/** Counts answered from memory while the index has not moved (and no longer than this): a dashboard asking again costs no scan. */
const COUNTS_REUSE_MS = 60_000;
const COUNTS_KEPT = 256;

export function countryIndex(store: IndexStore, digest: IdentityDigest, options: { freshnessS: number; indexedRegistries: readonly string[]; certificationRegistry: string; permitRegistry?: string }): CountryIndex {
  let cached: { at: number; value: Promise<Map<string, string>> } | null = null;
  const syncedAt = () => {
    if (!cached || Date.now() - cached.at > STATUS_REUSE_MS) cached = { at: Date.now(), value: store.syncedAt().catch(() => new Map<string, string>()) };
    return cached.value;
  };
  // Keyed by the question and the instant the index holds the registry to: a sync that advances it makes a new key.
  const counted = new Map<string, { at: number; value: Promise<CountGroup[]> }>();
  const countsOf = (key: string, ask: () => Promise<CountGroup[]>): Promise<CountGroup[]> => {
    const kept = counted.get(key);
    if (kept && Date.now() - kept.at <= COUNTS_REUSE_MS) return kept.value;
    const value = ask();
    value.catch(() => counted.delete(key));
    counted.set(key, { at: Date.now(), value });
    if (counted.size > COUNTS_KEPT) counted.delete(counted.keys().next().value!);
    return value;
  };
  return {
    async recordCounts(dimensions, filter) {
      const registry = filter.kind === 'CERT' ? options.certificationRegistry : options.permitRegistry;
      const indexedAt = registry === undefined ? undefined : (await syncedAt()).get(registry);
      if (indexedAt === undefined) return null;
      const key = JSON.stringify([indexedAt, dimensions, filter.kind, filter.activeOn ?? null, filter.issuedFrom ?? null, filter.issuedTo ?? null]);
      return { indexedAt, groups: await countsOf(key, () => store.recordCounts(dimensions, filter)) };
    },
    async status() {
      const synced = await syncedAt();
      const now = Date.now();
      return new Map(options.indexedRegistries.map((registry) => {
        const at = synced.get(registry) ?? null;
        return [registry, { indexedAt: at, fresh: at !== null && now - Date.parse(at) <= options.freshnessS * 1000 }];
      }));
    },
    async locate(identities, registries) {
      const owners = new Map<string, string[]>();
      for (const identity of identities) for (const d of digest.ofIdentity(identity)) owners.set(d, [...(owners.get(d) ?? []), identityKey(identity)]);
      const found = new Map<string, Map<string, string[]>>(identities.map((identity) => [identityKey(identity), new Map()]));
      for (const hit of await store.recordsFor([...owners.keys()], registries)) {
        for (const key of owners.get(hit.identity) ?? []) {
          const byRegistry = found.get(key)!;
          const ids = byRegistry.get(hit.registry) ?? [];
          if (!ids.includes(hit.nativeId)) ids.push(hit.nativeId);
          byRegistry.set(hit.registry, ids);
        }
      }
      return found;
    },
    async qualifications(isco, nationalLevels, first) {
      const synced = await syncedAt();
      if (!synced.has(options.certificationRegistry)) return null;
      return store.qualifications(isco, nationalLevels, first);
    },
    async search(registry, question) {
      const indexedAt = (await syncedAt()).get(registry);
      if (!options.indexedRegistries.includes(registry) || indexedAt === undefined) return null;
      return { ...(await searchRecords(store.db, indexSchemaName(store.country), registry, question)), indexedAt };
    },
  };
}
