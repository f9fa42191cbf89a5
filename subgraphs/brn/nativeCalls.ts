import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { askedOnly } from '../kit/nativeRecords.js';
import type { ListKey } from './nativeApi.js';

/**
 * What both Brunei adapters do with the two APIs: read a 200 list answer (`rekod` or `lesen`), and
 * ask a `kelompok` batch, which answers the records it knows and leaves unknown numbers out.
 */

/** A 200 answer carrying its list under `listKey`, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's `mesej`. */
export function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, listKey: ListKey): N[] {
  if (response.status !== 200) {
    // The body is kept in the message: the registry's `mesej` is what says why (`Tiada rekod` on a wrong path, a 400's reason).
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`, { httpStatus: response.status });
  }
  const body = client.json<Record<string, unknown>>(response, route);
  if (!Array.isArray(body[listKey])) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a ${listKey} list`);
  return body[listKey] as N[];
}

/**
 * `POST <path>` with `{"<bodyKey>":numbers}`: the native records by number. A record for a number
 * not asked is a protocol error (askedOnly); the caller keeps the batch within the registry's limit.
 */
export async function fetchKelompok<N>(client: RegistryClient, path: string, batch: { bodyKey: string; listKey: ListKey; numbers: readonly string[]; idOf: (native: N) => string }): Promise<Map<string, N>> {
  const route = `POST ${path}`;
  const response = await client.request(path, { method: 'POST', route, json: { [batch.bodyKey]: batch.numbers }, idempotent: true });
  return askedOnly(client, route, batch.numbers, listOf<N>(client, response, route, batch.listKey), batch.idOf);
}
