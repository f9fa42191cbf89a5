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
  /**
   * Every registry call's start and end as the simulators served it (`GET` the list, `DELETE` to
   * empty it): what the cold floor is measured from (bench/measure/coldFloor.ts).
   */
  timingsUrl: string;
}

/** One registry call as its simulator served it: wall-clock milliseconds (performance.timeOrigin based). */
export interface RegistryCallTiming {
  registry: string;
  startMs: number;
  endMs: number;
}

export interface SubgraphsInput {
  /** Registry base URLs by country code, then registry key. */
  registryUrls: Record<string, Record<string, string>>;
  rateScale: number;
  /** Where to write the supergraph composed from these subgraphs' SDL and URLs. */
  supergraphFile: string;
  /** Ports of a previous start (restart on the same addresses); ephemeral when absent. */
  ports?: Record<string, number>;
  /** 'off': the benchmark's trust-off build (bench/roles/trustOff.ts), only ever measured against 'on'. */
  trust?: 'on' | 'off';
}

export interface SubgraphsReady {
  /** Port of each service: `regional` and every country code. */
  ports: Record<string, number>;
}

export interface GatewayInput {
  supergraphFile: string;
  /** False: the gateway keeps no response cache (and no persisted queries); the subgraphs' record caches stay. */
  responseCache?: boolean;
  /** 'off': the benchmark's trust-off build (bench/roles/trustOff.ts), only ever measured against 'on'. */
  trust?: 'on' | 'off';
}

/** Hive Gateway as the benchmark configures it (bench/roles/hive.config.ts). */
export interface HiveInput {
  supergraphFile: string;
  /** Hive's response cache, in the same Redis as Rantau's, keyed per caller. */
  responseCache: boolean;
  /** The Rust query planner (@graphql-hive/router-runtime) in place of the JavaScript one. */
  rust: boolean;
  redisUrl: string;
  /** Hive's keys go under the run's prefix, so emptying the run's caches empties Hive's too. */
  keyPrefix: string;
  /** Rantau's response TTL (CACHE_TTL_RESPONSE_S): the same TTL on both sides. */
  responseTtlS: number;
  /** The development issuer's public key (SPKI PEM), which Hive's JWT plugin verifies the same tokens with. */
  issuerPublicKeyPem: string;
  issuer: string;
  audience: string;
}

/** The static ceiling: a minimal HTTP server answering every POST with these bytes. */
export interface CeilingInput {
  body: string;
  contentType: string;
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
