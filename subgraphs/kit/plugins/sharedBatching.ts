// Reads by number batched across concurrent requests, not only within one: each request's
// DataLoader batches its own references, but a hundred requests for one worker each would still
// make their own registry call. Ids asked within a short window by any request share one call of
// the batch endpoint (up to its limit). With the country index locating identities, reading the
// records by number is what a cold look-up costs, so at the registries' published rates this is
// what decides how many look-ups a second a country can answer.
import DataLoader from 'dataloader';
import type { ContractRecord } from '../records.js';
import type { CountryPlugin } from './plugin.js';

export function sharedBatching(windowMs: number): CountryPlugin {
  return {
    name: 'shared-batching',
    wrapSource(source) {
      // A registry without a batch endpoint gains nothing: each number is its own call anyway.
      if (source.idsPerCall <= 1) return source;
      // The loader's cache only merges the same number asked twice within one window: it is emptied
      // as each batch leaves, so nothing is kept across windows (the record cache decides that).
      const loader: DataLoader<string, ContractRecord | null> = new DataLoader<string, ContractRecord | null>((ids) => {
        loader.clearAll();
        return source.loadMany(ids);
      }, {
        maxBatchSize: source.idsPerCall,
        batchScheduleFn: (run) => setTimeout(run, windowMs),
      });
      return { ...source, loadMany: (ids) => loader.loadMany(ids) };
    },
  };
}
