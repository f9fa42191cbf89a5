// The simulated registries of a served country, loaded by the same convention as the country
// itself (`subgraphs/<cc>/sandbox/index.ts`), so that nothing names a country and product code
// never loads a simulator.
import type { SimulatorDefinition } from './simulator/simulator.js';

export async function loadSimulators(code: string): Promise<SimulatorDefinition<never>[]> {
  const module = (await import(`../subgraphs/${code.toLowerCase()}/sandbox/index.ts`)) as { simulators?: SimulatorDefinition<never>[] };
  if (!Array.isArray(module.simulators)) throw new Error(`subgraphs/${code.toLowerCase()}/sandbox/index.ts must export its simulators`);
  return module.simulators;
}
