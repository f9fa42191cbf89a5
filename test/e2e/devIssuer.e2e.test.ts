import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startStack, type Stack } from '../../bin/stack.js';
import { entryFor } from '../../bin/topology.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import { testConfig } from './testStack.js';

// The development issuer as `npm start` runs it: enabled only when asked, its key in a file, and
// `npm run token` signing, from that file, tokens the running stack accepts.
const run = promisify(execFile);
const keyFile = join(mkdtempSync(join(tmpdir(), 'rantau-dev-issuer-')), 'dev-issuer.key.json');
const worker = sampleCandidates(defaultPopulation(), ['IDN'], 1, 1)[0];
const simulatorConfig = { latencyMs: [1, 5] as [number, number], faultRate: 0, hangRate: 0, ratePerSecond: 100_000 };

async function token(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', 'bin/token.ts', ...args], { env: { ...process.env, AUTH_DEV_ISSUER_KEY_FILE: keyFile } });
}

describe('the development issuer', () => {
  let stack: Stack;
  beforeAll(async () => {
    const base = testConfig();
    stack = await startStack({ ports: 'ephemeral', countries: [entryFor('IDN')], simulatorConfig, registryRatePerSecond: 100_000, config: { ...base, trust: { ...base.trust, devIssuer: true, devIssuerKeyFile: keyFile } } });
  });
  afterAll(() => stack?.close());

  it('is refused unless enabled: a stack with no way to verify callers does not start', async () => {
    await expect(startStack({ ports: 'ephemeral', countries: [entryFor('IDN')], simulatorConfig, config: testConfig() })).rejects.toThrow(/AUTH_DEV_ISSUER=1/);
  });

  it('signs, with `npm run token`, a token alone on standard output that the running stack accepts', async () => {
    const { stdout } = await token('--role', 'case-officer', '--member-state', 'IDN', '--officer', 'officer-1');
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const answer = await graphqlRequest<{ worker: { id: string } }>(`${stack.gateway.url}/graphql`, 'query($n: String!, $d: String!) { worker(nationality: $n, documentNumber: $d) { id } }', { n: worker.nationality, d: worker.documentNumber }, 20_000, {
      authorization: `Bearer ${stdout.trim()}`,
      'rantau-purpose': 'PERMIT_APPLICATION',
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.worker.id).toBe(`WORKER:${worker.nationality}:${worker.documentNumber}`);
  });

  it('binds a subject token to one identity, and says what is wrong with bad arguments', async () => {
    const { stdout } = await token('--role', 'subject', '--member-state', 'IDN', '--subject', `${worker.nationality}:${worker.documentNumber}`);
    const claims = JSON.parse(Buffer.from(stdout.trim().split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ role: 'subject', member_state: 'IDN', worker: `${worker.nationality}:${worker.documentNumber}`, purposes: ['WORKER_REQUEST'] });
    await expect(token('--role', 'subject', '--member-state', 'IDN')).rejects.toMatchObject({ stderr: expect.stringContaining('--subject') });
    await expect(token('--role', 'king', '--member-state', 'IDN')).rejects.toMatchObject({ stdout: '', stderr: expect.stringContaining('--role must be one of') });
  });

  it('publishes its public key, and only that, at /dev-issuer/jwks.json', async () => {
    const jwks = (await (await fetch(`${stack.gateway.url}/dev-issuer/jwks.json`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
