// The cross-request record cache (cache/recordCache.ts) as a country plugin: it wraps every record
// source, and lets a gateway reuse answers for as long as both the record and the response TTL allow.
import type { CacheSettings } from '../../../platform/config.js';
import type { ServiceMetrics } from '../../../platform/metrics.js';
import type { CacheStore } from '../../../platform/store/store.js';
import { RecordCache } from '../cache/recordCache.js';
import { storeProbe } from '../../../platform/readiness.js';
import type { CountryPlugin } from './plugin.js';

export interface RecordCachePlugin extends CountryPlugin {
  readonly cache: RecordCache;
}

export function recordCache(options: { store: CacheStore; settings: CacheSettings; metrics?: ServiceMetrics }): RecordCachePlugin {
  const { store, settings, metrics } = options;
  const cache = new RecordCache({
    store,
    settings,
    onEvent: (country, kind, outcome, count = 1) => metrics?.cache.inc({ cache: 'record', country, kind, outcome }, count),
  });
  return {
    name: 'record-cache',
    cache,
    wrapSource: cache.wrap,
    responseMaxAgeS: (kind) => Math.min(kind === 'CERT' ? settings.certTtlS : settings.permitTtlS, settings.responseTtlS),
    readiness: () => [storeProbe('record cache', store)],
    close: () => store.close(),
  };
}
