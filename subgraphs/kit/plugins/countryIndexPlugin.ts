// The country index (subgraphs/kit/index/) as a country plugin: it opens the country's schema in
// the index database, keeps every registry with a bulk interface in step through a client of its
// own (a share of the registry's rate), and hands the index to locating, which then asks no holder
// search while the index is fresh. A registry without a bulk interface, or an index that cannot be
// opened, is searched live as before: the index only ever saves calls.
import type { ServiceMetrics } from '../../../platform/metrics.js';
import type { RecordKind } from '../../../schema/ids/index.js';
import { countryIndex, type CountryIndex, type RegistryIndexStatus } from '../index/countryIndex.js';
import { IdentityDigest } from '../index/identityDigest.js';
import { IndexStore } from '../index/indexStore.js';
import { RegistrySync } from '../index/registrySync.js';
import { acquireDatabase, releaseDatabase } from '../index/sharedDatabase.js';
import type { RecordSource } from '../registrySource.js';
import type { Background, CountryPlugin } from './plugin.js';

export interface CountryIndexOptions {
  /** `postgres://…`, `memory://` or a PGlite folder (INDEX_DATABASE_URL). */
  location: string;
  /** Per deployment, shared by replicas (INDEX_HMAC_KEY); random per process when unset. */
  hmacKey: string | undefined;
  /** How old the index may be and still answer alone (INDEX_FRESHNESS_S). */
  freshnessS: number;
  /** Share of each registry's rate the sync uses (INDEX_SYNC_RATE_SHARE). */
  rateShare: number;
  /** Between two incremental rounds (INDEX_SYNC_INTERVAL_MS). */
  intervalMs: number;
  /** Between two full reconciliation passes (INDEX_RECONCILE_S). */
  reconcileS: number;
  /** False: read the index, never write it (a replica beside the one that syncs; tests). */
  sync?: boolean;
  metrics?: ServiceMetrics;
  log?: (line: string) => void;
}

export interface CountryIndexPlugin extends CountryPlugin {
  readonly index: CountryIndex;
  /** Resolves once the index is open and its syncs started (tests drive the syncs by hand). */
  readonly ready: Promise<{ store: IndexStore; syncs: RegistrySync[] }>;
}

export function countryIndexPlugin(options: CountryIndexOptions): CountryIndexPlugin {
  const digest = new IdentityDigest(options.hmacKey);
  const log = options.log ?? ((line: string) => console.log(line));
  let resolveReady!: (value: { store: IndexStore; syncs: RegistrySync[] }) => void;
  let rejectReady!: (error: Error) => void;
  const ready = new Promise<{ store: IndexStore; syncs: RegistrySync[] }>((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => undefined);
  let inner: CountryIndex | null = null;
  let acquired = false;
  let stopped = false;

  const index: CountryIndex = {
    // Until the index is open (or when it could not be), no registry is indexed: everything is searched live.
    status: async () => (inner ? inner.status() : new Map<string, RegistryIndexStatus>()),
    locate: async (identities, registries) => (inner ? inner.locate(identities, registries) : new Map()),
    qualifications: async (isco, levels, first) => (inner ? inner.qualifications(isco, levels, first) : null),
    search: async (registry, question) => (inner ? inner.search(registry, question) : null),
    recordCounts: async (dimensions, filter) => (inner ? inner.recordCounts(dimensions, filter) : null),
  };

  const open = async (country: string, live: readonly RecordSource[], background: Record<RecordKind, RecordSource | null>): Promise<RegistrySync[]> => {
    const db = await acquireDatabase(options.location);
    acquired = true;
    const store = await IndexStore.open(db, country, digest);
    const bulk = (['CERT', 'PERMIT'] as const).map((kind) => background[kind]).filter((source): source is RecordSource => source !== null && source.listPage !== undefined);
    const metrics = options.metrics;
    const syncs = bulk.map((source) => new RegistrySync(store, source, {
      intervalMs: options.intervalMs,
      reconcileS: options.reconcileS,
      log,
      progress: metrics && {
        page: (registry, records) => { metrics.indexPages.inc({ country, registry }); metrics.indexSynced.inc({ country, registry, phase: 'full' }, records); },
        changed: (registry, records) => metrics.indexSynced.inc({ country, registry, phase: 'incremental' }, records),
        synced: (registry, at) => metrics.indexSyncedAt.set(`${country}/${registry}`, at),
        counted: (registry, records) => metrics.indexRecords.set({ country, registry }, records),
        failed: (registry, reason) => metrics.indexSyncFailures.inc({ country, registry, reason }),
      },
    }));
    const certification = live.find((source) => source.kind === 'CERT')!.registry;
    const permit = live.find((source) => source.kind === 'PERMIT')!.registry;
    inner = countryIndex(store, digest, { freshnessS: options.freshnessS, indexedRegistries: bulk.map((s) => s.registry), certificationRegistry: certification, permitRegistry: permit });
    if (metrics) for (const [registry, at] of await store.syncedAt()) metrics.indexSyncedAt.set(`${country}/${registry}`, at);
    if (options.sync !== false && !stopped) for (const sync of syncs) sync.start();
    resolveReady({ store, syncs });
    return syncs;
  };

  let syncs: Promise<RegistrySync[]> = Promise.resolve([]);
  return {
    name: 'country-index',
    index,
    ready,
    backgroundRateShare: options.rateShare,
    start(sources, background) {
      const country = sources[0]?.country ?? '';
      syncs = open(country, sources, background).catch((error: Error) => {
        log(`[index ${country}] could not be opened (${error.message.slice(0, 200)}); every registry is searched live`);
        rejectReady(error);
        return [];
      });
      const stop: Background = { stop: () => { stopped = true; void syncs.then((all) => all.forEach((sync) => void sync.stop())); } };
      return [stop];
    },
    async close() {
      stopped = true;
      await Promise.all((await syncs).map((sync) => sync.stop()));
      if (acquired) await releaseDatabase(options.location);
    },
  };
}
