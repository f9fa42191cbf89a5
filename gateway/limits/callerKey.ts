// Who a request counts against for rate limits and quotas: before the token is checked (the
// request limit runs before the body is read), a short hash of the credential the caller
// presented, or of its network address when it presented none; once the token is verified, the
// authenticated client and the member state it acts for. Never the credential, the address or a
// name itself (all would be personal data in Redis keys and logs).
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../../platform/caller.js';

export type CallerKeyFunction = (req: IncomingMessage) => string;

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Before verification: the presented credential (Authorization or X-Api-Key), else the client address. */
export const credentialCallerKey: CallerKeyFunction = (req) => {
  const credential = req.headers.authorization ?? req.headers['x-api-key'];
  if (typeof credential === 'string' && credential !== '') return `c-${hash(credential)}`;
  return `a-${hash(req.socket.remoteAddress ?? 'unknown')}`;
};

/** After verification: the authenticated client, or the credential key for an anonymous caller. */
export function verifiedCallerKey(caller: Caller | null, req: IncomingMessage): string {
  return caller ? `k-${hash(`${caller.memberState}:${caller.client}`)}` : credentialCallerKey(req);
}

/** The part of the gateway's per-request context the limits read. */
export interface CallerContext {
  callerKey?: string;
}
