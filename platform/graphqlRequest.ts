import { tracedFetch } from './tracing.js';

/** A GraphQL POST over HTTP with a time budget: how the regional subgraph talks to countries (carrying the trace on). */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Headers to send, or a function of the exact body (a signed caller context is bound to its bytes). */
export type RequestHeaders = Record<string, string> | ((body: string) => Promise<Record<string, string>>);

export async function graphqlRequest<T>(url: string, query: string, variables: Record<string, unknown>, timeoutMs: number, headers: RequestHeaders = {}): Promise<GraphQLResponse<T>> {
  const body = JSON.stringify({ query, variables });
  const extra = typeof headers === 'function' ? await headers(body) : headers;
  const response = await tracedFetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...extra },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON`);
  }
}
