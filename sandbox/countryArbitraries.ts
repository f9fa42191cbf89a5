// The property-based generators of a served country's registries, loaded by convention from
// `subgraphs/<cc>/sandbox/index.ts` (`export const arbitraries`), like its simulators.
import type { RegistryArbitrary } from './testing/generated.js';

export async function loadArbitraries(code: string): Promise<RegistryArbitrary[]> {
  const module = (await import(`../subgraphs/${code.toLowerCase()}/sandbox/index.ts`)) as { arbitraries?: RegistryArbitrary[] };
  return module.arbitraries ?? [];
}
