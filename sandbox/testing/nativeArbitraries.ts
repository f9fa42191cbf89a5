// Small parts the registries' property-based generators share (issue 11, sandbox/testing/generated.ts):
// the canonical values a generator chooses first — calendar dates across the range registries hold,
// ISO alpha-3 nationalities, travel documents in their compared form, numbers unique per sample,
// names and text in the forms registries write — from which it writes the native record and
// computes its expectation on its own. Sandboxes only.
import fc from 'fast-check';
import countries from 'i18n-iso-countries';

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

/** Every ISO 3166-1 alpha-3 code of the maintained data set. */
export const ALL_ALPHA3: readonly string[] = Object.keys(countries.getAlpha3Codes()).sort();

/** A nationality among every ISO country. */
export const anyAlpha3 = fc.constantFrom(...ALL_ALPHA3);

const DAY = 86_400_000;

/** An ISO calendar date between two ISO dates (inclusive). */
export function isoDateBetween(from: string, to: string): fc.Arbitrary<string> {
  const start = Date.parse(`${from}T00:00:00Z`) / DAY;
  const end = Date.parse(`${to}T00:00:00Z`) / DAY;
  return fc.integer({ min: start, max: end }).map((day) => new Date(day * DAY).toISOString().slice(0, 10));
}

/** A travel-document number as identity matching compares it (upper-case letters and digits). */
export const documentNumber = passportNumber;

/** Unique per sample within a run, so that generated numbers never collide in a simulator. */
export function sampleCounter(): () => number {
  let n = 0;
  return () => (n += 1);
}

/** A record number in one of several shapes, unique per sample (each shape writes the sample's counter). */
export function uniqueNumber(shapes: ReadonlyArray<(n: number) => string>): fc.Arbitrary<string> {
  const next = sampleCounter();
  return fc.nat({ max: shapes.length - 1 }).map((shape) => shapes[shape](next()));
}
