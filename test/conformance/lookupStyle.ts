import type { RegistryProfile } from '../../subgraphs/kit/adapter.js';

/**
 * How a registry answers lookups by id, read from its published profile, which decides the bound
 * the suite holds it to:
 * - `batch`: a batch endpoint (`batchRoute`) taking up to `limit` ids per call → ⌈N / limit⌉ calls;
 * - `single`: one call per id (`batchLimit: null`) → at most one call per distinct id;
 * - `index`: no lookup at the registry at all (a `batchLimit` but no `batchRoute`, like LAO MLSW's
 *   daily CSV extract): answers come from an in-memory index, so any number of ids costs at most
 *   one download per subgraph lifetime.
 */
export type LookupStyle =
  | { kind: 'batch'; limit: number; route: string }
  | { kind: 'single' }
  | { kind: 'index'; limit: number };

export function lookupStyle(profile: RegistryProfile): LookupStyle {
  const { lookup } = profile;
  if (lookup.style === 'single') return { kind: 'single' };
  if (lookup.style === 'batch') return { kind: 'batch', limit: lookup.limit, route: lookup.route };
  return { kind: 'index', limit: lookup.idsPerCall };
}

/** Whether every lookup reaches the registry, so that an outage or a rate limit shows at once. */
export function answersLive(profile: RegistryProfile): boolean {
  return lookupStyle(profile).kind !== 'index';
}
