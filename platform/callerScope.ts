// Which caller a piece of work is done for, inside Rantau's own services. The gateway derives a
// caller key (a hash, never the credential itself) and sends it to the subgraphs in the internal
// `rantau-caller` header; each subgraph runs the request inside that caller's scope, forwards the
// header on its own internal calls (regional → country), and the kit's registry limiter reads it
// to give every caller a fair share of each registry. The header is internal: the gateway never
// forwards a client's headers, so a client cannot set it (a signed caller context will replace it).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

export const CALLER_HEADER = 'rantau-caller';
/** Longest caller key accepted from the header (keys are short hashes). */
const MAX_KEY_CHARS = 64;
const ANONYMOUS = 'anonymous';

const scope = new AsyncLocalStorage<string>();

/** The caller the current work is done for; `anonymous` outside any request. */
export function currentCallerKey(): string {
  return scope.getStore() ?? ANONYMOUS;
}

/** Headers that carry the current caller to another Rantau service (none outside a request). */
export function callerHeaders(): Record<string, string> {
  const key = scope.getStore();
  return key ? { [CALLER_HEADER]: key } : {};
}

/** Runs `work` as done for `key`. */
export function runAsCaller<T>(key: string, work: () => T): T {
  return scope.run(key, work);
}

/** For `serveGraphQL({ scope })`: each request runs as the caller its header names. */
export function callerScopeFromHeader(req: IncomingMessage, handle: () => Promise<void>): Promise<void> {
  const raw = req.headers[CALLER_HEADER];
  const key = typeof raw === 'string' && raw !== '' ? raw.slice(0, MAX_KEY_CHARS).replace(/[^\w:-]/g, '_') : ANONYMOUS;
  return runAsCaller(key, handle);
}
