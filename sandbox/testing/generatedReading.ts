// Proves a registry's property-based generator against its adapter: every generated native record
// is read as the kit reads it and must say what the generator decided (sandbox/testing/generated.ts).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { RegistryAdapter } from '../../subgraphs/kit/adapter.js';
import type { ContractRecord } from '../../subgraphs/kit/records.js';
import type { ExpectedRecord, RegistryArbitrary } from './generated.js';
import { registryTestKit, startTestSimulator } from './registryTesting.js';
import type { SimulatorDefinition } from '../simulator/simulator.js';

/** The fields of a read record that an expectation names, `occupationIsco` being `occupation.isco`. */
export function comparable(record: ContractRecord & Record<string, unknown>, expected: ExpectedRecord): Record<string, unknown> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, key === 'occupationIsco' ? (record.occupation?.isco ?? null) : record[key]]));
}

/** Reads `runs` generated natives through the kit and compares each record to its expectation. */
export function readEveryGenerated(country: string, adapter: RegistryAdapter, generator: RegistryArbitrary, runs = 1000): void {
  const { read } = registryTestKit(country, generator.registry);
  fc.assert(
    fc.property(generator.arbitrary, ({ native, records }) => {
      const [expected] = records;
      const record = read(adapter, native);
      expect(comparable(record, expected)).toEqual(expected);
    }),
    { numRuns: runs },
  );
}

/**
 * Loads a seeded sample of generated natives into the registry's own simulator and reads every one
 * back by number through the adapter and the kit, as the gateway would: the simulator serves the
 * whole generated space, and what comes back is what the generator decided.
 */
export async function servesEveryGenerated<N>(country: string, adapter: RegistryAdapter, simulator: SimulatorDefinition<N>, generator: RegistryArbitrary, count = 200): Promise<void> {
  const sim = await startTestSimulator(simulator);
  try {
    const samples = fc.sample(generator.arbitrary, { numRuns: count, seed: 11 });
    await sim.upsert(samples.map((sample) => sample.native));
    const expected = samples.flatMap((sample) => sample.records);
    const loaded = await registryTestKit(country, generator.registry).connect(adapter, sim.url, 5000).loadMany(expected.map((record) => record.nativeId));
    loaded.forEach((record, i) => {
      if (record === null || record instanceof Error) throw new Error(`${expected[i].nativeId}: ${record === null ? 'not served' : record.message}`);
      expect(comparable(record as ContractRecord & Record<string, unknown>, expected[i])).toEqual(expected[i]);
    });
  } finally {
    await sim.close();
  }
}
