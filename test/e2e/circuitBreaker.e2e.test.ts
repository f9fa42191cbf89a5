import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { bnspSimulator } from '../../subgraphs/idn/sandbox/bnsp.simulator.js';
import { metric } from '../support/metrics.js';

// A registry that hangs: after three timed-out calls the breaker opens, and from then on look-ups
// answer at once (a stale copy where the record cache has one, circuit_open otherwise) without a
// single call reaching the registry; once it answers again, the probe after the pause closes it.
const NODE = `query N($id: ID!) { node(id: $id) { id ... on Certification { stale } } }`;
const ids = bnspSimulator.records(defaultPopulation()).slice(0, 6).map((record) => `IDN:CERT:${bnspSimulator.idOf(record)}`);

interface NodeResult { node: { id: string; stale: boolean } | null }

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await run();
  return { value, ms: Date.now() - started };
}

describe('a circuit breaker per registry', () => {
  let stack: TestStack;
  const timeoutMs = 1200;
  const halfOpenAfterMs = 1500;

  beforeAll(async () => {
    stack = await startTestStack({
      countries: [entryFor('IDN')],
      registryTimeoutMs: timeoutMs,
      // Records are kept (for stale copies) but never fresh, so every look-up asks the registry.
      config: testConfig({ certTtlS: 0, responseTtlS: 0, locatorTtlS: 0 }, { breaker: { failures: 3, halfOpenAfterMs } }),
    });
  });
  afterAll(() => stack?.close());

  it('opens after repeated timeouts, then answers at once without calling the registry, and closes again', async () => {
    const idn = stack.subgraphs.get('IDN')!.url;
    const state = () => metric(idn, 'rantau_registry_circuit_state', { country: 'IDN', registry: 'bnsp' });
    const [cached, ...cold] = ids;
    expect((await stack.query<NodeResult>(NODE, { id: cached })).data!.node).toEqual({ id: cached, stale: false });
    expect(await state()).toBe(0);

    await stack.configure('IDN/bnsp', { hangRate: 1 });
    try {
      for (const id of cold.slice(0, 3)) {
        const { value, ms } = await timed(() => stack.query<NodeResult>(NODE, { id }));
        expect(value.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', reason: 'timeout' });
        expect(ms).toBeGreaterThanOrEqual(timeoutMs - 20);
      }
      expect(await state()).toBe(2);
      const ready = await fetch(`${idn}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'degraded', checks: expect.arrayContaining([{ name: 'registry IDN/bnsp', status: 'degraded', detail: { breaker: 'open' } }]) });

      await stack.resetStats();
      const stale = await timed(() => stack.query<NodeResult>(NODE, { id: cached }));
      expect(stale.value.errors).toBeUndefined();
      expect(stale.value.data!.node).toEqual({ id: cached, stale: true });
      expect(stale.ms).toBeLessThan(timeoutMs / 2);
      const open = await timed(() => stack.query<NodeResult>(NODE, { id: cold[3] }));
      expect(open.value.errors?.[0].extensions).toMatchObject({ code: 'REGISTRY_UNAVAILABLE', country: 'IDN', registry: 'bnsp', reason: 'circuit_open' });
      expect(open.ms).toBeLessThan(timeoutMs / 2);
      expect((await stack.stats('IDN/bnsp'))).toEqual({});
      expect(await metric(idn, 'rantau_registry_circuit_events_total', { registry: 'bnsp', event: 'rejected' })).toBeGreaterThanOrEqual(2);
    } finally {
      await stack.configure('IDN/bnsp', { hangRate: 0 });
    }

    await new Promise((resolve) => setTimeout(resolve, halfOpenAfterMs + 100));
    const probe = await stack.query<NodeResult>(NODE, { id: cold[4] });
    expect(probe.errors).toBeUndefined();
    expect(probe.data!.node).toEqual({ id: cold[4], stale: false });
    expect(await state()).toBe(0);
    expect((await (await fetch(`${idn}/ready`)).json()).status).toBe('ok');
  });
});
