// Parts the registries' property-based generators share (see generated.ts): dates, travel documents
// as a registry may write them, country names in a registry's language straight from the maintained
// data set, unique record numbers, and the check that a generator's natives read, through the kit,
// as the generator expects. Tests and generators only.
import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { expect } from 'vitest';
import { formatNativeDate, type NativeDateFormat } from '../../schema/dates/index.js';
import { normalizeCountryName } from '../../schema/countries/index.js';
import type { RegistryAdapter } from '../../subgraphs/kit/adapter.js';
import type { ExpectedRecord, GeneratedNative, RegistryArbitrary } from './generated.js';

/** An ISO date between two ISO dates (inclusive). */
export const isoDate = (from = '1950-01-01', to = '2030-12-31'): fc.Arbitrary<string> =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** An ISO date, and the same date written in a registry's format. */
export const nativeDate = (format: NativeDateFormat, from?: string, to?: string) => isoDate(from, to).map((iso) => ({ iso, native: formatNativeDate(iso, format) }));

/**
 * A travel-document number as the contract normalises it (`canonical`), and as a registry may write
 * it: as is, in lower case, or with a space or a dash inside (documents compare without them).
 */
export const travelDocument = (): fc.Arbitrary<{ canonical: string; native: string }> =>
  fc.tuple(fc.stringMatching(/^[A-Z]{1,2}[0-9]{6,8}$/), fc.constantFrom('as-is', 'lower', 'space', 'dash')).map(([canonical, style]) => ({
    canonical,
    native: style === 'lower' ? canonical.toLowerCase() : style === 'space' ? `${canonical.slice(0, 2)} ${canonical.slice(2)}` : style === 'dash' ? `${canonical.slice(0, 3)}-${canonical.slice(3)}` : canonical,
  }));

/** Composed or decomposed Unicode: the same text, as registries whose words carry accents may send it. */
export const unicodeForm = (): fc.Arbitrary<'NFC' | 'NFD'> => fc.constantFrom('NFC', 'NFD');

/**
 * Countries a registry writes by name, in `locale`, with the registry's own spellings (`spellings`,
 * name → alpha-3) first: every country of the data set whose official name in that locale names it
 * alone (a name the data set gives two countries could not be read back as one).
 */
export function countryByName(locale: string, spellings: Readonly<Record<string, string>> = {}): fc.Arbitrary<{ alpha3: string; name: string }> {
  const owners = new Map<string, Set<string>>();
  const all = countries.getNames(locale, { select: 'all' }) as Record<string, string[]>;
  for (const [alpha2, names] of Object.entries(all)) for (const name of names) owners.set(normalizeCountryName(name), (owners.get(normalizeCountryName(name)) ?? new Set()).add(countries.alpha2ToAlpha3(alpha2) ?? alpha2));
  for (const [name, alpha3] of Object.entries(spellings)) owners.set(normalizeCountryName(name), new Set([alpha3]));
  const own = new Map(Object.entries(spellings).map(([name, alpha3]) => [alpha3, name]));
  const choices = Object.keys(countries.getAlpha3Codes())
    .map((alpha3) => ({ alpha3, name: own.get(alpha3) ?? (countries.getName(alpha3, locale, { select: 'official' }) as string | undefined) }))
    .filter((choice): choice is { alpha3: string; name: string } => choice.name !== undefined && owners.get(normalizeCountryName(choice.name))?.size === 1);
  return fc.constantFrom(...choices);
}

/** Every ISO 3166-1 alpha-3 code of the data set, for registries that write nationality as a code. */
export const alpha3Code = (): fc.Arbitrary<string> => fc.constantFrom(...Object.keys(countries.getAlpha3Codes()));

/** A counter for record numbers: every sample of a run gets its own, however fast-check shrinks or repeats. */
export function uniqueSerial(): () => number {
  let next = 0;
  return () => (next += 1);
}

/** The contract record's value for one key of an expectation. */
function actualFor(record: Record<string, unknown>, key: keyof ExpectedRecord): unknown {
  if (key === 'occupationIsco') return (record.occupation as { isco?: unknown } | null)?.isco ?? null;
  return record[key];
}

/**
 * Reads `numRuns` generated natives through the kit (`read`, from `registryTestKit`) and checks that
 * each answers exactly the records the generator expects, field by field. `wrap` turns a generated
 * native into what the adapter reads, for an adapter that reads more than the registry sends (the
 * MLSW extract's rows carry the extract they came from).
 */
export function expectReadsAsGenerated<N>(
  read: (adapter: RegistryAdapter, native: unknown) => Record<string, unknown>,
  adapter: RegistryAdapter,
  generator: RegistryArbitrary<N>,
  options: { numRuns?: number; seed?: number; wrap?: (native: N) => unknown } = {},
): void {
  fc.assert(
    fc.property(generator.arbitrary, ({ native, records }: GeneratedNative<N>) => {
      expect(records).toHaveLength(1);
      const [expected] = records;
      const record = read(adapter, options.wrap ? options.wrap(native) : native);
      const actual = Object.fromEntries(Object.keys(expected).map((key) => [key, actualFor(record, key as keyof ExpectedRecord)]));
      expect(actual).toEqual(expected);
    }),
    { numRuns: options.numRuns ?? 1000, seed: options.seed ?? 20261201 },
  );
}
