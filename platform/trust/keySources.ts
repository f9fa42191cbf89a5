// Where verification keys come from: a remote JWKS (an OAuth authorisation server's `jwks_uri`),
// a JWKS file, or keys held in memory (the embedded stack). Each is a jose key-resolver, and each
// follows key rotation without a restart: jose refetches a remote set on an unknown `kid` (after a
// short cooldown) and when its cache ages out; a file is re-read when it changes or names no such
// `kid`; an in-memory set is read on every call.
import { readFileSync, statSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JWTVerifyGetKey, type JSONWebKeySet } from 'jose';
import type { JsonWebKeySet } from './keys.js';

export type KeySource = JWTVerifyGetKey;

export interface RemoteKeySourceOptions {
  /** No refetch for this long after a successful one, even on an unknown `kid` (jose default 30 s). */
  cooldownMs?: number;
  /** Refetch after this long in any case (jose default 10 min). */
  maxAgeMs?: number;
  timeoutMs?: number;
}

export function remoteKeySource(url: string, options: RemoteKeySourceOptions = {}): KeySource {
  return createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs,
    cacheMaxAge: options.maxAgeMs,
    timeoutDuration: options.timeoutMs ?? 5000,
  });
}

/** Keys in memory that may change (rotation in a test, keys handed over by the embedded stack). */
export function memoryKeySource(current: () => JsonWebKeySet): KeySource {
  let seen: JsonWebKeySet | undefined;
  let resolver: KeySource | undefined;
  return (header, token) => {
    const set = current();
    if (set !== seen || !resolver) {
      seen = set;
      resolver = createLocalJWKSet(set as JSONWebKeySet);
    }
    return resolver(header, token);
  };
}

/**
 * A JWKS file, re-read when its modification time changes, and on a `kid` it does not hold (at
 * most once a second, so a flood of tokens with made-up kids cannot turn into a flood of reads).
 */
export function fileKeySource(path: string): KeySource {
  let mtimeMs = -1;
  let lastRead = 0;
  let resolver: KeySource | undefined;
  const read = () => {
    const stat = statSync(path);
    const set = JSON.parse(readFileSync(path, 'utf8')) as JSONWebKeySet;
    if (!Array.isArray(set.keys)) throw new Error(`${path}: expected a JWKS ({"keys": [...]})`);
    resolver = createLocalJWKSet(set);
    mtimeMs = stat.mtimeMs;
    lastRead = Date.now();
  };
  return async (header, token) => {
    if (!resolver || statSync(path, { throwIfNoEntry: false })?.mtimeMs !== mtimeMs) read();
    try {
      return await resolver!(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - lastRead < 1000) throw error;
      read();
      return resolver!(header, token);
    }
  };
}

/** Tries each source in turn: the first that holds the token's key answers. */
export function anyKeySource(sources: readonly KeySource[]): KeySource {
  if (sources.length === 1) return sources[0];
  return async (header, token) => {
    let last: unknown = new errors.JWKSNoMatchingKey();
    for (const source of sources) {
      try {
        return await source(header, token);
      } catch (error) {
        last = error;
      }
    }
    throw last;
  };
}
