// Which caller a piece of work is done for, inside a subgraph: each request runs in the scope of
// the caller its verified caller context names (platform/trust/), and the kit's registry limiter
// reads the scope to give every caller a fair share of each registry. The key is a short hash of
// the client and the member state it acts for, never a name.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { Caller } from './caller.js';

const ANONYMOUS = 'anonymous';
const scope = new AsyncLocalStorage<string>();

/** The caller the current work is done for; `anonymous` outside any request. */
export function currentCallerKey(): string {
  return scope.getStore() ?? ANONYMOUS;
}

/** Runs `work` as done for `key`. */
export function runAsCaller<T>(key: string, work: () => T): T {
  return scope.run(key, work);
}

/** The fair-share key of a verified caller. */
export function callerKeyOf(caller: Caller | null): string {
  return caller ? createHash('sha256').update(`${caller.memberState}:${caller.client}`).digest('base64url').slice(0, 22) : ANONYMOUS;
}
