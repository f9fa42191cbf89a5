import type { NativeResponse } from '../../sandbox/simulator/simulator.js';
import { intParam, withinDates } from '../../sandbox/simulator/paging.js';
import { alpha2ToAlpha3 } from '../../schema/countries/index.js';
import { parseNativeDate, parseOptionalNativeDate, type NativeDateFormat } from '../../schema/dates/index.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';
import type { Occupation } from '../../schema/contract/index.js';

/**
 * What both Thai registries share in subgraphs/tha/README.md: Buddhist-Era dates, ISO alpha-2
 * nationalities, list answers under one key (`items`, `permits`), and searches paged by `page` and
 * `per_page` answering `{<list>:[…],"page":P,"per_page":S,"total":N}`, bounded on the issue date in
 * the registry's own date format. Each registry has its own error bodies (see the simulators).
 */
export interface SearchShape<N> {
  listKey: string;
  maxPerPage: number;
  defaultPerPage: number;
  dateFormat: NativeDateFormat;
  fromParam: string;
  toParam: string;
  issueDate(record: N): string;
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
  const matching = withinDates(records, from, to, (r) => parseNativeDate(shape.issueDate(r), shape.dateFormat));
  return { status: 200, json: { [shape.listKey]: matching.slice((page - 1) * perPage, page * perPage), page, per_page: perPage, total: matching.length } };
}

/** The adapters' side: a 200 whose list sits under `key`, or REGISTRY_PROTOCOL_ERROR naming the route. */
export function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, key: string): N[] {
  if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  const list = client.json<Record<string, unknown>>(response, route)[key];
  if (!Array.isArray(list)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a ${JSON.stringify(key)} list`);
  return list as N[];
}

/** No holder, certificate or permit of these registries predates 1900 (B.E. 2443). */
const EARLIEST_PLAUSIBLE = '1900-01-01';

/**
 * The kit's native reader (protocol errors naming the record, dates in the registry's format) with
 * what both Thai registries add: Buddhist-Era years checked for plausibility, alpha-2
 * nationalities, and TSCO occupation codes.
 */
export function thaiReader(client: Pick<RegistryClient, 'error'>, what: string, format: NativeDateFormat) {
  const { fail, date: read } = nativeReader(client, what, format);
  const date = (value: string, field: string): string => {
    const iso = read(value, field);
    // A Christian-Era year where the Buddhist Era is due (`2024` for `2567`) still parses, as the fifteenth century: refuse it rather than shift the date by 543 years.
    if (iso < EARLIEST_PLAUSIBLE) throw fail(`${field}: expected a Buddhist-Era year, got ${JSON.stringify(value)} (${iso.slice(0, 4)} C.E.; a Christian-Era year?)`);
    return iso;
  };
  return {
    fail,
    date,
    optionalDate: (value: string | null, field: string): string | null => (value === null ? null : date(value, field)),
    nationality(alpha2: string): string {
      const alpha3 = alpha2ToAlpha3(alpha2);
      if (!alpha3) throw fail(`nationality: expected an ISO 3166-1 alpha-2 code, got ${JSON.stringify(alpha2)}`);
      return alpha3;
    },
    /** TSCO is aligned with ISCO-08 at four digits, so the one code is both. */
    occupation(code: string, title: string | null): Occupation {
      if (!/^\d{4}$/.test(code)) throw fail(`occupation_code: expected a TSCO code of 4 digits, got ${JSON.stringify(code)}`);
      return { isco: code, national: code, scheme: 'TSCO', title };
    },
  };
}
