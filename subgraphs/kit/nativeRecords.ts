import { parseNativeDate, type NativeDateFormat } from '../../schema/dates/index.js';
import { isAlpha3 } from '../../schema/countries/index.js';
import type { Occupation } from '../../schema/contract/index.js';
import type { RegistryChange } from './adapter.js';
import type { RegistryClient, RegistryResponse } from './registryClient.js';

/**
 * What every adapter does with a native record before it maps fields: name the record in every
 * protocol error, read its dates in the registry's format, and make sure a batch answered only
 * what was asked. One place, so that all eleven countries fail in the same words.
 */
export interface NativeReader {
  /** A REGISTRY_PROTOCOL_ERROR that names the record (`certificate 123: …`). */
  fail(message: string): Error;
  /** A native date as ISO `YYYY-MM-DD`, or a protocol error naming the field. */
  date(value: string, field: string): string;
  /** The same for a date the registry may leave out. */
  optionalDate(value: string | null | undefined, field: string): string | null;
  /** A nationality the registry writes as ISO 3166-1 alpha-3, checked against the maintained list. */
  alpha3(value: string, field: string): string;
  /** A record classified with ISCO-08 alone: the unit group is both the ISCO and the national code. */
  iscoOccupation(code: string, title: string | null, field?: string): Occupation;
  /**
   * A record classified with ISCO-08 alone, where the registry may give a code at any level (1 to 4
   * digits, major group to unit group): the code is the national one, and the contract's `isco`
   * only when it is a unit group.
   */
  iscoCode(code: string, title: string | null, field?: string): Occupation;
}

export function nativeReader(client: Pick<RegistryClient, 'error'>, what: string, format: NativeDateFormat): NativeReader {
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `${what}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, format);
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  return {
    fail,
    date,
    optionalDate: (value, field) => (value === null || value === undefined || value === '' ? null : date(value, field)),
    alpha3(value, field) {
      if (typeof value !== 'string' || !isAlpha3(value)) throw fail(`${field}: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(value)}`);
      return value;
    },
    iscoOccupation(code, title, field = 'iscoCode') {
      if (!/^\d{4}$/.test(code)) throw fail(`${field}: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(code)}`);
      return { isco: code, national: code, scheme: 'ISCO-08', title };
    },
    iscoCode(code, title, field = 'iscoCode') {
      if (typeof code !== 'string' || !/^\d{1,4}$/.test(code)) throw fail(`${field}: expected an ISCO-08 code of 1 to 4 digits, got ${JSON.stringify(code)}`);
      return { isco: code.length === 4 ? code : null, national: code, scheme: 'ISCO-08', title };
    },
  };
}




/** How a registry without a batch endpoint serves one record. */
export interface OneRecordRoute<N> {
  /** `GET /mol/permits/{permitNo}`: the path is this with the number, percent-encoded, in place of the `{…}` segment. */
  route: string;
  /** The body of the registry's own not-found 404, as the specification writes it (compared after NFC). */
  notFound: Record<string, string>;
  /** What one record is called in messages (`certificate`, `permit`). */
  what: string;
  idOf(native: N): string;
  /** Names the registry in the one-number guard (default `<country> <registry>`). */
  name?: string;
  /** The error for an answer that is neither 200 nor 404 (default: a protocol error quoting the body). */
  unexpected?(response: RegistryResponse): Error;
  /**
   * How the number goes into the path, as the registry's documented URLs show it (default:
   * percent-encoded, so a number holding `/` stays one segment). A registry whose documented URLs
   * carry the number's own slashes says so here.
   */
  encode?(nativeId: string): string;
}

/**
 * `fetchByIds` of a registry without a batch endpoint: the one number asked, or an empty map on
 * the registry's own 404. Any other 404 means the route is wrong, not that the record is missing;
 * an answer that is not a record, or a record for another number, means the registry is broken:
 * all protocol errors.
 */
/**
 * The one native record a registry without a batch endpoint answers for a number (the kit gives
 * such a registry exactly one number per call): the record, or none on the registry's own 404. Any
 * other 404 means the route is wrong, not that the record is missing; an answer that is not a
 * record, or a record for another number, means the registry is broken: protocol errors.
 */
export async function fetchOneNative<N>(client: RegistryClient, id: string, spec: OneRecordRoute<N>): Promise<N[]> {
  const { route } = spec;
  const segment = (spec.encode ?? encodeURIComponent)(id);
  const response = await client.request(route.replace(/^GET /, '').replace(/\{\w+\}/, segment), { route });
  if (response.status === 404) {
    const body = client.json<Record<string, unknown> | null>(response, route);
    const own = body !== null && typeof body === 'object' && Object.entries(spec.notFound).every(([key, value]) => typeof body[key] === 'string' && body[key].normalize('NFC') === value.normalize('NFC'));
    if (own) return [];
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 404 without ${JSON.stringify(spec.notFound)}: ${response.text.slice(0, 200)}`);
  }
  if (response.status !== 200) throw spec.unexpected?.(response) ?? client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  const native = client.json<N | null>(response, route);
  if (native === null || typeof native !== 'object' || Array.isArray(native)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 with something that is not a record`);
  if (spec.idOf(native) !== id) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} asked for ${id} and answered ${spec.what} ${JSON.stringify(spec.idOf(native))}`);
  return [native];
}


/**
 * The list a registry answers under `key` in a 200 JSON body (`{"data":[…]}`), or
 * REGISTRY_PROTOCOL_ERROR naming the route: the one reader every JSON registry's list answers go
 * through. A missing key is an empty list only where the specification says the registry omits it
 * when empty (`absentMeansEmpty`).
 */
export function listIn<N>(client: Pick<RegistryClient, 'error' | 'json'>, response: RegistryResponse, route: string, key: string, options: { absentMeansEmpty?: boolean } = {}): N[] {
  if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  const body = client.json<Record<string, unknown> | null>(response, route);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 with a body that is not a JSON object`);
  const list = body[key];
  if (list === undefined && options.absentMeansEmpty) return [];
  if (!Array.isArray(list)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a "${key}" list`);
  return list as N[];
}

/**
 * A change feed's entries as the kit wants them: each names a record number and an ISO instant
 * (anything else is a protocol error), oldest first whatever order the registry sent.
 */
export function changeEntries(client: Pick<RegistryClient, 'error'>, route: string, entries: readonly unknown[], idKey: string, atKey: string): RegistryChange[] {
  return entries
    .map((entry) => {
      const id = (entry as Record<string, unknown> | null)?.[idKey];
      const at = (entry as Record<string, unknown> | null)?.[atKey];
      if (typeof id !== 'string' || typeof at !== 'string' || Number.isNaN(Date.parse(at))) {
        throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered a change that is not {"${idKey}","${atKey}": ISO instant}: ${JSON.stringify(entry).slice(0, 200)}`);
      }
      return { nativeId: id, changedAt: new Date(at).toISOString() };
    })
    .sort((a, b) => a.changedAt.localeCompare(b.changedAt));
}
