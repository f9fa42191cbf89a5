import type { Population } from '../../sandbox/population/population.js';
import { MAX_WORKERS_PER_QUERY } from '../../subgraphs/regional/resolvers.js';
import type { TestStack } from '../e2e/testStack.js';
import { answersLive } from './lookupStyle.js';
import { WORKER, WORKERS, type WorkerRecords, type WorkerResult, type WorkersResult } from './queries.js';
import { callsDuring } from './registryCalls.js';
import { holdersIn, type RegistrySample, type SampleIdentity } from './samples.js';

/**
 * Who and what to break to show partial data: a real worker, a registry that is asked about that
 * worker (and so can fail the lookup), and the other registry, whose records must survive.
 * Adapters rightly spare a registry questions it cannot answer (a permit registry is not asked about
 * its own citizens, NSSA only about Myanmar nationals), and not every country hosts certified
 * foreigners, so the pair is found by asking the stack: the permit registry goes down when some
 * worker it is asked about keeps certifications, else the certification registry. Registries that
 * answer from an extract index are never chosen: the index would hide the outage.
 */
export interface OutageSubject {
  person: SampleIdentity;
  down: RegistrySample;
  kept: keyof WorkerRecords;
  lost: keyof WorkerRecords;
  /** The worker as answered with every registry up. */
  healthy: WorkerRecords;
}

const listOf = (kind: string): keyof WorkerRecords => (kind === 'CERT' ? 'certifications' : 'permits');
/** Workers tried per registry: enough to get past a few the registry is not asked about, few enough to stay quick. */
const TRIES = 3;

export async function outageSubject(stack: TestStack, samples: readonly RegistrySample[], population: Population): Promise<OutageSubject> {
  const code = samples[0].key.split('/')[0];
  const tried: string[] = [];
  for (const down of ['PERMIT', 'CERT'].map((kind) => samples.find((s) => s.profile.kind === kind)).filter((s) => s !== undefined && answersLive(s.profile))) {
    const keptKind = down!.profile.kind === 'CERT' ? 'PERMIT' : 'CERT';
    const kept = listOf(keptKind);
    const lost = listOf(down!.profile.kind);
    // Holders of both kinds first: for them the outage visibly removes records.
    const candidates = unique([...holdersIn(population, code, ['CERT', 'PERMIT'], MAX_WORKERS_PER_QUERY / 2), ...holdersIn(population, code, [keptKind], MAX_WORKERS_PER_QUERY / 2)]);
    const answered = (await stack.query<WorkersResult>(WORKERS, { ids: candidates })).data?.workers ?? [];
    const order = answered
      .map((worker, i) => ({ worker, person: candidates[i] }))
      .filter(({ worker }) => worker !== null && worker[kept].length > 0)
      .sort((a, b) => Number(b.worker![lost].length > 0) - Number(a.worker![lost].length > 0));
    for (const { person } of order.slice(0, TRIES)) {
      const variables = { n: person.nationality, d: person.documentNumber, b: person.dateOfBirth };
      const { calls, result } = await callsDuring(stack, down!.key, undefined, () => stack.query<WorkerResult>(WORKER, variables));
      if (result.errors === undefined && result.data?.worker && calls > 0) return { person, down: down!, kept, lost, healthy: result.data.worker };
    }
    tried.push(`${down!.key} (${order.length} workers with ${kept})`);
  }
  throw new Error(`${code}: no worker of the population has records in one registry while the other is asked about them; tried ${tried.join(', ') || 'no live registry'}`);
}

function unique(identities: SampleIdentity[]): SampleIdentity[] {
  return [...new Map(identities.map((identity) => [`${identity.nationality}:${identity.documentNumber}`, identity])).values()];
}
