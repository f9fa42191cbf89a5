// Signing keys of Rantau's own services (the gateway, the regional subgraph, the development
// issuer): ES256 key pairs as JWK, generated in memory or kept in a file, and their public halves
// as a JWKS. Only public keys ever leave the process that signs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const SIGNING_ALG = 'ES256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half, with `kid`, `alg` and `use`, as a JWKS publishes it. */
  publicJwk: JWK;
}

export interface JsonWebKeySet {
  keys: JWK[];
}

async function fromPrivateJwk(jwk: JWK): Promise<SigningKey> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string') throw new Error('expected a private P-256 EC key (ES256) as JWK');
  const kid = jwk.kid ?? (await calculateJwkThumbprint(jwk));
  const { d: _d, ...rest } = jwk;
  const publicJwk: JWK = { kty: rest.kty, crv: rest.crv, x: rest.x, y: rest.y, kid, alg: SIGNING_ALG, use: 'sig' };
  return { kid, privateKey: (await importJWK({ ...jwk, kid }, SIGNING_ALG)) as CryptoKey, publicJwk };
}

/** A fresh key pair; the private half stays in this process unless `exportPrivateJwk` is asked for it. */
export async function generateSigningKey(): Promise<SigningKey & { privateJwk: JWK }> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  privateJwk.kid = await calculateJwkThumbprint(privateJwk);
  return { ...(await fromPrivateJwk(privateJwk)), privateJwk };
}

/** A private key written by `writeSigningKeyFile` or provisioned by a deployment (a JWK, JSON). */
export async function readSigningKeyFile(path: string): Promise<SigningKey> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch (error) {
    throw new Error(`${path}: cannot read a signing key (${(error as Error).message})`);
  }
  try {
    return await fromPrivateJwk(jwk);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** Reads the key file, or creates it (mode 0600) with a new key when it does not exist. */
export async function readOrCreateSigningKeyFile(path: string): Promise<SigningKey> {
  if (existsSync(path)) return readSigningKeyFile(path);
  const key = await generateSigningKey();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(key.privateJwk, null, 2) + '\n', { mode: 0o600 });
  return key;
}

export function publicJwks(keys: readonly SigningKey[]): JsonWebKeySet {
  return { keys: keys.map((key) => key.publicJwk) };
}
