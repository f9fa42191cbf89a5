// What both simulated Thai registries share in subgraphs/tha/README.md: searches paged by `page`
// and `per_page` answering `{<list>:[…],"page":P,"per_page":S,"total":N}`, bounded on the issue
// date in the registry's own date format. Each registry has its own error bodies.
import type { NativeResponse } from '../../../sandbox/simulator/simulator.js';
import { intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { parseOptionalNativeDate, type NativeDateFormat } from '../../../schema/dates/index.js';

/** How one registry's search pages. */
export interface SearchShape<N> {
  listKey: string;
  maxPerPage: number;
  defaultPerPage: number;
  dateFormat: NativeDateFormat;
  fromParam: string;
  toParam: string;
  /** Null for a pending record, which a date-bounded search leaves out. */
  issueDate(record: N): string | null;
  badRequest(message: string): NativeResponse;
}

/** One page of already-filtered records, bounded by issue date in the registry's date format. */
export function searchPage<N>(query: URLSearchParams, records: N[], shape: SearchShape<N>): NativeResponse {
  const page = intParam(query, 'page', 1);
  const perPage = intParam(query, 'per_page', shape.defaultPerPage);
  if (!(page >= 1) || !(perPage >= 1 && perPage <= shape.maxPerPage)) return shape.badRequest(`page must be ≥ 1 and per_page between 1 and ${shape.maxPerPage}`);
  let from: string | null;
  let to: string | null;
  try {
    from = parseOptionalNativeDate(query.get(shape.fromParam), shape.dateFormat);
    to = parseOptionalNativeDate(query.get(shape.toParam), shape.dateFormat);
  } catch {
    return shape.badRequest(`${shape.fromParam} and ${shape.toParam} must be dates as ${shape.dateFormat}`);
  }
  const matching = withinDates(records, from, to, (r) => readable(shape.issueDate(r), shape.dateFormat));
  return { status: 200, json: { [shape.listKey]: matching.slice((page - 1) * perPage, page * perPage), page, per_page: perPage, total: matching.length } };
}

/** A record's issue date as ISO, or null when it has none or one that cannot be read (a test may plant such a record). */
function readable(value: string | null, format: NativeDateFormat): string | null {
  try {
    return parseOptionalNativeDate(value, format);
  } catch {
    return null;
  }
}
