// Change feeds as a country plugin: every registry that publishes one is polled, and each changed
// record leaves the record cache within one poll instead of one TTL. A gateway may then keep an
// answer no longer than one poll either.
import type { RecordKind } from '../../../schema/ids/index.js';
import { watchChanges } from '../cache/changeFeed.js';
import type { RecordCache } from '../cache/recordCache.js';
import type { Background, CountryPlugin } from './plugin.js';

export function changeFeed(cache: RecordCache, pollMs: number): CountryPlugin {
  const followed = new Set<RecordKind>();
  return {
    name: 'change-feed',
    start(sources) {
      const watchers: Background[] = [];
      for (const source of sources) {
        const watcher = watchChanges(source, (ids) => cache.invalidate(source.country, source.kind, ids), pollMs);
        if (!watcher) continue;
        followed.add(source.kind);
        watchers.push(watcher);
      }
      return watchers;
    },
    responseMaxAgeS: (kind) => (followed.has(kind) ? Math.floor(pollMs / 1000) : undefined),
  };
}
