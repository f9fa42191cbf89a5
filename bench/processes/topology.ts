import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startChild, type BenchChild } from './child.js';
import type { GatewayReady, RegistriesReady, SubgraphsInput, SubgraphsReady } from '../roles/protocol.js';
import type { BenchOptions } from '../options.js';

/**
 * The processes of one benchmark run, each its own OS process so its peak memory is its own:
 *   registries        every simulator (shared by every system)
 *   subgraphs-cached  country subgraphs + regional, RESOLVERS=cached over Redis (this run's prefix)
 *   gateway-cached    the Rantau gateway with its caches
 *   hive              Hive Gateway over the same supergraph file and the same cached subgraphs
 *   subgraphs-naive   RESOLVERS=naive: no cache, no batching
 *   gateway-naive     the Rantau gateway without caches over the naive subgraphs
 */
export type SystemId = 'rantau' | 'hive' | 'naive';

/** A subgraphs process that can be restarted on the same ports (to drop a registry backlog). */
export class SubgraphsProcess {
  private constructor(
    private readonly name: string,
    private readonly input: SubgraphsInput,
    private readonly env: Record<string, string>,
    public child: BenchChild<SubgraphsReady>,
  ) {}

  static async start(name: string, input: SubgraphsInput, env: Record<string, string>): Promise<SubgraphsProcess> {
    return new SubgraphsProcess(name, input, env, await startChild<SubgraphsReady>(name, 'subgraphs', input, env));
  }

  async restart(): Promise<void> {
    await this.child.stop();
    this.child = await startChild<SubgraphsReady>(this.name, 'subgraphs', { ...this.input, ports: this.child.ready.ports }, this.env);
  }
}

export interface System {
  id: SystemId;
  label: string;
  /** GraphQL endpoint the load goes to. */
  url: string;
  /** Whether cross-request caches exist (cold and warm differ). */
  cached: boolean;
  gateway: BenchChild<GatewayReady>;
  subgraphs: SubgraphsProcess;
}

export interface Topology {
  registries: BenchChild<RegistriesReady>;
  systems: System[];
  /** Prefix of every Redis key this run writes (deleted before cold measurements and at the end). */
  keyPrefix: string;
  /** The supergraph file the Rantau gateway and Hive Gateway both serve. */
  supergraphFile: string;
  close(): void;
}

export async function startTopology(options: BenchOptions, log: (line: string) => void): Promise<Topology> {
  const dir = mkdtempSync(join(tmpdir(), 'rantau-bench-'));
  try {
    return await startIn(dir, options, log);
  } catch (error) {
    // The children already started are stopped by the caller's tear-down; the files are ours.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function startIn(dir: string, options: BenchOptions, log: (line: string) => void): Promise<Topology> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const keyPrefix = `rantau-bench:${runId}:`;
  const cachedEnv = {
    RESOLVERS: 'cached',
    REDIS_URL: options.redisUrl,
    CACHE_KEY_PREFIX: keyPrefix,
    // Shared by restarts of the cached subgraphs, so a restart does not empty the locator cache.
    LOCATOR_CACHE_SECRET: randomBytes(16).toString('hex'),
    // An embedded audit log belongs to one process: each subgraphs process keeps its own, in the run's folder.
    AUDIT_DATA_DIR: join(dir, 'audit-cached'),
  };
  const naiveEnv = { RESOLVERS: 'naive', REDIS_URL: '', AUDIT_DATA_DIR: join(dir, 'audit-naive') };

  log('starting registries…');
  const registries = await startChild<RegistriesReady>('registries', 'registries', { rateScale: options.rateScale });
  const registryUrls: Record<string, Record<string, string>> = {};
  for (const endpoint of registries.ready.registries) (registryUrls[endpoint.country] ??= {})[endpoint.registry] = endpoint.url;

  const supergraphFile = join(dir, 'supergraph.graphql');
  const naiveSupergraphFile = join(dir, 'supergraph-naive.graphql');
  log('starting cached subgraphs…');
  const cachedSubgraphs = await SubgraphsProcess.start('subgraphs-cached', { registryUrls, rateScale: options.rateScale, supergraphFile }, cachedEnv);
  log('starting naive subgraphs…');
  const naiveSubgraphs = await SubgraphsProcess.start('subgraphs-naive', { registryUrls, rateScale: options.rateScale, supergraphFile: naiveSupergraphFile }, naiveEnv);
  log('starting gateways…');
  const rantau = await startChild<GatewayReady>('gateway-cached', 'gateway', { supergraphFile }, cachedEnv);
  // Its own working directory, so no gateway.config file of the checkout is picked up.
  const hive = await startChild<GatewayReady>('hive', 'hive', { supergraphFile }, {}, { cwd: dir });
  const naive = await startChild<GatewayReady>('gateway-naive', 'gateway', { supergraphFile: naiveSupergraphFile }, naiveEnv);

  return {
    registries,
    keyPrefix,
    supergraphFile,
    systems: [
      { id: 'rantau', label: 'Rantau (cached)', url: rantau.ready.url, cached: true, gateway: rantau, subgraphs: cachedSubgraphs },
      { id: 'hive', label: 'Hive Gateway', url: hive.ready.url, cached: true, gateway: hive, subgraphs: cachedSubgraphs },
      { id: 'naive', label: 'Rantau (naive)', url: naive.ready.url, cached: false, gateway: naive, subgraphs: naiveSubgraphs },
    ],
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
