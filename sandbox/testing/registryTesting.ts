import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryAdapter } from '../../subgraphs/kit/adapter.js';
import { RegistryClient } from '../../subgraphs/kit/registryClient.js';
import { nativeRecordReader, registrySource, type RecordSource } from '../../subgraphs/kit/registrySource.js';
import type { ContractRecord } from '../../subgraphs/kit/records.js';
import type { HolderIdentity } from '../../schema/ids/index.js';
import { startSimulator, type RunningSimulator, type SimulatorConfig, type SimulatorDefinition } from '../simulator/simulator.js';
import { operatorHeaders } from '../simulator/operatorCredential.js';
import { defaultPopulation } from '../population/population.js';

/**
 * What every country's adapter tests need, in one place: a client as the kit builds it, the
 * error matchers, the registry's simulator with its control surface, and a fake registry that
 * answers whatever a test wants (to break the specification on purpose). Tests only.
 */
export function registryTestKit(country: string, registry: string) {
  const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country, registry, baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
  /** A typed RegistryError of this registry with `code` (and any other extensions given). */
  const registryError = (code: string, extensions: Record<string, unknown> = {}) => expect.objectContaining({ extensions: expect.objectContaining({ code, country, registry, ...extensions }) });
  const offline = clientFor('http://127.0.0.1:9');
  return {
    clientFor,
    /** Nothing listens on port 9: any call through it fails, so tests can prove none is made. */
    offline,
    registryError,
    protocolError: registryError('REGISTRY_PROTOCOL_ERROR'),
    unreadable: (nativeId: string) => registryError('RECORD_UNREADABLE', { nativeId }),
    /** The adapter as the kit runs it (contract checked, records completed), over a client of `baseUrl`. */
    connect: (adapter: RegistryAdapter, baseUrl: string, timeoutMs = 1000) => testAdapter(registrySource(country, adapter, clientFor(baseUrl, timeoutMs))),
    /** One native record read as the kit reads it: the complete contract record, or the RECORD_UNREADABLE error thrown. */
    read: (adapter: RegistryAdapter, native: unknown): ContractRecord & Record<string, unknown> => readOne(country, adapter, native),
  };
}

/** What adapter tests call: the kit's record source, with answers shaped for assertions. */
export interface TestAdapter {
  /** Records by number; rejects with the first error any number met (as the first contract did). */
  fetchByIds(ids: readonly string[]): Promise<Map<string, ContractRecord>>;
  /** One outcome per number: a record, null (not held), or its own error. */
  loadMany(ids: readonly string[]): Promise<Array<ContractRecord | null | Error>>;
  /** The holder's readable records; rejects with the first unreadable one's error. */
  findByHolder(identity: HolderIdentity): Promise<ContractRecord[]>;
  source: RecordSource;
}

export function testAdapter(source: RecordSource): TestAdapter {
  return {
    source,
    loadMany: (ids) => source.loadMany(ids),
    async fetchByIds(ids) {
      const outcomes = await source.loadMany(ids);
      const error = outcomes.find((outcome): outcome is Error => outcome instanceof Error);
      if (error) throw error;
      return new Map(outcomes.flatMap((outcome, i) => (outcome === null || outcome instanceof Error ? [] : [[ids[i], outcome] as const])));
    },
    async findByHolder(identity) {
      const holder = await source.findByHolder(identity);
      if (holder.unreadable.length > 0) throw holder.unreadable[0];
      return holder.records;
    },
  };
}

function readOne(country: string, adapter: RegistryAdapter, native: unknown): ContractRecord & Record<string, unknown> {
  const offline = new RegistryClient({ country, registry: adapter.profile.key, baseUrl: 'http://127.0.0.1:9', timeoutMs: 1, maxConcurrency: 1, ratePerSecond: 1 });
  const [first] = nativeRecordReader(country, adapter, offline)(native);
  if (!first) throw new Error(`${country} ${adapter.profile.key}: the adapter read no record from this native record`);
  if ('error' in first) throw first.error;
  return first.record as ContractRecord & Record<string, unknown>;
}

export interface NativeAnswer<B = Record<string, unknown>> {
  status: number;
  retryAfter: string | null;
  body: B;
}

export interface TestSimulator {
  url: string;
  simulator: RunningSimulator;
  /** A native GET as a client of the registry sees it (JSON bodies). */
  get<B = Record<string, unknown>>(path: string): Promise<NativeAnswer<B>>;
  /** A native POST with a JSON body. */
  post<B = Record<string, unknown>>(path: string, json: unknown): Promise<NativeAnswer<B>>;
  stats(): Promise<{ routes: Record<string, number>; total: number }>;
  resetStats(): Promise<void>;
  configure(config: Partial<SimulatorConfig>): Promise<void>;
  /** Adds or replaces native records (and feeds the change log). */
  upsert(records: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** The registry's simulator on an ephemeral port: no latency, no faults, a generous rate limit. */
export async function startTestSimulator<N>(definition: SimulatorDefinition<N>, config: Partial<SimulatorConfig> = {}): Promise<TestSimulator> {
  const simulator = await startSimulator(definition, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000, ...config } });
  const operator = operatorHeaders(simulator.operatorToken);
  const control = (path: string, body?: unknown) => fetch(`${simulator.url}/__sim/${path}`, { method: 'POST', headers: operator, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = async <B>(response: Response): Promise<NativeAnswer<B>> => ({ status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as B });
  return {
    url: simulator.url,
    simulator,
    get: async (path) => answer(await fetch(`${simulator.url}${path}`)),
    post: async (path, json) => answer(await fetch(`${simulator.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) })),
    stats: async () => (await (await fetch(`${simulator.url}/__sim/stats`, { headers: operator })).json()) as { routes: Record<string, number>; total: number },
    resetStats: async () => void (await control('stats/reset')),
    configure: async (next) => void (await control('config', next)),
    upsert: async (records) => void (await control('records', records)),
    close: () => simulator.close(),
  };
}

export interface FakeRegistry {
  url: string;
  /** The next answers: status, body (an object is sent as JSON, a string as it is) and headers. */
  reply(status: number, body: unknown, headers?: Record<string, string>): void;
  /** Paths (with query) asked so far. */
  readonly asked: string[];
  /** Every request so far, with its method and body. */
  readonly requests: Array<{ method: string; url: string; body: string }>;
  close(): Promise<void>;
}

/** A registry that answers what the test says, however wrong: for the adapter's refusals. */
export async function startFakeRegistry(): Promise<FakeRegistry> {
  let status = 200;
  let body = '';
  let headers: Record<string, string> = {};
  const asked: string[] = [];
  const requests: Array<{ method: string; url: string; body: string }> = [];
  const server: Server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? 'GET', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    requests,
    reply(nextStatus, nextBody, nextHeaders) {
      status = nextStatus;
      body = typeof nextBody === 'string' ? nextBody : JSON.stringify(nextBody);
      headers = { 'content-type': 'application/json', ...nextHeaders };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the shared fault suite calls: an adapter of either contract, as tests see it. */
export type CallableAdapter = Pick<TestAdapter, 'fetchByIds' | 'findByHolder'>;

export interface FaultSuite<N> {
  country: string;
  simulator: SimulatorDefinition<N>;
  adapter: RegistryAdapter;
  /** One registry call through the adapter, for records the simulator holds. */
  call(adapter: CallableAdapter, records: N[]): Promise<unknown>;
  /** The route `call` uses, as the simulator's stats name it. */
  route: string;
}

/**
 * The failures every registry shares, through the adapter and the kit's client against the
 * registry's own simulator: 503 is retried once and then REGISTRY_UNAVAILABLE; a 429 whose
 * Retry-After does not fit the budget is REGISTRY_RATE_LIMITED; a call that hangs ends at the
 * client's timeout as REGISTRY_UNAVAILABLE.
 */
export function describeRegistryFaults<N>(suite: FaultSuite<N>): void {
  const { registryError, clientFor } = registryTestKit(suite.country, suite.simulator.profile.key);
  const connect = (client: RegistryClient): CallableAdapter => testAdapter(registrySource(suite.country, suite.adapter, client));
  describe(`${suite.country} ${suite.simulator.profile.key}: shared registry faults`, () => {
    let sim: TestSimulator;
    let natives: N[] | undefined;
    const records = () => (natives ??= suite.simulator.records(defaultPopulation()));
    beforeAll(async () => {
      sim = await startTestSimulator(suite.simulator);
    });
    afterAll(() => sim.close());

    it('retries a 503 once, then reports REGISTRY_UNAVAILABLE', async () => {
      await sim.configure({ faultRate: 1 });
      try {
        await sim.resetStats();
        await expect(suite.call(connect(clientFor(sim.url)), records())).rejects.toEqual(registryError('REGISTRY_UNAVAILABLE', { reason: 'http-503' }));
        expect((await sim.stats()).routes[suite.route]).toBe(2);
      } finally {
        await sim.configure({ faultRate: 0 });
      }
    });

    it('reports REGISTRY_RATE_LIMITED when Retry-After does not fit the budget', async () => {
      await sim.configure({ ratePerSecond: 1 });
      try {
        const adapter = connect(clientFor(sim.url, 300));
        const outcomes = await Promise.allSettled([0, 1, 2].map(() => suite.call(adapter, records())));
        const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected?.reason).toEqual(registryError('REGISTRY_RATE_LIMITED', { retryAfterSeconds: expect.any(Number) }));
      } finally {
        await sim.configure({ ratePerSecond: 1000 });
      }
    });

    it('ends a call that hangs at the client\'s timeout as REGISTRY_UNAVAILABLE', async () => {
      await sim.configure({ hangRate: 1 });
      try {
        await expect(suite.call(connect(clientFor(sim.url, 200)), records())).rejects.toEqual(registryError('REGISTRY_UNAVAILABLE', { reason: 'timeout' }));
      } finally {
        await sim.configure({ hangRate: 0 });
      }
    });
  });
}
