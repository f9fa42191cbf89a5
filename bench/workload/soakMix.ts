import { Random } from '../../sandbox/population/prng.js';
import { zipfSampler } from './sampling.js';
import { nodesBody, nodesQuery, workerBody, workersBody } from './queries.js';
import type { Population } from './population.js';

/**
 * The soak run's traffic: what a day of look-ups looks like rather than one scenario at a time.
 * Mostly single-worker look-ups (an employer or agency checking one person), some small batches of
 * workers, some look-ups of records by id, all drawn Zipf-like from a fixed pool so that caches
 * reach a realistic steady hit rate and cold misses keep arriving from the long tail.
 */
export interface SoakMixShare {
  kind: 'worker' | 'workers' | 'nodes';
  /** Share of requests, out of 1. */
  share: number;
  description: string;
}

export const WORKERS_PER_BATCH = 10;
export const NODES_PER_LOOKUP = 50;
/** Record-id look-ups are drawn from this many groups of NODES_PER_LOOKUP ids. */
const NODE_GROUPS = 40;

export const SOAK_MIX: readonly SoakMixShare[] = [
  { kind: 'worker', share: 0.8, description: 'one worker: `worker(nationality, documentNumber, dateOfBirth)`' },
  { kind: 'workers', share: 0.1, description: `${WORKERS_PER_BATCH} workers in one query: \`workers(identities)\`` },
  { kind: 'nodes', share: 0.1, description: `${NODES_PER_LOOKUP} records by id: \`node(id)\` ×${NODES_PER_LOOKUP}` },
];

/** Request bodies in the SOAK_MIX proportions; the same sequence on every run (fixed seeds). */
export function soakMix(population: Population, poolSize: number): () => string {
  const pool = population.workers.slice(-Math.min(poolSize, population.workers.length));
  const drawWorker = zipfSampler(pool.length, 1.0, 11);
  const groups = Math.max(1, Math.min(NODE_GROUPS, Math.floor(population.recordIds.length / NODES_PER_LOOKUP)));
  const drawGroup = zipfSampler(groups, 1.0, 13);
  const nodes = nodesQuery(NODES_PER_LOOKUP);
  const random = new Random(17);
  return () => {
    let roll = random.next();
    const kind = SOAK_MIX.find((entry) => (roll -= entry.share) < 0)?.kind ?? 'worker';
    if (kind === 'workers') return workersBody(Array.from({ length: WORKERS_PER_BATCH }, () => pool[drawWorker()]));
    if (kind === 'nodes') {
      const start = drawGroup() * NODES_PER_LOOKUP;
      return nodesBody(nodes, population.recordIds.slice(start, start + NODES_PER_LOOKUP));
    }
    return workerBody(pool[drawWorker()]);
  };
}
