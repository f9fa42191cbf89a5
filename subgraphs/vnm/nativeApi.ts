import type { NativeResponse } from '../../registries/kit/simulator.js';
import { withinDates } from '../../registries/kit/paging.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import type { RegistryClient, RegistryResponse } from '../../schema/kit/registryClient.js';

/**
 * What both Vietnamese registries share in shared/registries/VNM.md: messages in a `loi` body,
 * lists as `{"du_lieu":[…]}`, dates as DD/MM/YYYY, and Vietnamese text that is compared after NFC
 * normalisation (the same word can be precomposed or decomposed). The spec gives no 400 body; a
 * `loi` message follows the style of the 404 and 429 bodies it does give.
 */
export const DATE_FORMAT = 'DD/MM/YYYY' as const;

export const nfc = (text: string): string => text.normalize('NFC');

export const tooMany: NativeResponse = { status: 429, json: { loi: 'Quá nhiều yêu cầu' } };
export const notFound = (loi: string): NativeResponse => ({ status: 404, json: { loi } });
export const badRequest = (loi: string): NativeResponse => ({ status: 400, json: { loi } });
export const list = <N>(records: N[]): NativeResponse => ({ status: 200, json: { du_lieu: records } });

/** The simulators' filters: every given query value equals the record's text after NFC normalisation. */
export function filterText<N>(records: N[], query: URLSearchParams, fields: Record<string, (record: N) => string>): N[] {
  const wanted = Object.entries(fields)
    .map(([param, read]) => ({ value: nfc(query.get(param)?.trim() ?? ''), read }))
    .filter(({ value }) => value !== '');
  return records.filter((record) => wanted.every(({ value, read }) => nfc(read(record)) === value));
}

/** The simulators' `tu_ngay`/`den_ngay` bounds (DD/MM/YYYY, inclusive) on one date of the record, or the 400 for a malformed bound. */
export function withinNativeDates<N>(records: N[], query: URLSearchParams, read: (record: N) => string): N[] | NativeResponse {
  let from: string | null;
  let to: string | null;
  try {
    from = query.get('tu_ngay') ? parseNativeDate(query.get('tu_ngay')!, DATE_FORMAT) : null;
    to = query.get('den_ngay') ? parseNativeDate(query.get('den_ngay')!, DATE_FORMAT) : null;
  } catch {
    return badRequest('tu_ngay và den_ngay phải có dạng DD/MM/YYYY');
  }
  return withinDates(records, from, to, (record) => parseNativeDate(read(record), DATE_FORMAT));
}

type Fail = (message: string) => Error;

/** The adapters' DD/MM/YYYY → ISO, failing with the record's own error. */
export function nativeDate(value: string, field: string, fail: Fail): string {
  try {
    return parseNativeDate(value, DATE_FORMAT);
  } catch (error) {
    throw fail(`${field}: ${(error as Error).message}`);
  }
}

/** What a non-200 answer said: its `loi` message when it has one, else the start of the body. */
function said(response: RegistryResponse): string {
  try {
    const body = JSON.parse(response.text) as { loi?: unknown };
    if (typeof body.loi === 'string') return body.loi;
  } catch {
    // Not JSON: the raw text below is the best evidence.
  }
  return response.text.slice(0, 200);
}

const unexpected = (client: RegistryClient, response: RegistryResponse, route: string) =>
  client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${said(response)}`, { status: response.status });

/** The adapters' side of a list answer: 200 `{"du_lieu":[…]}`, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's `loi`. */
export function recordsOf<N>(client: RegistryClient, response: RegistryResponse, route: string): N[] {
  if (response.status !== 200) throw unexpected(client, response, route);
  const body = client.json<{ du_lieu?: unknown }>(response, route);
  if (!Array.isArray(body.du_lieu)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a du_lieu list`);
  return body.du_lieu as N[];
}

/**
 * The adapters' side of a lookup by number: the record, or null for the registry's own 404
 * (`{"loi":"<notFoundMessage>"}`, compared after NFC). Any other 404 means the route is wrong,
 * not that the number is unknown, and is a protocol error.
 */
export async function recordByNumber<N>(client: RegistryClient, path: string, route: string, notFoundMessage: string): Promise<N | null> {
  const response = await client.request(path, { route });
  if (response.status === 404) {
    const { loi } = client.json<{ loi?: unknown }>(response, route);
    if (typeof loi === 'string' && nfc(loi) === nfc(notFoundMessage)) return null;
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 404 without {"loi":"${notFoundMessage}"}: ${response.text.slice(0, 200)}`);
  }
  if (response.status !== 200) throw unexpected(client, response, route);
  return client.json<N>(response, route);
}
