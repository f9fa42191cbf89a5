import { defaultPopulation } from '../../sandbox/population/population.js';
import { countryCodes } from '../../subgraphs/countries.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { toGlobalId } from '../../schema/ids/index.js';
import { servedRecordIds } from '../../sandbox/simulator/simulator.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { shuffled } from './sampling.js';
import type { WorkerIdentity } from './queries.js';

/**
 * Real workers and real record ids of the synthetic population the simulators serve, so every
 * request of the benchmark asks for something a registry holds.
 */
export interface Population {
  /** Every traveller with a record in a served country, in a fixed shuffled order. */
  workers: WorkerIdentity[];
  /** Workers with records in the most served countries first (the warm single worker is the first). */
  richWorkers: WorkerIdentity[];
  /** Global ids of every record, interleaved registry by registry so any 50 span many registries. */
  recordIds: string[];
}

const SEED = 20251026;

function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i += 1) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

export async function loadPopulation(): Promise<Population> {
  const population = defaultPopulation();
  const served = countryCodes();
  const workers = population.people
    .filter((person) => person.passportNo !== null && person.holdings.some((holding) => served.includes(holding.country)))
    .map((person) => ({ nationality: person.nationality, documentNumber: person.passportNo!, dateOfBirth: person.dateOfBirth }));

  const idsByRegistry: string[][] = [];
  for (const code of served) {
    for (const definition of await loadSimulators(code)) {
      const ids = servedRecordIds(definition, definition.records(population)).map((nativeId) => toGlobalId(code, definition.profile.kind, nativeId));
      idsByRegistry.push(shuffled(ids, SEED));
    }
  }
  return {
    workers: shuffled(workers, SEED),
    richWorkers: sampleCandidates(population, served, 100, 2),
    recordIds: interleave(idsByRegistry),
  };
}
