// A registry shape several countries share (Viet Nam's kynang and gpld, Timor-Leste's INDMO and
// SEFOPE; see their READMEs): no batch endpoint, one `GET <collection>/{number}` per record with
// the registry's own not-found 404 body, a passport search on the collection itself answering one
// JSON list for a passport and a nationality written as a country name in the registry's language,
// and a search paged by page number answering a total. Only the words differ, so a country states
// them as data (`CollectionApi`, `NumberedSearch`) and gets the registry calls from here.
import type { HolderIdentity } from '../../schema/ids/index.js';
import { formatNativeDate, type NativeDateFormat } from '../../schema/dates/index.js';
import type { BulkOptions, NativePage, RegistryCalls } from './adapter.js';
import { fetchOneNative, listIn } from './nativeRecords.js';
import type { RegistryClient, RegistryResponse } from './registryClient.js';

/** What a collection registry calls things, in its specification's words. */
export interface CollectionApi {
  /** The records' path (`/api/chung-chi`); one record is `<collection>/{<number>}`. */
  collection: string;
  /** The number's name in the specification: the path parameter and the record's field alike. */
  number: string;
  /** What one record is called in messages (`certificate`, `permit`). */
  what: string;
  /** The body of the registry's own not-found 404 (`{"loi":"Không tìm thấy chứng chỉ"}`), compared after NFC. */
  notFound: Record<string, string>;
  /** The key of the list in a search answer (`du_lieu`, `resultados`). */
  list: string;
  /** The key of the registry's own message in an error body (`loi`, `erro`), quoted in protocol errors. */
  message: string;
  /** The passport search's parameters: the passport's and the nationality's. */
  passport: string;
  nationality: string;
  /** The country name the registry expects for an alpha-3 code in the search, or undefined when there is none. */
  nationalityName(alpha3: string): string | undefined;
  /** How the number goes into the path, as the registry's documented URLs show it (default: percent-encoded). */
  encode?(nativeId: string): string;
}

/** What a non-200 answer said: its own message when the body carries one, else the start of the body. */
export function registryMessage(response: RegistryResponse, key: string): string {
  try {
    const body = JSON.parse(response.text) as Record<string, unknown> | null;
    if (body && typeof body[key] === 'string') return body[key] as string;
  } catch {
    // Not JSON: the raw text below is the best evidence.
  }
  return response.text.slice(0, 200);
}

/** A non-200 answer the specification does not publish for this route: a protocol error quoting the registry's words and the status. */
export function unexpectedAnswer(client: Pick<RegistryClient, 'error'>, response: RegistryResponse, route: string, messageKey: string): Error {
  return client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${registryMessage(response, messageKey)}`, { status: response.status });
}

/** A 200 list answer under `key`, or a protocol error quoting the registry's message. */
function listOf<N>(client: RegistryClient, response: RegistryResponse, route: string, api: Pick<CollectionApi, 'list' | 'message'>): N[] {
  if (response.status !== 200) throw unexpectedAnswer(client, response, route, api.message);
  return listIn<N>(client, response, route, api.list);
}

/**
 * `fetchByIds` and `findByHolder` of a collection registry. A nationality the registry has no name
 * for cannot be asked about: NATIONALITY_NOT_EXPRESSIBLE, never a silent empty answer.
 */
export function collectionCalls<N extends object>(client: RegistryClient, api: CollectionApi): Pick<RegistryCalls<N>, 'fetchByIds' | 'findByHolder'> {
  const one = `GET ${api.collection}/{${api.number}}`;
  const search = `GET ${api.collection}?${api.passport}`;
  return {
    fetchByIds: (ids) =>
      fetchOneNative<N>(client, ids[0], {
        route: one,
        notFound: api.notFound,
        what: api.what,
        idOf: (native) => (native as Record<string, unknown>)[api.number] as string,
        unexpected: (response) => unexpectedAnswer(client, response, one, api.message),
        encode: api.encode,
      }),
    async findByHolder(identity: HolderIdentity) {
      const name = api.nationalityName(identity.nationality);
      if (name === undefined) {
        throw client.error('NATIONALITY_NOT_EXPRESSIBLE', `${search} takes a nationality as a country name, and none is known for ${identity.nationality}`, { nationality: identity.nationality });
      }
      const response = await client.request(api.collection, { route: search, query: { [api.passport]: identity.documentNumber, [api.nationality]: name } });
      return listOf<N>(client, response, search, api);
    },
  };
}

/** A search paged by page number that answers the total (`trang`/`so_ban_ghi`/`tong_so`, `pagina`/`tamanho`/`total`). */
export interface NumberedSearch {
  /** The search's path (`/api/chung-chi/tra-cuu`). */
  path: string;
  /** Parameter names: the page (from 1) and the page size. */
  page: string;
  size: string;
  /** Key of the total in the answer. */
  total: string;
  list: string;
  message: string;
  pageSize: number;
  /** The lower issue-date bound, when the search takes one, and its date format. */
  since?: { param: string; format: NativeDateFormat };
}

/** One page of a page-numbered search; the cursor is the page number. */
export async function numberedPage<N>(client: RegistryClient, search: NumberedSearch, cursor: string | null, options: BulkOptions = {}): Promise<NativePage<N>> {
  const route = `GET ${search.path}`;
  const page = cursor === null ? 1 : Number(cursor);
  const query: Record<string, string | number | undefined> = { [search.page]: page, [search.size]: search.pageSize };
  if (search.since && options.issuedSince) query[search.since.param] = formatNativeDate(options.issuedSince, search.since.format);
  const response = await client.request(search.path, { route, query });
  const records = listOf<N>(client, response, route, search);
  const total = client.json<Record<string, unknown>>(response, route)[search.total];
  const more = typeof total === 'number' ? page * search.pageSize < total : records.length === search.pageSize;
  return { records, next: more ? String(page + 1) : null };
}
