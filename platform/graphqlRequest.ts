import { callerHeaders } from './callerScope.js';

/**
 * A GraphQL POST over HTTP with a time budget: how the regional subgraph talks to countries.
 * Carries the current caller (callerScope.ts), so the country shares its registries fairly.
 */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function graphqlRequest<T>(url: string, query: string, variables: Record<string, unknown>, timeoutMs: number, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...callerHeaders(), ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`${url} answered ${response.status} with a body that is not JSON`);
  }
}
