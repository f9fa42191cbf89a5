// Building blocks for registries' property-based generators (sandbox/testing/generated.ts): the
// canonical values a generator chooses first (an ISO date, an ISO alpha-3 nationality, a travel
// document already in its compared form), from which it writes the native record and computes
// the expectation on its own.
import fc from 'fast-check';
import countries from 'i18n-iso-countries';

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
export const documentNumber = fc.stringMatching(/^[A-Z]{1,2}[0-9]{6,8}$/);

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
