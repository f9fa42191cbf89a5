// What both simulated Cambodian registries share in subgraphs/khm/README.md: errors as
// `{"error":"<word>"}` and searches paged by `offset` and `limit` answering the list with a
// `total`. The spec gives no 400 body; `bad_request` with a message follows the style of the
// bodies it does give.
import type { NativeResponse } from '../../../sandbox/simulator/simulator.js';
import { intParam } from '../../../sandbox/simulator/paging.js';

export const notFound: NativeResponse = { status: 404, json: { error: 'not_found' } };
export const rateLimited: NativeResponse = { status: 429, json: { error: 'rate_limited' } };
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { error: 'bad_request', message } });

/** One `offset`/`limit` page of already-filtered records, as `{"<listKey>":[…],"total":N}`. */
export function offsetPage<N>(query: URLSearchParams, records: N[], listKey: string, limits: { default: number; max: number }): NativeResponse {
  const offset = intParam(query, 'offset', 0);
  const limit = intParam(query, 'limit', limits.default);
  if (!(offset >= 0) || !(limit >= 1 && limit <= limits.max)) return badRequest(`offset must be ≥ 0 and limit between 1 and ${limits.max}`);
  return { status: 200, json: { [listKey]: records.slice(offset, offset + limit), total: records.length } };
}
