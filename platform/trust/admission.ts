// What a service's HTTP layer decides about a request before GraphQL runs: who is asking (the
// Admission handed to the request's context), or a Refusal answered at once with its status and
// code. The gateway's guard reads the bearer token; a subgraph's guard the signed caller context.
import type { HeaderMap } from '@apollo/server';
import type { Caller } from '../caller.js';
import type { ErrorCode } from '../../schema/errors/codes.js';

export interface Admission {
  /** Who is asking; null for an anonymous caller. */
  caller: Caller | null;
  /** At the gateway: the `Rantau-Purpose` header as sent (checked against the token per operation). */
  declaredPurpose?: string;
  /** At a subgraph: the verified context (its issuer, id, and the context it was made from), for the audit. */
  context?: { issuer: string; jti: string; parent?: string };
}

export interface GuardedRequest {
  method: string;
  pathAndSearch: string;
  headers: HeaderMap;
  /** The raw body, exactly as received (the caller context is bound to its bytes). */
  body: string;
}

export type RequestGuard = (request: GuardedRequest) => Promise<Admission>;

export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}
