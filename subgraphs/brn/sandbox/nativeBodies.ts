// What both Brunei registries share in subgraphs/brn/README.md, on the simulators' side: bodies
// that carry a Malay `mesej`, list answers under one key (`rekod` for BDNAC, `lesen` for LPA), a
// record by number, a `kelompok` batch that leaves unknown numbers out, and searches paged by
// `halaman` and `saiz` (≤ 100) with ISO `dari`/`hingga` bounds on the issue date, answering the list
// and `jumlah`. The specification gives the 429 body for BDNAC only and no 400 body at all; LPA
// answers 429 like BDNAC, and 400s carry a `mesej` saying what was wrong, in the style of the bodies
// it does give.
import type { NativeResponse, SimRoute } from '../../../sandbox/simulator/simulator.js';
import { intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { isIsoDate } from '../../../schema/dates/index.js';
import type { ListKey } from '../nativeCalls.js';
export const notFound: NativeResponse = { status: 404, json: { mesej: 'Tiada rekod' } };
export const tooMany: NativeResponse = { status: 429, json: { mesej: 'Had permintaan' } };
export const badRequest = (mesej: string): NativeResponse => ({ status: 400, json: { mesej } });

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 50;

/** One page of already-filtered records, bounded by issue date. */
export function searchPage<N>(query: URLSearchParams, records: N[], listKey: ListKey, issueDate: (record: N) => string): NativeResponse {
  const page = intParam(query, 'halaman', 1);
  const size = intParam(query, 'saiz', DEFAULT_PAGE_SIZE);
  if (!(page >= 1) || !(size >= 1 && size <= MAX_PAGE_SIZE)) return badRequest(`halaman mesti ≥ 1 dan saiz antara 1 dan ${MAX_PAGE_SIZE}`);
  const from = query.get('dari') || null;
  const to = query.get('hingga') || null;
  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) return badRequest('dari dan hingga mesti tarikh YYYY-MM-DD');
  const matching = withinDates(records, from, to, issueDate);
  return { status: 200, json: { [listKey]: matching.slice((page - 1) * size, page * size), jumlah: matching.length } };
}

/**
 * `POST …/kelompok` with `{"<bodyKey>":[numbers]}`: at most `limit` numbers (`noun` says what they
 * count, `nombor` or `lesen`), answered `{"<listKey>":[records]}`. Unknown numbers are simply left
 * out: the specification publishes no not-found list for either batch.
 */
export function kelompokRoute<N>(path: string, batch: { bodyKey: string; listKey: ListKey; limit: number; noun: string }): SimRoute<N> {
  return {
    method: 'POST',
    path,
    handle({ body }, store) {
      const numbers = (body as Record<string, unknown> | null)?.[batch.bodyKey];
      if (!Array.isArray(numbers) || numbers.some((n) => typeof n !== 'string')) return badRequest(`badan permintaan mesti {"${batch.bodyKey}":[...]}`);
      if (numbers.length > batch.limit) return badRequest(`${batch.bodyKey}: paling banyak ${batch.limit} ${batch.noun} setiap permintaan`);
      return { status: 200, json: { [batch.listKey]: [...new Set(numbers as string[])].map((n) => store.get(n)).filter((r): r is N => r !== undefined) } };
    },
  };
}
