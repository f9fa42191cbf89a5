import { idsPerCall, legacyBatchLimit } from '../kit/adapter.js';
import type { NativeResponse } from '../../sandbox/simulator/simulator.js';
import { intParam } from '../../sandbox/simulator/paging.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import type { RegistryProfile } from '../kit/adapter.js';
import { askedOnly } from '../kit/nativeRecords.js';

/**
 * What both Cambodian registries share in subgraphs/khm/README.md: errors as `{"error":"<word>"}`,
 * list answers under one key (`found` for NTB, `permits` for FWCMS), batch lookups by POST of a
 * list of numbers, searches paged by `offset` and `limit` answering the list with a `total`, and
 * occupations coded in ISCO-08 alone. The spec gives no 400 body; `bad_request` with a
 * message follows the style of the bodies it does give.
 */
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

/**
 * The adapters' side: the list under `listKey` of a 200 answer, or REGISTRY_PROTOCOL_ERROR naming
 * the route (a 400 keeps the registry's own words: it means Rantau sent what the spec forbids).
 */
export function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, listKey: string): N[] {
  if (response.status !== 200) {
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  }
  const body = client.json<Record<string, unknown> | null>(response, route);
  const list = body?.[listKey];
  if (!Array.isArray(list)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a ${listKey} list`);
  return list as N[];
}

/**
 * The batch lookup of either registry: at most the profile's `batchLimit` numbers, sent as
 * `{"<field>":[…]}` to `path`; the answer's `listKey` records keyed by number, refusing any record
 * for a number not asked. The whole response comes back too, for what else a registry lists in it.
 */
export async function batchLookup<N>(
  client: RegistryClient,
  profile: RegistryProfile,
  numbers: readonly string[],
  request: { path: string; field: string; listKey: string; idOf: (native: N) => string },
): Promise<{ natives: Map<string, N>; response: RegistryResponse; route: string }> {
  const route = `POST ${request.path}`;
  // The kit never sends more than the profile's limit; a caller that does has a bug, not the registry.
  if (numbers.length > idsPerCall(profile)) throw new Error(`${route} takes at most ${legacyBatchLimit(profile)} numbers, got ${numbers.length}`);
  const response = await client.request(request.path, { method: 'POST', route, json: { [request.field]: numbers }, idempotent: true });
  const natives = askedOnly(client, route, numbers, listOf<N>(client, response, route, request.listKey), request.idOf);
  return { natives, response, route };
}

