/**
 * What the benchmark's child processes and the parent tell each other. A child receives its input
 * as JSON in BENCH_CHILD_INPUT and answers once, over the IPC channel, with `{ kind: 'ready' }` or
 * `{ kind: 'failed' }`; it exits when the parent disconnects, so no child outlives a benchmark.
 */
export const CHILD_INPUT_ENV = 'BENCH_CHILD_INPUT';

export type ChildMessage<R> = { kind: 'ready'; ready: R } | { kind: 'failed'; message: string };

/** One simulated registry, as the registries process started it. */
export interface RegistryEndpoint {
  /** `IDN/bnsp`, as the tests and stats name it. */
  key: string;
  country: string;
  registry: string;
  url: string;
  batchLimit: number | null;
  batchRoute: string | null;
  /** The change feed the subgraphs poll, when the registry publishes one. */
  changeFeedRoute: string | null;
  /** The rate limit the simulator enforces (published × rate scale). */
  ratePerSecond: number;
  /** The credential its control endpoints (`/__sim/*`) answer. */
  operatorToken: string;
}

export interface RegistriesInput {
  rateScale: number;
}

export interface RegistriesReady {
  registries: RegistryEndpoint[];
}

export interface SubgraphsInput {
  /** Registry base URLs by country code, then registry key. */
  registryUrls: Record<string, Record<string, string>>;
  rateScale: number;
  /** Where to write the supergraph composed from these subgraphs' SDL and URLs. */
  supergraphFile: string;
  /** Ports of a previous start (restart on the same addresses); ephemeral when absent. */
  ports?: Record<string, number>;
}

export interface SubgraphsReady {
  /** Port of each service: `regional` and every country code. */
  ports: Record<string, number>;
}

export interface GatewayInput {
  supergraphFile: string;
}

export interface GatewayReady {
  /** The GraphQL endpoint. */
  url: string;
}

export function readChildInput<T>(): T {
  const raw = process.env[CHILD_INPUT_ENV];
  if (!raw) throw new Error(`${CHILD_INPUT_ENV} is not set: this file is started by bench/run.ts, not by hand`);
  return JSON.parse(raw) as T;
}
