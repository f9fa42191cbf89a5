import autocannon from 'autocannon';

/**
 * One load measurement with autocannon: closed-loop connections posting GraphQL for a fixed time,
 * each request's body drawn from `nextBody` (so a cold measurement can give every request a worker
 * of its own). A response "has errors" when it is not a 2xx JSON answer without `errors`: partial
 * answers count, because a fast answer that lost a country is not the same as a full one.
 */
export interface LoadSpec {
  url: string;
  /** Sent with every request: the caller's bearer token and purpose. */
  headers: Record<string, string>;
  durationS: number;
  connections: number;
  nextBody: () => string;
  /** Stops early after this many requests (distinct data runs out). */
  maxRequests?: number;
  /** Paced at this many requests per second over all connections instead of as fast as answered (the soak run). */
  ratePerSecond?: number;
}

export interface LoadResult {
  /** Answered within the window. */
  requests: number;
  /** Sent, answered or not: the gateways keep working on those cut off when time ran out. */
  sent: number;
  durationS: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with GraphQL errors (partial answers included), non-2xx, resets and timeouts. */
  errorResponses: number;
  /** The `extensions.code`s found in those responses, counted (what kind of errors they were). */
  errorCodes: Record<string, number>;
}

function hasErrors(body: string): boolean {
  return !body.startsWith('{') || body.includes('"errors":');
}

const ERROR_CODE = /"code":"([A-Z_]+)"/g;

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  let withErrors = 0;
  const errorCodes: Record<string, number> = {};
  const connections = spec.maxRequests !== undefined ? Math.max(1, Math.min(spec.connections, spec.maxRequests)) : spec.connections;
  const result = await autocannon({
    url: spec.url,
    connections,
    duration: spec.durationS,
    ...(spec.maxRequests !== undefined ? { maxOverallRequests: spec.maxRequests } : {}),
    ...(spec.ratePerSecond !== undefined ? { overallRate: spec.ratePerSecond } : {}),
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...spec.headers },
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: spec.nextBody() }) }],
    verifyBody: (body) => {
      if (hasErrors(body)) {
        withErrors += 1;
        for (const [, code] of body.matchAll(ERROR_CODE)) errorCodes[code] = (errorCodes[code] ?? 0) + 1;
      }
      return true;
    },
  });
  const requests = result.requests.total;
  const durationS = result.duration;
  return {
    requests,
    sent: Math.max(requests, result.requests.sent ?? requests),
    durationS,
    rps: durationS > 0 ? requests / durationS : 0,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errorResponses: withErrors + result.errors + result.timeouts,
    errorCodes: { ...errorCodes, ...(result.timeouts > 0 ? { CLIENT_TIMEOUT: result.timeouts } : {}), ...(result.errors > 0 ? { CONNECTION_ERROR: result.errors } : {}) },
  };
}
