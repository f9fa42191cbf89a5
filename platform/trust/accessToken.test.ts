import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessTokenVerifier, TokenRefused } from './accessToken.js';
import { DEV_ISSUER, DevIssuer } from './devIssuer.js';
import { fileKeySource, remoteKeySource, type KeySource } from './keySources.js';
import type { JsonWebKeySet } from './keys.js';

// Callers' tokens against the key sources a deployment configures: an authorisation server's
// JWKS over HTTP (AUTH_JWKS_URL) and a JWKS file (AUTH_JWKS_FILE), each following key rotation
// without a restart.
const verifier = (keys: KeySource, clockSkewS = 30) => new AccessTokenVerifier({ keys, issuers: [DEV_ISSUER], audience: 'rantau', clockSkewS });
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TokenRefused);
    return (error as Error).message;
  }
  throw new Error('expected the token to be refused');
};

describe('an authorisation server\'s JWKS over HTTP', () => {
  const issuer = { current: undefined as unknown as DevIssuer };
  let published: JsonWebKeySet;
  let fetches = 0;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    issuer.current = await DevIssuer.inMemory();
    published = issuer.current.jwks();
    server = createServer((_req, res) => {
      fetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(published));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('verifies a token and reads the caller from its claims', async () => {
    const tokens = verifier(remoteKeySource(url, { cooldownMs: 0 }));
    const token = await issuer.current.issue({ role: 'case-officer', memberState: 'PHL', officer: 'officer-7', purposes: ['PERMIT_APPLICATION', 'LABOUR_INSPECTION'] });
    const { caller } = await tokens.verify(token);
    // LABOUR_INSPECTION is not a case officer's purpose: the role narrows what the token names.
    expect(caller).toEqual({ client: 'dev-phl-case-officer', memberState: 'PHL', role: 'case-officer', purposes: ['PERMIT_APPLICATION'], officer: 'officer-7', subject: null });
  });

  it('follows a rotation: a token under a new key is accepted once the server publishes it', async () => {
    const tokens = verifier(remoteKeySource(url, { cooldownMs: 0 }));
    await tokens.verify(await issuer.current.issue({ role: 'verifier', memberState: 'SGP' }));
    const before = fetches;
    await issuer.current.rotate();
    published = issuer.current.jwks();
    const { caller } = await tokens.verify(await issuer.current.issue({ role: 'verifier', memberState: 'SGP' }));
    expect(caller.role).toBe('verifier');
    expect(fetches).toBe(before + 1);
  });

  it('accepts a token expired within the clock skew, refuses one beyond it', async () => {
    const tokens = verifier(remoteKeySource(url, { cooldownMs: 0 }), 30);
    await tokens.verify(await issuer.current.issue({ role: 'verifier', memberState: 'SGP', expiresInS: -10 }));
    expect(await refusal(tokens.verify(await issuer.current.issue({ role: 'verifier', memberState: 'SGP', expiresInS: -60 })))).toContain('expired');
  });

  it('refuses malformed claims: no member state, an unknown role, a subject without its identity', async () => {
    const tokens = verifier(remoteKeySource(url, { cooldownMs: 0 }));
    expect(await refusal(tokens.verify(await issuer.current.issue({ role: 'verifier', memberState: 'FRA' })))).toContain('member_state');
    expect(await refusal(tokens.verify(await issuer.current.issue({ role: 'admin' as never, memberState: 'SGP', purposes: [] })))).toContain('role');
    expect(await refusal(tokens.verify(await issuer.current.issue({ role: 'subject', memberState: 'IDN' })))).toContain('worker');
    const { caller } = await tokens.verify(await issuer.current.issue({ role: 'subject', memberState: 'IDN', worker: 'IDN:c-481 2290' }));
    expect(caller.subject).toEqual({ nationality: 'IDN', documentNumber: 'C4812290' });
  });
});

describe('a JWKS file', () => {
  it('is re-read on an unknown key id: rotation without a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rantau-jwks-')), 'jwks.json');
    const issuer = await DevIssuer.inMemory();
    writeFileSync(file, JSON.stringify(issuer.jwks()));
    const tokens = verifier(fileKeySource(file));
    await tokens.verify(await issuer.issue({ role: 'inspector', memberState: 'MYS' }));
    await issuer.rotate();
    const rotated = await issuer.issue({ role: 'inspector', memberState: 'MYS' });
    // Not yet published: refused.
    expect(await refusal(tokens.verify(rotated))).toContain('key');
    writeFileSync(file, JSON.stringify(issuer.jwks()));
    expect((await tokens.verify(rotated)).caller.role).toBe('inspector');
    // The new key retired from the file (only the old one left): its tokens stop verifying.
    writeFileSync(file, JSON.stringify({ keys: [issuer.jwks().keys[1]] }));
    expect(await refusal(tokens.verify(rotated))).toContain('key');
  });
});
