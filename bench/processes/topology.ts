import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startChild, type BenchChild } from './child.js';
import { SYSTEMS, type SystemGroup, type SystemId } from './systems.js';
import { AuditDatabases } from './auditDatabases.js';
import { exportSPKI, importJWK } from 'jose';
import type { CeilingInput, GatewayInput, GatewayReady, HiveInput, RegistriesReady, SubgraphsInput, SubgraphsReady } from '../roles/protocol.js';
import type { BenchOptions } from '../options.js';
import { serviceKeyEnvironment, writeServiceKeys } from '../../bin/trustKeys.js';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DevIssuer } from '../../platform/trust/devIssuer.js';
import { readConfig } from '../../platform/config.js';

/**
 * The processes of one benchmark run, each its own OS process so its peak memory is its own and
 * no gateway shares a CPU scheduler with anything else:
 *   registries           every simulator (shared by every system)
 *   subgraphs            country subgraphs + regional, RESOLVERS=cached over Redis (this run's prefix),
 *                        trust on: what every gateway below serves, except the trust-off pair
 *   gateway-<id>         each Rantau gateway (with / without its response cache)
 *   hive-<id>            each Hive Gateway (JavaScript or Rust planner, with / without response cache)
 *   subgraphs-trust-off  the same subgraphs in the benchmark's trust-off build (bench/roles/trustOff.ts)
 *   gateway-trust-off*   Rantau gateways in the trust-off build, over subgraphs-trust-off
 *   ceiling              the static ceiling (bench/roles/ceiling.ts), started once Rantau's answer is known
 */
export { SYSTEMS, type SystemGroup, type SystemId } from './systems.js';

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
  group: SystemGroup;
  /** GraphQL endpoint the load goes to. */
  url: string;
  /** Sent with every request: a case officer's bearer token and purpose. */
  headers: Record<string, string>;
  /** Whether a response cache exists (cold and warm differ at the gateway). */
  cached: boolean;
  gateway: BenchChild<GatewayReady>;
  /** Null for the static ceiling, which has none. */
  subgraphs: SubgraphsProcess | null;
}

export interface Topology {
  registries: BenchChild<RegistriesReady>;
  systems: System[];
  /** Prefix of every Redis key this run writes (deleted before cold measurements and at the end). */
  keyPrefix: string;
  /** The supergraph file every gateway serves (the trust-off pair: its own, same SDL, other URLs). */
  supergraphFile: string;
  /** Starts the static ceiling, answering every request with `body` (bench/roles/ceiling.ts). */
  startCeiling(body: string, contentType: string): Promise<System>;
  /** Removes the run's files (and its audit databases): after every process has stopped. */
  close(): Promise<void>;
}

export function systemById(topology: Pick<Topology, 'systems'>, id: SystemId): System | undefined {
  return topology.systems.find((s) => s.id === id);
}

export async function startTopology(options: BenchOptions, wanted: readonly SystemId[], log: (line: string) => void): Promise<Topology> {
  const dir = mkdtempSync(join(tmpdir(), 'rantau-bench-'));
  try {
    return await startIn(dir, options, wanted, log);
  } catch (error) {
    // The children already started are stopped by the caller's tear-down; the files are ours.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** What every process of one run shares: its Redis key prefix and the environment of the cached stack. */
function runEnvironment(options: BenchOptions, dir: string): { keyPrefix: string; cachedEnv: Record<string, string> } {
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
  return { keyPrefix, cachedEnv };
}

/**
 * Every system runs authenticated, as a deployment does: the gateways verify a development
 * issuer's tokens and sign caller contexts; every subgraph verifies them (docs/security.md).
 */
async function authEnvironment(dir: string) {
  const keys = await writeServiceKeys(join(dir, 'keys'));
  const devIssuerKeyFile = join(dir, 'keys', 'dev-issuer.key.json');
  const issuer = await DevIssuer.fromFile(devIssuerKeyFile);
  const token = await issuer.issue({ role: 'case-officer', memberState: 'IDN', officer: 'bench', lifetimeS: 24 * 3600 });
  const [jwk] = issuer.jwks().keys;
  const issuerPublicKeyPem = await exportSPKI((await importJWK(jwk, 'ES256')) as CryptoKey);
  return {
    keys,
    issuerPublicKeyPem,
    headers: { authorization: `Bearer ${token}`, 'rantau-purpose': 'PERMIT_APPLICATION' },
    gatewayTrust: { ...serviceKeyEnvironment(keys, 'gateway'), AUTH_DEV_ISSUER: '1', AUTH_DEV_ISSUER_KEY_FILE: devIssuerKeyFile },
    subgraphTrust: serviceKeyEnvironment(keys, 'regional'),
    // Shared by restarts of the cached subgraphs and by the gateway, so sealed cache entries stay readable.
    cacheKey: { CACHE_ENCRYPTION_KEY: randomBytes(32).toString('base64') },
  };
}

async function startRegistries(options: BenchOptions, log: (line: string) => void): Promise<{ registries: BenchChild<RegistriesReady>; registryUrls: Record<string, Record<string, string>> }> {
  log(`starting registries (rate limits ×${options.rateScale})…`);
  const registries = await startChild<RegistriesReady>('registries', 'registries', { rateScale: options.rateScale });
  const registryUrls: Record<string, Record<string, string>> = {};
  for (const endpoint of registries.ready.registries) (registryUrls[endpoint.country] ??= {})[endpoint.registry] = endpoint.url;
  return { registries, registryUrls };
}

async function startIn(dir: string, options: BenchOptions, wanted: readonly SystemId[], log: (line: string) => void): Promise<Topology> {
  const run = runEnvironment(options, dir);
  const { keyPrefix } = run;
  // The country index's sync is background registry traffic, which would be counted against every
  // measurement and keep the registries from falling quiet; the index has its own benchmark
  // (npm run bench:index). Off here, the same for every gateway (the soak run keeps it on).
  const cachedEnv = { ...run.cachedEnv, INDEX: 'off' };
  const auditDatabases = options.auditPostgresUrl ? new AuditDatabases(options.auditPostgresUrl) : null;
  /** Where one process writes its audit: a database of its own with BENCH_AUDIT_POSTGRES_URL, else an embedded log of its own. */
  const auditOf = async (label: string) => ({ AUDIT_DATA_DIR: join(dir, `audit-${label}`), ...(auditDatabases ? { AUDIT_DATABASE_URL: await auditDatabases.create(label) } : {}) });
  const { registries, registryUrls } = await startRegistries(options, log);
  const responseTtlS = readConfig().cache.responseTtlS;

  const supergraphFile = join(dir, 'supergraph.graphql');
  const { keys, headers, gatewayTrust, subgraphTrust, cacheKey, issuerPublicKeyPem } = await authEnvironment(dir);
  log('starting subgraphs…');
  const subgraphs = await SubgraphsProcess.start('subgraphs', { registryUrls, rateScale: options.rateScale, supergraphFile }, { ...cachedEnv, ...cacheKey, ...subgraphTrust, ...(await auditOf('subgraphs')) });
  const systems: System[] = [];
  const add = (id: SystemId, gateway: BenchChild<GatewayReady>, over: SubgraphsProcess | null, cached: boolean) =>
    systems.push({ id, ...SYSTEMS[id], url: gateway.ready.url, headers, cached, gateway, subgraphs: over });

  const rantau = async (id: SystemId, responseCache: boolean) => {
    log(`starting ${SYSTEMS[id].label}…`);
    // Its audit chain in a log of its own: one PGlite folder belongs to one process.
    const env = { ...cachedEnv, ...cacheKey, ...gatewayTrust, ...(await auditOf(`gateway-${id}`)) };
    add(id, await startChild<GatewayReady>(`gateway-${id}`, 'gateway', { supergraphFile, responseCache } satisfies GatewayInput, env), subgraphs, responseCache);
  };
  const hive = async (id: SystemId, responseCache: boolean, rust: boolean) => {
    log(`starting ${SYSTEMS[id].label}…`);
    const input: HiveInput = { supergraphFile, responseCache, rust, redisUrl: options.redisUrl, keyPrefix, responseTtlS, issuerPublicKeyPem, issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE };
    // Its own working directory, so no gateway.config file of the checkout is picked up.
    add(id, await startChild<GatewayReady>(id, 'hive', input, serviceKeyEnvironment(keys, 'gateway'), { cwd: dir }), subgraphs, responseCache);
  };
  if (wanted.includes('rantau')) await rantau('rantau', true);
  if (wanted.includes('hive')) await hive('hive', true, false);
  if (wanted.includes('hive-rust')) await hive('hive-rust', true, true);
  if (wanted.includes('rantau-nocache')) await rantau('rantau-nocache', false);
  if (wanted.includes('hive-nocache')) await hive('hive-nocache', false, false);
  if (wanted.includes('hive-rust-nocache')) await hive('hive-rust-nocache', false, true);

  const trustOff = wanted.filter((id) => SYSTEMS[id].group === 'trust');
  if (trustOff.length > 0) {
    // Its own subgraphs and supergraph, in the trust-off build; the same Redis prefix and keys, so
    // its record caches hold what the trusted stack's hold (the same registries answered both).
    log('starting subgraphs, trust off…');
    const offSupergraph = join(dir, 'supergraph-trust-off.graphql');
    const offEnv = { ...cachedEnv, ...cacheKey, AUDIT_DATA_DIR: join(dir, 'audit-trust-off') };
    const offSubgraphs = await SubgraphsProcess.start('subgraphs-trust-off', { registryUrls, rateScale: options.rateScale, supergraphFile: offSupergraph, trust: 'off' }, offEnv);
    for (const id of trustOff) {
      log(`starting ${SYSTEMS[id].label}…`);
      const responseCache = id === 'rantau-trust-off';
      add(id, await startChild<GatewayReady>(`gateway-${id}`, 'gateway', { supergraphFile: offSupergraph, responseCache, trust: 'off' } satisfies GatewayInput, offEnv), offSubgraphs, responseCache);
    }
  }

  return {
    registries,
    keyPrefix,
    supergraphFile,
    systems,
    close: async () => {
      rmSync(dir, { recursive: true, force: true });
      await auditDatabases?.dropAll();
    },
    startCeiling: async (body, contentType) => {
      const gateway = await startChild<GatewayReady>('ceiling', 'ceiling', { body, contentType } satisfies CeilingInput);
      const system: System = { id: 'ceiling', ...SYSTEMS.ceiling, url: gateway.ready.url, headers, cached: false, gateway, subgraphs: null };
      systems.push(system);
      return system;
    },
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
    const gateway = await startChild<GatewayReady>('gateway-cached', 'gateway', { supergraphFile }, { ...cachedEnv, ...cacheKey, ...gatewayTrust, AUDIT_DATA_DIR: join(dir, 'audit-gateway') });
    return {
      registries,
      keyPrefix,
      supergraphFile,
      systems: [{ id: 'rantau', ...SYSTEMS.rantau, url: gateway.ready.url, headers, cached: true, gateway, subgraphs }],
      startCeiling: () => Promise.reject(new Error('the soak run has no ceiling')),
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
