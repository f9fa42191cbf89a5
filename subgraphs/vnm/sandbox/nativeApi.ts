// What both simulated Vietnamese registries share (subgraphs/vnm/README.md): messages in a `loi`
// body, lists as `{"du_lieu":[…]}`, DD/MM/YYYY date bounds, and Vietnamese text compared after NFC
// normalisation (the same word can be precomposed or decomposed). The spec gives no 400 body; a
// `loi` message follows the style of the 404 and 429 bodies it does give. The simulators' side
// only; the adapters' side is ../registryApi.ts.
import type { NativeResponse, RecordStore, SimRoute } from '../../../sandbox/simulator/simulator.js';
import { withinDates } from '../../../sandbox/simulator/paging.js';
import { parseNativeDate } from '../../../schema/dates/index.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { vietnameseNameFromIso } from '../countryNames.js';
import { DATE_FORMAT, nfc } from '../registryApi.js';

export { DATE_FORMAT, nfc };

function parseOptionalNativeDateOrNull(value: string): string | null {
  try {
    return parseNativeDate(value, DATE_FORMAT);
  } catch {
    return null;
  }
}

export const tooMany: NativeResponse = { status: 429, json: { loi: 'Quá nhiều yêu cầu' } };
export const badRequest = (loi: string): NativeResponse => ({ status: 400, json: { loi } });
export const list = <N>(records: N[]): NativeResponse => ({ status: 200, json: { du_lieu: records } });

/** The simulators' filters: every given query value equals the record's text after NFC normalisation. */
export function filterText<N>(records: N[], query: URLSearchParams, fields: Record<string, (record: N) => string>): N[] {
  const wanted = Object.entries(fields)
    .map(([param, read]) => ({ value: nfc(query.get(param)?.trim() ?? ''), read }))
    .filter(({ value }) => value !== '');
  if (wanted.length === 0) return records;
  return records.filter((record) => wanted.every(({ value, read }) => nfc(read(record)) === value));
}

/** The simulators' `tu_ngay`/`den_ngay` bounds (DD/MM/YYYY, inclusive) on one date of the record, or the 400 for a malformed bound. */
export function withinNativeDates<N>(records: N[], query: URLSearchParams, read: (record: N) => string | null | undefined): N[] | NativeResponse {
  let from: string | null;
  let to: string | null;
  try {
    from = query.get('tu_ngay') ? parseNativeDate(query.get('tu_ngay')!, DATE_FORMAT) : null;
    to = query.get('den_ngay') ? parseNativeDate(query.get('den_ngay')!, DATE_FORMAT) : null;
  } catch {
    return badRequest('tu_ngay và den_ngay phải có dạng DD/MM/YYYY');
  }
  return withinDates(records, from, to, (record) => {
    // A record stored in a form the spec does not allow (tests put some) has no date to bound.
    const value = read(record);
    return value ? parseOptionalNativeDateOrNull(value) : null;
  });
}

/** The simulators' `GET <collection>/{<number>}`: the record, or the registry's own 404 `{"loi":…}`. */
export function numberRoute<N>(api: { collection: string; number: string; notFound: Record<string, string> }): SimRoute<N> {
  return {
    method: 'GET',
    path: `${api.collection}/{${api.number}}`,
    handle: ({ params }, store) => {
      const record = store.get(params[api.number]);
      return record ? { status: 200, json: record } : { status: 404, json: api.notFound };
    },
  };
}

/** The simulators' passport search: records of that passport (compared as the kit normalises document numbers) under that Vietnamese country name (in NFC). */
export function heldBy<N extends { so_ho_chieu?: string | null; quoc_tich: string }>(store: RecordStore<N>, passport: string, quocTich: string): N[] {
  const wanted = normalizeDocumentNumber(passport);
  const country = nfc(quocTich.trim());
  return store.find('so_ho_chieu', wanted, (r) => (typeof r.so_ho_chieu === 'string' ? normalizeDocumentNumber(r.so_ho_chieu) : null)).filter((r) => nfc(r.quoc_tich) === country);
}

/** The simulators' `quoc_tich` for a person of the population: a nationality without a published Vietnamese name is a bug in the data, not a record to write. */
export function quocTichOf(nationality: string): string {
  const name = vietnameseNameFromIso(nationality);
  if (name === undefined) throw new Error(`no Vietnamese name for nationality ${nationality} `);
  return name;
}
