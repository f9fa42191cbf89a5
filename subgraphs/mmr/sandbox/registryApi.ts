// What both simulated Myanmar registries share in subgraphs/mmr/README.md: bodies that carry a
// `status` word, and searches paged by `page` and `size` with ISO `from`/`to` bounds on the issue
// date, answering `{"records":[…],"total":N}`. The spec gives no 400 body; `BAD_REQUEST` with a
// message follows the style of the bodies it does give.
import type { NativeResponse } from '../../../sandbox/simulator/simulator.js';
import { intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { isIsoDate } from '../../../schema/dates/index.js';

export const notFound: NativeResponse = { status: 404, json: { status: 'NOT_FOUND' } };
export const tooMany: NativeResponse = { status: 429, json: { status: 'TOO_MANY' } };
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { status: 'BAD_REQUEST', message } });

/** One page of already-filtered records, bounded by issue date. */
export function searchPage<N extends { issueDate: string }>(query: URLSearchParams, records: N[], maxSize: number): NativeResponse {
  const page = intParam(query, 'page', 1);
  const size = intParam(query, 'size', maxSize);
  if (!(page >= 1) || !(size >= 1 && size <= maxSize)) return badRequest(`page must be ≥ 1 and size between 1 and ${maxSize}`);
  const from = query.get('from') || null;
  const to = query.get('to') || null;
  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return badRequest('from and to must be dates as YYYY-MM-DD');
  const matching = withinDates(records, from, to, (r) => r.issueDate);
  return { status: 200, json: { records: matching.slice((page - 1) * size, page * size), total: matching.length } };
}
