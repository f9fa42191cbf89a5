/** Every system the benchmark measures, and which like-for-like group it belongs to (bench/processes/topology.ts starts them). */
export type SystemId = 'rantau' | 'hive' | 'hive-rust' | 'rantau-nocache' | 'hive-nocache' | 'hive-rust-nocache' | 'rantau-trust-off' | 'rantau-nocache-trust-off' | 'ceiling';

/**
 * Which configurations are compared with which: `cache` (every gateway's response cache on, in the
 * same Redis), `nocache` (every response cache off; the subgraphs' record caches stay, the same
 * for all), `trust` (Rantau in the trust-off build, compared with Rantau only) and `ceiling`.
 */
export type SystemGroup = 'cache' | 'nocache' | 'trust' | 'ceiling';

export const SYSTEMS: Record<SystemId, { label: string; group: SystemGroup }> = {
  rantau: { label: 'Rantau', group: 'cache' },
  hive: { label: 'Hive Gateway', group: 'cache' },
  'hive-rust': { label: 'Hive Gateway + Rust planner', group: 'cache' },
  'rantau-nocache': { label: 'Rantau, no response cache', group: 'nocache' },
  'hive-nocache': { label: 'Hive Gateway, no response cache', group: 'nocache' },
  'hive-rust-nocache': { label: 'Hive Gateway + Rust planner, no response cache', group: 'nocache' },
  'rantau-trust-off': { label: 'Rantau, trust off', group: 'trust' },
  'rantau-nocache-trust-off': { label: 'Rantau, no response cache, trust off', group: 'trust' },
  ceiling: { label: 'Static ceiling', group: 'ceiling' },
};

