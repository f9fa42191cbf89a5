import type { HolderIdentity } from '../../schema/ids/index.js';
import type { Occupation } from '../../schema/contract/index.js';
import { fetchOnlyRecord } from '../kit/nativeRecords.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { isoFromVietnameseName, vietnameseNameFromIso } from './countryNames.js';

/**
 * The adapters' side of subgraphs/vnm/README.md, the same for both registries: one `GET` per
 * number (neither has a batch endpoint), a not-found 404 that carries the registry's own `loi`,
 * the passport search by Vietnamese country name answering `{"du_lieu":[…]}`, `quoc_tich` as a
 * Vietnamese country name and `ma_nghe` as the occupation. Only what each registry calls things differs (`KYNANG_API`, `GPLD_API`).
 */
export interface VnmRegistryApi<K extends string> {
  /** The records' path; one record is `<collection>/{<number>}`, the holder search `<collection>?so_ho_chieu=…`. */
  collection: string;
  /** The number's name in the spec: the path parameter and the record's field alike. */
  number: K;
  /** What one record is called in messages (`certificate`, `permit`). */
  what: string;
  /** The `loi` of the registry's own 404, as the spec writes it. */
  notFound: string;
}

type ToContract<N, R> = (native: N, client: Pick<RegistryClient, 'error'>) => R;

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

/** A list answer: 200 `{"du_lieu":[…]}`, or REGISTRY_PROTOCOL_ERROR naming the route and the registry's `loi`. */
export function recordsOf<N>(client: RegistryClient, response: RegistryResponse, route: string): N[] {
  if (response.status !== 200) throw unexpected(client, response, route);
  const body = client.json<{ du_lieu?: unknown }>(response, route);
  if (!Array.isArray(body.du_lieu)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a du_lieu list`);
  return body.du_lieu as N[];
}

/** `fetchByIds` of both registries: the kit's single-record fetch, told this country's 404 body. */
export function fetchByNumber<K extends string, N extends Record<K, string>, R>(
  client: RegistryClient,
  api: VnmRegistryApi<K>,
  numbers: readonly string[],
  toContract: ToContract<N, R>,
): Promise<Map<string, R>> {
  const route = `GET ${api.collection}/{${api.number}}`;
  return fetchOnlyRecord(client, numbers, { route, notFound: { loi: api.notFound }, what: api.what, idOf: (native: N) => native[api.number], unexpected: (response) => unexpected(client, response, route) }, toContract);
}

/**
 * `findByHolder` of both registries: the passport search, which wants the Vietnamese name of the
 * nationality. A nationality without one is answered `[]` without a call: no record the registry
 * can name could carry it.
 */
export async function findByPassport<N, R>(client: RegistryClient, api: VnmRegistryApi<string>, identity: HolderIdentity, toContract: ToContract<N, R>): Promise<R[]> {
  const quocTich = vietnameseNameFromIso(identity.nationality);
  if (quocTich === undefined) return [];
  const route = `GET ${api.collection}?so_ho_chieu`;
  const response = await client.request(api.collection, { route, query: { so_ho_chieu: identity.documentNumber, quoc_tich: quocTich } });
  return recordsOf<N>(client, response, route).map((native) => toContract(native, client));
}

/**
 * `ma_nghe` as the contract's occupation. The spec does not name its classification; its examples
 * are ISCO-08 unit groups, so it is both codes, under Viet Nam's list built on ISCO-08 (see README).
 */
export function occupationOf(maNghe: string, title: string, fail: (message: string) => Error): Occupation {
  if (!/^\d{4}$/.test(maNghe)) throw fail(`ma_nghe: expected an occupation code of 4 digits, got ${JSON.stringify(maNghe)}`);
  return { isco: maNghe, national: maNghe, scheme: 'VSCO 2020', title };
}

/** `quoc_tich` as ISO alpha-3: a name outside the published list is a protocol error, never guessed. */
export function nationalityOf(quocTich: string, fail: (message: string) => Error): string {
  const iso = isoFromVietnameseName(quocTich);
  if (iso === undefined) throw fail(`unknown quoc_tich ${JSON.stringify(quocTich)} (not in the published list of Vietnamese country names)`);
  return iso;
}
