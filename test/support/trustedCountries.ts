// Country subgraphs with the owner's trust plugins (sharing policy, audit trail), served over real
// HTTP with their simulated registries, for tests of what leaves the owner. Until the signed caller
// context is verified by the subgraphs, these tests say who asks in a test-only header, read by a
// test-only caller function; the subgraph code under test is the deployment's.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { loadCountry, loadPolicy } from '../../subgraphs/countries.js';
import { buildCountrySubgraph, startCountrySubgraph, type CountrySubgraph } from '../../subgraphs/kit/buildCountrySubgraph.js';
import { auditTrail, ownerPolicy } from '../../subgraphs/kit/plugins/index.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import { leaseAuditLog } from '../../platform/audit/index.js';
import { PURPOSES, type Caller, type Purpose, type Role } from '../../platform/caller.js';
import type { RunningServer } from '../../platform/httpServer.js';

const CALLER_HEADER = 'x-test-caller';

export function testCaller(role: Role, memberState: string, purpose: Purpose | null, extra: Partial<Caller> = {}): Caller {
  return { client: `${memberState.toLowerCase()}-${role}-client`, memberState, role, purposes: [...PURPOSES], purpose, officer: `${memberState}-officer-1`, subject: null, requestId: randomUUID(), ...extra };
}

function callerOf(req: IncomingMessage): Caller | null {
  const header = req.headers[CALLER_HEADER];
  return typeof header === 'string' ? (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Caller) : null;
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
  const server = await startCountrySubgraph(subgraph, 0, undefined, callerOf);
  return {
    code,
    subgraph,
    server,
    simulators,
    async ask(caller, query, variables = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (caller) headers[CALLER_HEADER] = Buffer.from(JSON.stringify(caller)).toString('base64url');
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const raw = await response.text();
      return { raw, body: JSON.parse(raw) };
    },
    async close() {
      await server.close();
      await Promise.all(simulators.map((simulator) => simulator.close()));
    },
  };
}
