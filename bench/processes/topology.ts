import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startChild, type BenchChild } from './child.js';
import type { GatewayReady, RegistriesReady, SubgraphsInput, SubgraphsReady } from '../roles/protocol.js';
import type { BenchOptions } from '../options.js';
import { serviceKeyEnvironment, writeServiceKeys } from '../../bin/trustKeys.js';
import { DevIssuer } from '../../platform/trust/devIssuer.js';

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
  /** Sent with every request: a case officer's bearer token and purpose. */
  headers: Record<string, string>;
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

/** What every process of one run shares: its Redis key prefix and the environment of each mode. */
function runEnvironment(options: BenchOptions, dir: string): { keyPrefix: string; cachedEnv: Record<string, string>; naiveEnv: Record<string, string> } {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const keyPrefix = `rantau-bench:${runId}:`;
  // The benchmark measures capacity from one load generator: per-caller limits would measure the limits.
  const unlimited = { RATE_LIMIT_REQUESTS: '0', REGISTRY_CALL_QUOTA: '0' };
  const cachedEnv = {
    ...unlimited,
    RESOLVERS: 'cached',
    REDIS_URL: options.redisUrl,
    CACHE_KEY_PREFIX: keyPrefix,
    // Shared by restarts of the cached subgraphs, so a restart does not empty the locator cache.
    LOCATOR_CACHE_SECRET: randomBytes(16).toString('hex'),
    // An embedded audit log belongs to one process: each subgraphs process keeps its own, in the run's folder.
    AUDIT_DATA_DIR: join(dir, 'audit-cached'),
  };
  // Each mode keeps its own embedded audit log (one PGlite folder belongs to one process tree).
  return { keyPrefix, cachedEnv, naiveEnv: { ...unlimited, RESOLVERS: 'naive', REDIS_URL: '', AUDIT_DATA_DIR: join(dir, 'audit-naive') } };
}

/**
 * Every system runs authenticated, as a deployment does: the gateways verify a development
 * issuer's tokens and sign caller contexts; every subgraph verifies them (docs/security.md).
 */
async function authEnvironment(dir: string) {
  const keys = await writeServiceKeys(join(dir, 'keys'));
  const devIssuerKeyFile = join(dir, 'keys', 'dev-issuer.key.json');
  const token = await (await DevIssuer.fromFile(devIssuerKeyFile)).issue({ role: 'case-officer', memberState: 'IDN', officer: 'bench', lifetimeS: 24 * 3600 });
  return {
    keys,
    headers: { authorization: `Bearer ${token}`, 'rantau-purpose': 'PERMIT_APPLICATION' },
    gatewayTrust: { ...serviceKeyEnvironment(keys, 'gateway'), AUTH_DEV_ISSUER: '1', AUTH_DEV_ISSUER_KEY_FILE: devIssuerKeyFile },
    subgraphTrust: serviceKeyEnvironment(keys, 'regional'),
    // Shared by restarts of the cached subgraphs and by the gateway, so sealed cache entries stay readable.
    cacheKey: { CACHE_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
  };
}

async function startRegistries(options: BenchOptions, log: (line: string) => void): Promise<{ registries: BenchChild<RegistriesReady>; registryUrls: Record<string, Record<string, string>> }> {
  log('starting registries…');
  const registries = await startChild<RegistriesReady>('registries', 'registries', { rateScale: options.rateScale });
  const registryUrls: Record<string, Record<string, string>> = {};
  for (const endpoint of registries.ready.registries) (registryUrls[endpoint.country] ??= {})[endpoint.registry] = endpoint.url;
  return { registries, registryUrls };
}

async function startIn(dir: string, options: BenchOptions, log: (line: string) => void): Promise<Topology> {
  const { keyPrefix, cachedEnv, naiveEnv } = runEnvironment(options, dir);
  const { registries, registryUrls } = await startRegistries(options, log);

  const supergraphFile = join(dir, 'supergraph.graphql');
  const naiveSupergraphFile = join(dir, 'supergraph-naive.graphql');
  log('starting cached subgraphs…');
  const { keys, headers, gatewayTrust, subgraphTrust, cacheKey } = await authEnvironment(dir);
  const cachedSubgraphs = await SubgraphsProcess.start('subgraphs-cached', { registryUrls, rateScale: options.rateScale, supergraphFile }, { ...cachedEnv, ...cacheKey, ...subgraphTrust });
  log('starting naive subgraphs…');
  const naiveSubgraphs = await SubgraphsProcess.start('subgraphs-naive', { registryUrls, rateScale: options.rateScale, supergraphFile: naiveSupergraphFile }, { ...naiveEnv, ...subgraphTrust });
  log('starting gateways…');
  const rantau = await startChild<GatewayReady>('gateway-cached', 'gateway', { supergraphFile }, { ...cachedEnv, ...cacheKey, ...gatewayTrust });
  // Its own working directory, so no gateway.config file of the checkout is picked up.
  // It signs caller contexts with the gateway's key (bench/roles/hiveSigning.config.ts), for a fixed caller.
  const hive = await startChild<GatewayReady>('hive', 'hive', { supergraphFile }, serviceKeyEnvironment(keys, 'gateway'), { cwd: dir });
  const naive = await startChild<GatewayReady>('gateway-naive', 'gateway', { supergraphFile: naiveSupergraphFile }, { ...naiveEnv, ...gatewayTrust });

  return {
    registries,
    keyPrefix,
    supergraphFile,
    systems: [
      { id: 'rantau', label: 'Rantau (cached)', url: rantau.ready.url, headers, cached: true, gateway: rantau, subgraphs: cachedSubgraphs },
      { id: 'hive', label: 'Hive Gateway', url: hive.ready.url, headers, cached: true, gateway: hive, subgraphs: cachedSubgraphs },
      { id: 'naive', label: 'Rantau (naive)', url: naive.ready.url, headers, cached: false, gateway: naive, subgraphs: naiveSubgraphs },
    ],
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Only the registries and Rantau as deployed (cached, over Redis): what the soak run drives. */
export async function startRantauTopology(options: BenchOptions, log: (line: string) => void): Promise<Topology> {
  const dir = mkdtempSync(join(tmpdir(), 'rantau-soak-'));
  try {
    const { keyPrefix, cachedEnv } = runEnvironment(options, dir);
    const { registries, registryUrls } = await startRegistries(options, log);
    const supergraphFile = join(dir, 'supergraph.graphql');
    log('starting cached subgraphs…');
    const { headers, gatewayTrust, subgraphTrust, cacheKey } = await authEnvironment(dir);
    const subgraphs = await SubgraphsProcess.start('subgraphs-cached', { registryUrls, rateScale: options.rateScale, supergraphFile }, { ...cachedEnv, ...cacheKey, ...subgraphTrust });
    log('starting the gateway…');
    const gateway = await startChild<GatewayReady>('gateway-cached', 'gateway', { supergraphFile }, { ...cachedEnv, ...cacheKey, ...gatewayTrust });
    return {
      registries,
      keyPrefix,
      supergraphFile,
      systems: [{ id: 'rantau', label: 'Rantau (cached)', url: gateway.ready.url, headers, cached: true, gateway, subgraphs }],
      close: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
