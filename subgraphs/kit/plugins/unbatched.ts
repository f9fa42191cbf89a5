// The benchmark's naive baseline as a plugin: every record asked by number is its own registry
// call, as a resolver without DataLoader batching would make it. Never a deployment choice.
import type { CountryPlugin } from './plugin.js';

export function unbatched(): CountryPlugin {
  return {
    name: 'unbatched',
    wrapSource: (source) => ({
      ...source,
      loadMany: async (ids) => (await Promise.all(ids.map((id) => source.loadMany([id])))).flat(),
    }),
  };
}
