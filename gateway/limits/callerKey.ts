// Who a request counts against for rate limits, quotas and the registries' fair share: a short
// hash of the credential the caller presented, or of its network address when it presented none.
// Never the credential or the address itself (both would be personal data in Redis keys and
// logs). This is the one replaceable piece: once callers authenticate, the key becomes the
// authenticated client (`Caller.client`), and nothing else changes.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CALLER_HEADER } from '../../platform/callerScope.js';

export type CallerKeyFunction = (req: IncomingMessage) => string;

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** Today's key: the presented credential (Authorization or X-Api-Key), else the client address. */
export const credentialCallerKey: CallerKeyFunction = (req) => {
  const credential = req.headers.authorization ?? req.headers['x-api-key'];
  if (typeof credential === 'string' && credential !== '') return `c-${hash(credential)}`;
  return `a-${hash(req.socket.remoteAddress ?? 'unknown')}`;
};

/** The gateway's per-request context: the caller key, read by the limits and sent to subgraphs. */
export interface CallerContext {
  callerKey?: string;
}

/** For the gateway's data sources: every subgraph request carries the caller key (callerScope.ts). */
export function forwardCallerKey({ request, context }: Pick<GraphQLDataSourceProcessOptions<CallerContext>, 'request' | 'context'>): void {
  if (context?.callerKey) request.http?.headers.set(CALLER_HEADER, context.callerKey);
}
