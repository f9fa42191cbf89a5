import type { NativeResponse } from '../../registries/kit/simulator.js';
import { intParam, withinDates } from '../../registries/kit/paging.js';
import { isIsoDate } from '../../schema/dates/index.js';
import type { RegistryClient, RegistryResponse } from '../../schema/kit/registryClient.js';

/**
 * What both Brunei registries share in shared/registries/BRN.md: bodies that carry a Malay
 * `mesej`, list answers under one key (`rekod` for BDNAC, `lesen` for LPA), and searches paged by
 * `halaman` and `saiz` (≤ 100) with ISO `dari`/`hingga` bounds on the issue date, answering the list
 * and `jumlah`. The specification gives the 429 body for BDNAC only and no 400 body at all; LPA
 * answers 429 like BDNAC, and 400s carry a `mesej` saying what was wrong, in the style of the bodies
 * it does give.
 */
export const notFound: NativeResponse = { status: 404, json: { mesej: 'Tiada rekod' } };
export const tooMany: NativeResponse = { status: 429, json: { mesej: 'Had permintaan' } };
export const badRequest = (mesej: string): NativeResponse => ({ status: 400, json: { mesej } });

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;

/** One page of already-filtered records, bounded by issue date. */
export function searchPage<N>(query: URLSearchParams, records: N[], listKey: 'rekod' | 'lesen', issueDate: (record: N) => string): NativeResponse {
  const page = intParam(query, 'halaman', 1);
  const size = intParam(query, 'saiz', DEFAULT_PAGE_SIZE);
  if (!(page >= 1) || !(size >= 1 && size <= MAX_PAGE_SIZE)) return badRequest(`halaman mesti ≥ 1 dan saiz antara 1 dan ${MAX_PAGE_SIZE}`);
  const from = query.get('dari') || null;
  const to = query.get('hingga') || null;
  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return badRequest('dari dan hingga mesti tarikh YYYY-MM-DD');
  const matching = withinDates(records, from, to, issueDate);
  return { status: 200, json: { [listKey]: matching.slice((page - 1) * size, page * size), jumlah: matching.length } };
}

/** The adapters' side: a 200 answer carrying its list under `listKey`, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's `mesej`. */
export function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, listKey: 'rekod' | 'lesen'): N[] {
  if (response.status !== 200) {
    // The body is kept in the message: the registry's `mesej` is what says why (`Tiada rekod` on a wrong path, a 400's reason).
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`, { httpStatus: response.status });
  }
  const body = client.json<Record<string, unknown>>(response, route);
  if (!Array.isArray(body[listKey])) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a ${listKey} list`);
  return body[listKey] as N[];
}
