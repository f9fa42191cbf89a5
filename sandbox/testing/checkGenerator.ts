// The proof of a registry's property-based generator (issue 11): generated natives read through
// the kit as the gateway reads them, compared with the generator's own expectation. Tests only.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { RegistryAdapter } from '../../subgraphs/kit/adapter.js';
import { RegistryClient } from '../../subgraphs/kit/registryClient.js';
import { nativeRecordReader } from '../../subgraphs/kit/registrySource.js';
import type { ExpectedRecord, RegistryArbitrary } from './generated.js';
import { defaultPopulation, type Population } from '../population/population.js';

/** What a contract record must say, as `toMatchObject` takes it, for one generated expectation. */
export function contractShapeOf(expected: ExpectedRecord): Record<string, unknown> {
  const { occupationIsco, ...fields } = expected;
  return { ...fields, ...(occupationIsco === undefined ? {} : { occupation: expect.objectContaining({ isco: occupationIsco }) }) };
}

/**
 * Reads `runs` generated natives through the kit as the gateway would (every record a native
 * answers for) and checks each against the generator's own expectation: same numbers, every
 * record readable, every expected field equal.
 */
export function checkGenerator(country: string, adapter: RegistryAdapter, generator: RegistryArbitrary, runs = 1000): void {
  const client = new RegistryClient({ country, registry: adapter.profile.key, baseUrl: 'http://127.0.0.1:9', timeoutMs: 1, maxConcurrency: 1, ratePerSecond: 1 });
  const read = nativeRecordReader(country, adapter, client);
  fc.assert(
    fc.property(generator.arbitrary, ({ native, records }) => {
      const reads = read(native);
      const errors = reads.flatMap((r) => ('error' in r ? [r.error.message] : []));
      expect(errors).toEqual([]);
      expect(reads.map((r) => r.id).sort()).toEqual(records.map((r) => r.nativeId).sort());
      for (const expected of records) {
        const found = reads.find((r) => r.id === expected.nativeId);
        expect(found && 'record' in found ? found.record : undefined).toMatchObject(contractShapeOf(expected));
      }
    }),
    { numRuns: runs },
  );
}

/**
 * A simulator's records, population-driven and generated, are the same on every call (seeded) and
 * name every record number once: what the e2e tests and the conformance harness rely on.
 */
export function checkSimulatorRecords<N>(simulator: { records(population: Population): N[]; idOf(native: N): string }, recordIdsOf: (native: N) => string[] = (native) => [simulator.idOf(native)]): void {
  const first = simulator.records(defaultPopulation());
  expect(simulator.records(defaultPopulation())).toEqual(first);
  const ids = first.flatMap(recordIdsOf);
  expect(new Set(ids).size).toBe(ids.length);
}
