import { Cursor, zipfSampler } from './workload/sampling.js';
import { nodesBody, nodesQuery, workerBody, workersBody, type WorkerIdentity } from './workload/queries.js';
import type { Population } from './workload/population.js';

/**
 * The four scenarios of the issue, each as phases. A phase says how its caches start (cold: this
 * run's Redis keys deleted and every request asks for data no earlier request of the run asked
 * for; warm: one answer primed, then the same request again and again; mixed: caches emptied,
 * then a Zipf-like draw over a few hundred workers) and where each request's body comes from.
 */
export type PhaseKind = 'cold' | 'warm' | 'mixed';

export interface PhaseLoad {
  nextBody: () => string;
  /** Distinct data runs out after this many requests. */
  maxRequests?: number;
  /** Sent until it answers without errors before a warm measurement. */
  prime?: string;
}

export interface Phase {
  kind: PhaseKind;
  /**
   * Concurrent queries in place of BENCH_CONNECTIONS. One cold 100-worker query asks every
   * registry ~100 times; ten at once would only measure how they all run into the time budget.
   */
  connections?: number;
  /** Delete this run's Redis keys first. */
  emptyCaches: boolean;
  /** A fresh body source for one measurement (one system). */
  load(): PhaseLoad;
}

export interface Scenario {
  id: 'single' | 'hundred' | 'nodes' | 'mixed';
  title: string;
  description: string;
  /**
   * A cheap request with the scenario's document, sent to every gateway before the first phase:
   * query plans are cached by document, and the first plan of a large supergraph takes seconds
   * that belong to no phase.
   */
  warmUp: string;
  phases: Phase[];
}

export const WORKERS_PER_QUERY = 100;
export const NODES_PER_QUERY = 50;
/** Zipf exponent of the mixed workload: the top 10 of 300 workers draw about 40 % of requests. */
const ZIPF_S = 1.0;

/**
 * Every system measured gets the same sequence of data from the same start, with this run's Redis
 * keys deleted before each: the same work, cold each time, whichever system goes first.
 */
function cold<T>(items: readonly T[], perRequest: number, body: (chunk: T[]) => string): Phase {
  return {
    kind: 'cold',
    emptyCaches: true,
    load: () => {
      const cursor = new Cursor<T>(items);
      return { nextBody: () => body(cursor.take(perRequest)), maxRequests: Math.floor(items.length / perRequest) };
    },
  };
}

function warm(fixed: string): Phase {
  return { kind: 'warm', emptyCaches: false, load: () => ({ nextBody: () => fixed, prime: fixed }) };
}

export interface ScenarioSet {
  scenarios: Scenario[];
  /** Workers no request of the run has asked for yet (the batching probe's cold query). */
  freshWorkers(count: number): WorkerIdentity[];
  /** The warm 100-worker query's workers. */
  hotHundred: WorkerIdentity[];
  /** How many times the fresh workers (warm-up, batching probe) ran out and started over. */
  wraps(): number;
}

export function buildScenarios(population: Population, mixedWorkers: number): ScenarioSet {
  // The batching probe's fresh workers come from the far end of the list, away from the mixed pool.
  const workers = new Cursor<WorkerIdentity>(population.workers.slice(0, -Math.min(mixedWorkers, population.workers.length)).reverse());
  const nodes = nodesQuery(NODES_PER_QUERY);
  const hot = population.richWorkers[0];
  const hotHundred = population.richWorkers.slice(0, WORKERS_PER_QUERY);
  const hotNodes = population.recordIds.slice(0, NODES_PER_QUERY);
  const mixedPool = population.workers.slice(-Math.min(mixedWorkers, population.workers.length));

  const scenarios: Scenario[] = [
    {
      id: 'single',
      title: '1. One worker: worker(...)',
      description: 'One worker\'s certifications and permits in every member state (`worker(nationality, documentNumber, dateOfBirth)`).',
      warmUp: workerBody(hot),
      phases: [cold(population.workers, 1, ([worker]) => workerBody(worker)), warm(workerBody(hot))],
    },
    {
      id: 'hundred',
      title: `2. ${WORKERS_PER_QUERY} workers in one query: workers(identities)`,
      description: `One query naming ${WORKERS_PER_QUERY} workers (\`workers(identities: [...])\`).`,
      warmUp: workersBody([hot]),
      phases: [{ ...cold(population.workers, WORKERS_PER_QUERY, workersBody), connections: 1 }, warm(workersBody(hotHundred))],
    },
    {
      id: 'nodes',
      title: `3. ${NODES_PER_QUERY} records by id: node(id) ×${NODES_PER_QUERY}`,
      description: `One query with ${NODES_PER_QUERY} aliased \`node(id)\` fields, each with the record's details; ids span every registry.`,
      warmUp: nodesBody(nodes, hotNodes),
      phases: [cold(population.recordIds, NODES_PER_QUERY, (ids) => nodesBody(nodes, ids)), warm(nodesBody(nodes, hotNodes))],
    },
    {
      id: 'mixed',
      title: `4. Mixed workload: worker(...) over ${mixedPool.length} workers, Zipf-like`,
      description: `Single-worker queries drawn from ${mixedPool.length} real workers with probability ∝ 1/rank (s = ${ZIPF_S}), starting from empty caches: a realistic hit rate, not one hot key.`,
      warmUp: workerBody(hot),
      phases: [
        {
          kind: 'mixed',
          emptyCaches: true,
          load: () => {
            // Every system gets the same sequence.
            const draw = zipfSampler(mixedPool.length, ZIPF_S, 7);
            return { nextBody: () => workerBody(mixedPool[draw()]) };
          },
        },
      ],
    },
  ];
  return { scenarios, freshWorkers: (count) => workers.take(count), hotHundred, wraps: () => workers.wrapped };
}
