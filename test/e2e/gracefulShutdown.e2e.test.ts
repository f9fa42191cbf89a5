import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { startSimulator, type RunningSimulator } from '../../sandbox/simulator/simulator.js';
import { bnspSimulator } from '../../subgraphs/idn/sandbox/bnsp.simulator.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { internalFieldNames } from '../../subgraphs/kit/country.js';
import { freePort } from '../../platform/httpServer.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { serviceKeyEnvironment, writeServiceKeys } from '../../bin/trustKeys.js';
import { ContextSigner } from '../../platform/trust/callerContext.js';
import { readSigningKeyFile } from '../../platform/trust/keys.js';
import type { Caller } from '../../platform/caller.js';

// `npm run service -- subgraph IDN` as its own process, in front of a BNSP registry that takes
// 1.5 s per call. SIGTERM arrives while a look-up is in flight: `/ready` turns 503 at once, the
// listener closes after SHUTDOWN_DELAY_MS, the look-up still gets its answer, then the process exits 0.
const names = internalFieldNames('IDN');
const ENTITIES = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on ${names.certificationType} { id } } }`;
const id = `IDN:CERT:${bnspSimulator.idOf(bnspSimulator.records(defaultPopulation())[0])}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown on SIGTERM', () => {
  let simulator: RunningSimulator;
  let child: ChildProcess;
  let url: string;
  let signer: ContextSigner;
  const output: string[] = [];
  // The subgraph answers only a caller context the gateway signed (docs/security.md): the test signs as the gateway.
  const keysDir = mkdtempSync(join(tmpdir(), 'rantau-shutdown-keys-'));
  const caller: Caller = { client: 'shutdown-test', memberState: 'IDN', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], purpose: 'PERMIT_APPLICATION', officer: null, subject: null, requestId: randomUUID() };

  beforeAll(async () => {
    simulator = await startSimulator(bnspSimulator, { port: 0, config: { latencyMs: [1500, 1500], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    const keys = await writeServiceKeys(keysDir);
    signer = new ContextSigner('rantau-gateway', await readSigningKeyFile(keys.gatewayKey), 30);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'bin/service.ts', 'subgraph', 'IDN'], {
      env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), REGISTRY_URL_IDN_BNSP: simulator.url, REGISTRY_URL_IDN_TKA: 'http://127.0.0.1:9', REDIS_URL: '', INDEX: 'off', SHUTDOWN_DELAY_MS: '400', SHUTDOWN_GRACE_MS: '10000', ...serviceKeyEnvironment(keys, 'country') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(`${url}/ready`).then((r) => r.status).catch(() => 0);
      if (ready === 200) break;
      if (attempt > 300 || child.exitCode !== null) throw new Error(`the service did not start:\n${output.join('')}`);
      await sleep(100);
    }
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await simulator?.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('finishes the request in flight, refuses new ones, then exits 0', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    const body = JSON.stringify({ query: ENTITIES, variables: { r: [{ __typename: names.certificationType, id }] } });
    const signed = await signer.headerFor({ caller }, 'idn', `${url}/graphql`, body);
    const inFlight = fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...signed }, body });
    await sleep(300);
    child.kill('SIGTERM');
    await sleep(150);
    // Draining: still listening (SHUTDOWN_DELAY_MS), but no longer ready.
    const draining = await fetch(`${url}/ready`, { headers: { connection: 'close' } });
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'draining' });
    await sleep(400);
    // The listener is closed: a new connection is refused.
    await expect(fetch(`${url}/health`, { headers: { connection: 'close' } })).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { _entities: [{ id }] } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    expect(await exited).toBe(0);
    const lines = output.join('').split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'info', msg: 'shutting down', signal: 'SIGTERM' }), expect.objectContaining({ msg: 'stopped' })]));
  });
});
