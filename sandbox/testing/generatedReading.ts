// Proves a registry's property-based generator against its adapter: every generated native record
// is read as the kit reads it and must say what the generator decided (sandbox/testing/generated.ts).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { RegistryAdapter } from '../../subgraphs/kit/adapter.js';
import type { ContractRecord } from '../../subgraphs/kit/records.js';
import type { ExpectedRecord, RegistryArbitrary } from './generated.js';
import { registryTestKit } from './registryTesting.js';

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
