// The wire bodies the simulated Singapore registries write (subgraphs/sgp/README.md): error bodies
// that carry a `code` word, 429 `{"code":"THROTTLED"}`, and listings paged by an opaque `cursor`
// with `limit` ≤ 500 (default 100) and ISO `issuedFrom`/`issuedTo` bounds. The specification gives
// no body for a bad parameter or an over-size batch; `INVALID_PARAMETER` and `BATCH_TOO_LARGE`
// follow its style.
import type { NativeResponse } from '../../../sandbox/simulator/simulator.js';
import { decodeCursor, encodeCursor, intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { isIsoDate } from '../../../schema/dates/index.js';

export const codeBody = (status: number, code: string, extra: Record<string, unknown> = {}): NativeResponse => ({ status, json: { code, ...extra } });
export const throttled = codeBody(429, 'THROTTLED');
export const invalidParameter = (parameter: string, message: string) => codeBody(400, 'INVALID_PARAMETER', { parameter, message });
export const batchTooLarge = (max: number) => codeBody(400, 'BATCH_TOO_LARGE', { max });

const MAX_LIMIT = 500;
const DEFAULT_LIMIT = 100;

/** One cursor page of already-filtered records, bounded by issue date; MOM adds a `total`, SSG does not. */
export function cursorPage<N>(query: URLSearchParams, records: N[], list: string, issued: (record: N) => string, withTotal: boolean): NativeResponse {
  const limit = intParam(query, 'limit', DEFAULT_LIMIT);
  if (!(limit >= 1 && limit <= MAX_LIMIT)) return invalidParameter('limit', `limit must be between 1 and ${MAX_LIMIT}`);
  const offset = decodeCursor(query.get('cursor'));
  if (offset === null) return invalidParameter('cursor', 'cursor is not one this registry gave');
  const from = query.get('issuedFrom') || null;
  const to = query.get('issuedTo') || null;
  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return invalidParameter(from && !isIsoDate(from) ? 'issuedFrom' : 'issuedTo', 'dates are YYYY-MM-DD');
  const matching = withinDates(records, from, to, issued);
  const next = offset + limit < matching.length ? encodeCursor(offset + limit) : null;
  return { status: 200, json: { [list]: matching.slice(offset, offset + limit), nextCursor: next, ...(withTotal ? { total: matching.length } : {}) } };
}

