import type { Population } from '../../sandbox/population/population.js';
import type { RegistryProfile } from '../../subgraphs/kit/adapter.js';
import type { RecordKind } from '../../schema/ids/index.js';
import { loadFixtures, servedRecordIds, type SimulatorDefinition } from '../../sandbox/simulator/simulator.js';

/**
 * What the suite asks a country for, drawn from its own simulators' synthetic records and from the
 * shared population, so that a newly scaffolded country is tested with no list kept here.
 */
export interface RegistrySample {
  /** `IDN/bnsp`, as the test stack names its simulators. */
  key: string;
  profile: RegistryProfile;
  /** The GraphQL type its records must come back as (`IdnCertification`, `IdnWorkPermit`). */
  typename: string;
  /** The global id of every record the simulator serves, in the simulator's order. */
  globalIds: string[];
}

export interface SampleIdentity {
  nationality: string;
  documentNumber: string;
  dateOfBirth: string;
}

/** `IDN` → `Idn`, written out here rather than imported so the suite checks the kit's naming. */
function typePrefix(code: string): string {
  return code[0] + code.slice(1).toLowerCase();
}

export function registrySamples(code: string, simulators: SimulatorDefinition<never>[], population: Population): RegistrySample[] {
  return simulators.map((simulator) => {
    const { profile } = simulator;
    // What the simulator serves: the population's records and the fixture files (FIXTURES_DIR), as the stack loads them.
    const records = [...simulator.records(population), ...loadFixtures<never>(process.env.FIXTURES_DIR, code, profile.key)];
    if (records.length === 0) throw new Error(`${code}/${profile.key}: the simulator serves no records, so nothing can be checked: give it fixtures (FIXTURES_DIR/${code}/${profile.key}.jsonl) or corridors in sandbox/population/corridors.json`);
    return {
      key: `${code}/${profile.key}`,
      profile,
      typename: `${typePrefix(code)}${profile.kind === 'CERT' ? 'Certification' : 'WorkPermit'}`,
      globalIds: servedRecordIds(simulator, records).map((id) => `${code}:${profile.kind}:${id}`),
    };
  });
}

/** `count` items spread evenly over the list, first and last included, no repeats. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  if (count <= 1) return items.slice(0, count);
  const picks = new Set<number>();
  for (let i = 0; i < count; i += 1) picks.add(Math.round((i * (items.length - 1)) / (count - 1)));
  return [...picks].map((i) => items[i]);
}

/**
 * People with a travel document who, by the population, hold a record of every kind in `kinds` in
 * `code`, in population order. What the registries hold is for the caller to ask: a simulator may
 * leave some holdings out.
 */
export function holdersIn(population: Population, code: string, kinds: readonly RecordKind[], limit: number): SampleIdentity[] {
  return population.people
    .filter((p) => p.passportNo !== null && kinds.every((kind) => p.holdings.some((h) => h.country === code && h.kind === kind)))
    .slice(0, limit)
    .map((p) => ({ nationality: p.nationality, documentNumber: p.passportNo!, dateOfBirth: p.dateOfBirth }));
}
