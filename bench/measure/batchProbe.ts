import { RegistryCalls } from './registryCalls.js';
import { deleteKeys } from './redisKeys.js';
import { post, primeUntilClean } from './post.js';
import { workersBody, type WorkerIdentity } from '../workload/queries.js';
import { quiesce, type MeasureContext } from './measurement.js';
import type { System } from '../processes/topology.js';

/**
 * The batching target, checked on single queries rather than under load: one query naming
 * 100 workers nobody asked for (caches empty) may call each batch-capable registry's batch route
 * at most ⌈100 / batch limit⌉ times; the same query once cached calls no registry at all.
 */
export interface ProbeRegistry {
  key: string;
  batchLimit: number;
  /** ⌈workers / batch limit⌉. */
  bound: number;
  batchCalls: number;
  /** Every call, the per-identity searches included (they have no batch form). */
  totalCalls: number;
}

export interface BatchProbe {
  workers: number;
  cold: { registries: ProbeRegistry[]; totalCalls: number; errors: number; settled: boolean };
  warm: { totalCalls: number; errors: number; primed: boolean; settled: boolean };
}

async function once(context: MeasureContext, system: System, body: string) {
  await context.calls.reset();
  const result = await post(system, body);
  const settled = await context.calls.settle(context.options.settleS * 1000);
  return { result, counts: await context.calls.read(), settled };
}

export async function probeBatching(context: MeasureContext, system: System, coldWorkers: WorkerIdentity[], warmWorkers: WorkerIdentity[]): Promise<BatchProbe> {
  await deleteKeys(context.options.redisUrl, context.keyPrefix);
  await quiesce(context, [system]);
  const cold = await once(context, system, workersBody(coldWorkers));
  if (!cold.settled) await system.subgraphs?.restart();
  const registries: ProbeRegistry[] = context.calls.registries
    .filter((r) => r.batchLimit !== null && r.batchRoute !== null)
    .map((r) => {
      const count = cold.counts.get(r.key);
      return { key: r.key, batchLimit: r.batchLimit!, bound: Math.ceil(coldWorkers.length / r.batchLimit!), batchCalls: count?.routes[r.batchRoute!] ?? 0, totalCalls: count?.total ?? 0 };
    });

  const warmBody = workersBody(warmWorkers);
  const primed = await primeUntilClean(system, warmBody, context.options.primeS * 1000);
  await quiesce(context, [system]);
  const warm = await once(context, system, warmBody);
  if (!warm.settled) await system.subgraphs?.restart();
  return {
    workers: coldWorkers.length,
    cold: { registries, totalCalls: RegistryCalls.sum(cold.counts), errors: cold.result.errors, settled: cold.settled },
    warm: { totalCalls: RegistryCalls.sum(warm.counts), errors: warm.result.errors, primed: primed.clean, settled: warm.settled },
  };
}
