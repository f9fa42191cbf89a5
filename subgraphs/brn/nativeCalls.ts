// What both Brunei adapters do with the two APIs (subgraphs/brn/README.md): read a 200 list answer
// (`rekod` or `lesen`), ask a `kelompok` batch (which answers the records it knows and leaves
// unknown numbers out), and read a search page (`halaman`, `saiz` ≤ 100, ISO `dari`, the list and
// its `jumlah`).
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import type { BulkOptions, NativePage } from '../kit/adapter.js';

export type ListKey = 'rekod' | 'lesen';

/** A 200 answer carrying its list under `listKey`, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's `mesej`. */
export function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, listKey: ListKey): N[] {
  if (response.status !== 200) {
    // The body is kept in the message: the registry's `mesej` is what says why (`Tiada rekod` on a wrong path, a 400's reason).
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`, { httpStatus: response.status });
  }
  const body = client.json<Record<string, unknown> | null>(response, route);
  if (body === null || typeof body !== 'object' || !Array.isArray(body[listKey])) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a ${listKey} list`);
  return body[listKey] as N[];
}

/** `POST <path>` with `{"<bodyKey>":numbers}`: the native records the registry knows (the kit checks nothing unasked comes back). */
export async function fetchKelompok<N>(client: RegistryClient, path: string, batch: { bodyKey: string; listKey: ListKey; numbers: readonly string[] }): Promise<N[]> {
  const route = `POST ${path}`;
  const response = await client.request(path, { method: 'POST', route, json: { [batch.bodyKey]: batch.numbers }, idempotent: true });
  return listOf<N>(client, response, route, batch.listKey);
}

/** One page of a `…/carian` search: page `cursor` (from 1), `size` records, issued from `issuedSince`. */
export async function searchPage<N>(client: RegistryClient, path: string, listKey: ListKey, size: number, cursor: string | null, options: BulkOptions = {}): Promise<NativePage<N>> {
  const route = `GET ${path}`;
  const halaman = cursor === null ? 1 : Number(cursor);
  const response = await client.request(path, { route, query: { halaman, saiz: size, dari: options.issuedSince } });
  const records = listOf<N>(client, response, route, listKey);
  const { jumlah } = client.json<{ jumlah?: unknown }>(response, route);
  const more = typeof jumlah === 'number' ? halaman * size < jumlah : records.length === size;
  return { records, next: more ? String(halaman + 1) : null };
}
