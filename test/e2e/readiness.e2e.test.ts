import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { entryFor } from '../../bin/topology.js';
import { PrivateRedis } from '../support/redisServer.js';
import { freePort } from '../../platform/httpServer.js';
import { bnspSimulator } from '../../subgraphs/idn/sandbox/bnsp.simulator.js';
import { defaultPopulation } from '../../sandbox/population/population.js';

// `/health` says the process answers; `/ready` what it needs: the gateway its supergraph, every
// service its Redis (or the fallback to no cache), a country its registries' breakers. A Redis
// outage degrades readiness without taking the service out of rotation.
interface Ready { status: string; checks: Array<{ name: string; status: string; detail?: Record<string, unknown> }> }

async function ready(url: string): Promise<{ code: number; body: Ready }> {
  const response = await fetch(`${url}/ready`);
  return { code: response.status, body: (await response.json()) as Ready };
}

async function until(probe: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
}

describe('liveness and readiness', () => {
  let redis: PrivateRedis;
  let stack: TestStack;
  let urls: Record<string, string>;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    stack = await startTestStack({ countries: [entryFor('IDN')], config: testConfig({}, { redisUrl: redis.url }) });
    urls = { gateway: stack.gateway.url, regional: stack.regional.url, idn: stack.subgraphs.get('IDN')!.url };
  });
  afterAll(async () => {
    await stack?.close();
    await redis?.kill();
  });

  it('is ready once the supergraph is loaded and Redis answers', async () => {
    for (const url of Object.values(urls)) await until(async () => (await ready(url)).body.status === 'ok', `${url} ready`);
    const gateway = await ready(urls.gateway);
    expect(gateway.code).toBe(200);
    expect(gateway.body.checks).toEqual(expect.arrayContaining([{ name: 'supergraph', status: 'ok' }, { name: 'gateway cache', status: 'ok', detail: { kind: 'redis', reachable: true } }]));
    expect((await ready(urls.idn)).body.checks.map((check) => check.name)).toEqual(['record cache', 'registry IDN/bnsp', 'registry IDN/tka', 'registry pacing']);
    expect((await ready(urls.regional)).body.checks.map((check) => check.name)).toEqual(['locator cache']);
  });

  it('stays ready, degraded, while Redis is down, and recovers with it', async () => {
    await redis.kill();
    for (const url of Object.values(urls)) await until(async () => (await ready(url)).body.status === 'degraded', `${url} degraded`);
    const idn = await ready(urls.idn);
    expect(idn.code).toBe(200);
    expect(idn.body.checks).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'record cache', status: 'degraded', detail: expect.objectContaining({ reachable: false }) }),
      expect.objectContaining({ name: 'registry pacing', status: 'degraded' }),
    ]));
    expect(await (await fetch(`${urls.gateway}/health`)).json()).toEqual({ status: 'ok' });
    // Queries still answer, from the registries.
    const id = `IDN:CERT:${bnspSimulator.idOf(bnspSimulator.records(defaultPopulation())[7])}`;
    const answer = await stack.query<{ node: { id: string } | null }>('query N($id: ID!) { node(id: $id) { id } }', { id });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.node).toEqual({ id });

    await redis.start();
    for (const url of Object.values(urls)) await until(async () => (await ready(url)).body.status === 'ok', `${url} ready again`);
  });
});
