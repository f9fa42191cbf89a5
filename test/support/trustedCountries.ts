// Country subgraphs with the owner's trust plugins (sharing policy, audit trail), served over real
// HTTP with their simulated registries, for tests of what leaves the owner. The tests say who asks
// the way the gateway does: a caller context signed with the gateway's key, which every subgraph
// verifies (docs/security.md); the subgraph code under test is the deployment's.
import { randomUUID } from 'node:crypto';
import { loadCountry, loadPolicy } from '../../subgraphs/countries.js';
import { buildCountrySubgraph, startCountrySubgraph, type CountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { auditTrail, ownerPolicy } from '../../subgraphs/kit/plugins/index.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import { leaseAuditLog } from '../../platform/audit/index.js';
import { PURPOSES, type Caller, type Purpose, type Role } from '../../platform/caller.js';
import type { RunningServer } from '../../platform/httpServer.js';
import { embeddedTrust, type EmbeddedTrust } from '../../bin/trustRuntime.js';
import { DevIssuer } from '../../platform/trust/devIssuer.js';
import { readConfig } from '../../platform/config.js';

/** The gateway's and the regional subgraph's keys for these tests, as the embedded stack makes them. */
export const testTrust: Promise<EmbeddedTrust> = (async () => embeddedTrust({ ...readConfig({}).trust, devIssuer: true }, await DevIssuer.inMemory()))();

export function testCaller(role: Role, memberState: string, purpose: Purpose | null, extra: Partial<Caller> = {}): Caller {
  return { client: `${memberState.toLowerCase()}-${role}-client`, memberState, role, purposes: [...PURPOSES], purpose, officer: `${memberState}-officer-1`, subject: null, requestId: randomUUID(), ...extra };
}


export interface TrustedCountry {
  code: string;
  subgraph: CountrySubgraph;
  server: RunningServer;
  simulators: RunningSimulator[];
  /** POSTs to the country subgraph as `caller` and returns the raw body text and its parse. */
  ask(caller: Caller | null, query: string, variables?: Record<string, unknown>): Promise<{ raw: string; body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }>;
  close(): Promise<void>;
}

export async function startTrustedCountry(code: string, audit: { location: string; hmacKey: string }): Promise<TrustedCountry> {
  const simulators: RunningSimulator[] = [];
  const registryUrls: Record<string, string> = {};
  for (const definition of await loadSimulators(code)) {
    const simulator = await startSimulator(definition, { port: 0, config: { latencyMs: [0, 1], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 } });
    simulators.push(simulator);
    registryUrls[definition.profile.key] = simulator.url;
  }
  const subgraph = await buildCountrySubgraph((await loadCountry(code)).country, {
    registryUrls,
    registryTimeoutMs: 5000,
    maxConcurrency: 8,
    ratePerSecond: 100_000,
    plugins: [ownerPolicy({ policy: loadPolicy(code), withoutCaller: 'refuse' }), auditTrail({ lease: leaseAuditLog(audit.location), writer: `country:${code}`, hmacKey: audit.hmacKey })],
  });
  const trust = await testTrust;
  const server = await startCountrySubgraph(subgraph, 0, trust.verifierFor(code.toLowerCase()));
  return {
    code,
    subgraph,
    server,
    simulators,
    async ask(caller, query, variables = {}) {
      const url = `${server.url}/graphql`;
      const body = JSON.stringify({ query, variables });
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(await trust.gateway.signer.headerFor({ caller }, code.toLowerCase(), url, body)) };
      const response = await fetch(url, { method: 'POST', headers, body });
      const raw = await response.text();
      return { raw, body: JSON.parse(raw) };
    },
    async close() {
      await server.close();
      await Promise.all(simulators.map((simulator) => simulator.close()));
    },
  };
}
