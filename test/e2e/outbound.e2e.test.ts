import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { isIP } from 'node:net';
import { watchOutbound, type OutboundWatch } from '../support/outboundWatch.js';
import { startTestStack, testConfig, NO_CACHE_TTLS, type TestStack } from './testStack.js';
import { freePort } from '../../platform/httpServer.js';
import { loadSimulators } from '../../sandbox/countrySimulators.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { countryCodes } from '../../subgraphs/countries.js';

// No unconfigured outbound connection (issue 8): Rantau carries workers' personal data, so the
// whole stack, started and put under a real query load, may connect to nothing but its own
// services and the registries it was configured with. @apollo/gateway would otherwise report
// to Apollo and probe cloud metadata addresses (gateway/limits/noPhoningHome.ts).
describe('outbound connections', () => {
  let watch: OutboundWatch;
  let stack: TestStack;

  beforeAll(async () => {
    // Watching from before anything starts: start-up is when a library would phone home.
    watch = watchOutbound();
    stack = await startTestStack({ config: testConfig(NO_CACHE_TTLS) });
  });
  afterAll(async () => {
    await stack?.close();
    watch?.stop();
  });

  const allowed = () => {
    const ports = [stack.gateway.port, stack.regional.port, ...[...stack.subgraphs.values()].map((s) => s.port), ...[...stack.simulators.values()].map((s) => s.port)];
    // The configured stores are the stack's own services too: the audit log's PostgreSQL (test/globalSetup.ts).
    const stores = [process.env.AUDIT_DATABASE_URL].filter((url): url is string => !!url).map((url) => `${new URL(url).hostname}:${new URL(url).port || '5432'}`);
    return new Set([...ports.flatMap((port) => ['127.0.0.1', 'localhost', '::1'].map((host) => `${host}:${port}`)), ...stores]);
  };

  it('notices a connection nobody configured (the watch itself works)', async () => {
    const port = await freePort();
    await new Promise<void>((resolve) => request({ host: '127.0.0.1', port, path: '/' }).on('error', () => resolve()).end());
    expect(watch.connections).toContain(`127.0.0.1:${port}`);
    expect(allowed().has(`127.0.0.1:${port}`)).toBe(false);
    watch.connections.splice(watch.connections.indexOf(`127.0.0.1:${port}`), 1);
  });

  it('connects only to its own services and configured registries under a real query load', async () => {
    const population = defaultPopulation();
    const workers = sampleCandidates(population, countryCodes(), 20, 1);
    const [bnsp] = await loadSimulators('IDN');
    const ids = bnsp.records(population).slice(0, 40).map((r) => `IDN:CERT:${bnsp.idOf(r as never)}`);
    const load: Array<() => Promise<{ data?: unknown }>> = [
      ...workers.map((w) => () => stack.query('query($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { id certifications { id title } permits { id status } } }', { n: w.nationality, d: w.documentNumber, b: w.dateOfBirth })),
      () => stack.query('query($w: [WorkerIdentityInput!]!) { workers(identities: $w) { id } }', { w: workers.map((w) => ({ nationality: w.nationality, documentNumber: w.documentNumber })) }),
      () => stack.query('query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Certification { title status } } }', { ids }),
      ...ids.slice(0, 10).map((id) => () => stack.query('query($id: ID!) { node(id: $id) { id } }', { id })),
    ];
    // Four at a time: a real load, without timeouts on a busy machine deciding the outcome.
    const answered: unknown[] = [];
    for (let i = 0; i < load.length; i += 4) {
      const settled = await Promise.allSettled(load.slice(i, i + 4).map((ask) => ask()));
      for (const outcome of settled) if (outcome.status === 'fulfilled' && outcome.value.data) answered.push(outcome.value.data);
    }
    expect(answered.length).toBeGreaterThan(load.length / 2);
    // Anything a library schedules shortly after start-up and first use has had time to happen.
    await new Promise((r) => setTimeout(r, 1500));
    const ok = allowed();
    expect(watch.connections.length).toBeGreaterThan(0);
    expect(watch.connections.filter((target) => !ok.has(target))).toEqual([]);
    // No host name resolved but loopback (a metadata service or a reporting endpoint would be one).
    expect(watch.lookups.filter((host) => host !== 'localhost' && !isIP(host))).toEqual([]);
  });
});
