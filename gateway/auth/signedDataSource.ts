// The gateway's calls to subgraphs, each with a caller context signed for that subgraph and that
// request (platform/trust/callerContext.ts). `willSendRequest` names the caller of the incoming
// operation (anonymous for the gateway's own health checks); the fetcher signs over the exact
// bytes Apollo Gateway sends, so the context cannot be moved to another body.
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { EntityBatchingDataSource } from '../entityBatching.js';
import { tracedFetch } from '../../platform/tracing.js';
import type { ContextClaims, ContextSigner } from '../../platform/trust/callerContext.js';
import type { GatewayContext } from './accessPlugin.js';

/** In-process only: carries the caller from willSendRequest to the fetcher, which removes it. */
const UNSIGNED = 'x-rantau-caller-claims';

type Fetch = (url: string, init: RequestInit & { headers: Record<string, string>; body: string }) => Promise<Response>;

function signingFetch(audience: string, signer: ContextSigner): Fetch {
  return async (url, init) => {
    const { [UNSIGNED]: claims, ...headers } = init.headers;
    const parsed: ContextClaims = claims ? (JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as ContextClaims) : { caller: null };
    Object.assign(headers, await signer.headerFor(parsed, audience, url, init.body, init.method ?? 'POST'));
    return tracedFetch(url, { ...init, headers });
  };
}

export class SignedDataSource extends EntityBatchingDataSource {
  /** `name` is the subgraph's name in the supergraph (`regional`, `idn`, …): the context's audience. */
  constructor(name: string, url: string, signer: ContextSigner) {
    super({ url, fetcher: signingFetch(name, signer) as never });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions): void {
    // Health checks and schema loading carry no incoming operation: they are signed as anonymous.
    const context = 'incomingRequestContext' in options ? (options.context as Partial<GatewayContext>) : undefined;
    const claims: ContextClaims = { caller: context?.caller ?? null };
    // base64url: header values must be Latin-1, and an officer's or client's name need not be.
    options.request.http?.headers.set(UNSIGNED, Buffer.from(JSON.stringify(claims)).toString('base64url'));
  }
}
