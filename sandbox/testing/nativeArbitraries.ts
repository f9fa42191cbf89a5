// Small parts the registries' property-based generators share (issue 11): calendar dates across
// the range registries hold, numbers unique per sample, and document numbers, names and text in
// the forms registries write. Sandboxes only (checkGenerator.ts proves a generator in a test).
import fc from 'fast-check';

/** An ISO calendar date (`YYYY-MM-DD`) between two years, inclusive. */
export function isoDate(fromYear = 1950, toYear = 2035): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(Date.UTC(fromYear, 0, 1)), max: new Date(Date.UTC(toYear, 11, 31)), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));
}

/** A counter that never repeats within a process: generated numbers include it, so every sample's numbers are unique. */
export function sequence(prefix = ''): () => string {
  let next = 0;
  return () => `${prefix}${(next += 1)}`;
}

/** A passport number as the contract writes it (upper case, letters and digits only). */
export const passportNumber: fc.Arbitrary<string> = fc.stringMatching(/^[A-Z]{1,2}[0-9]{6,8}$/);

/** A personal name: letters and spaces, in capitals or not. */
export const personName: fc.Arbitrary<string> = fc.stringMatching(/^[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10}){0,3}$/);

/** Free text a registry writes (titles, employers, centres): printable, trimmed, not empty. */
export const freeText: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,&()'\/-]{0,40}[A-Za-z0-9)]$/);

/** An ISCO-08 unit group (four digits, major group 0-9). */
export const iscoUnitGroup: fc.Arbitrary<string> = fc.stringMatching(/^[0-9]{4}$/);


/**
 * A seeded sample of a generator's natives, for a simulator to serve beside its population-driven
 * records: the same natives on every call, given a fresh numbering (`generator(sequence(…))`).
 */
export function sampleNatives<N>(generator: { arbitrary: fc.Arbitrary<{ native: N }> }, seed: number, count: number): N[] {
  return fc.sample(generator.arbitrary, { seed, numRuns: count }).map((generated) => generated.native);
}
