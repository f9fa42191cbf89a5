import type { HolderIdentity } from '../../schema/ids/index.js';
import type { Occupation } from '../../schema/contract/index.js';
import { lookup } from '../kit/records.js';
import { fetchOnlyRecord } from '../kit/nativeRecords.js';
import type { RegistryClient, RegistryResponse } from '../kit/registryClient.js';
import { ISO_BY_PORTUGUESE_NAME, portugueseNameOf } from './countryNames.js';
import { nfc } from './nativeApi.js';

/**
 * The adapters' side of subgraphs/tls/README.md, the same for INDMO and SEFOPE: one `GET` per
 * number (neither has a batch endpoint), a not-found 404 that carries the registry's own `erro`,
 * the passport search by Portuguese country name answering `{"resultados":[…]}`, `nacionalidade`
 * as a Portuguese country name and `codigoISCO` as the occupation. Only what each registry calls
 * things differs (`INDMO_API`, `SEFOPE_API`).
 */
export interface TlsRegistryApi<K extends string> {
  /** The records' path; one record is `<collection>/{<number>}`, the holder search `<collection>?passaporte=…`. */
  collection: string;
  /** The number's name in the spec: the path parameter and the record's field alike. */
  number: K;
  /** What one record is called in messages (`certificate`, `authorisation`). */
  what: string;
  /** The `erro` of the registry's own 404, in NFC as the spec writes it. */
  notFound: string;
}

type ToContract<N, R> = (native: N, client: Pick<RegistryClient, 'error'>) => R;

const unexpected = (client: RegistryClient, response: RegistryResponse, route: string) =>
  client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);

/** A list: `resultados` of a 200 answer, or REGISTRY_PROTOCOL_ERROR naming the route and quoting the body. */
export function resultadosOf<N>(client: RegistryClient, response: RegistryResponse, route: string): N[] {
  if (response.status !== 200) throw unexpected(client, response, route);
  const body = client.json<{ resultados?: unknown } | null>(response, route);
  if (!Array.isArray(body?.resultados)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a resultados list`);
  return body.resultados as N[];
}

/** `fetchByIds` of both registries: the kit's single-record fetch, told this country's 404 body. */
export function fetchByNumber<K extends string, N extends Record<K, string>, R>(
  client: RegistryClient,
  api: TlsRegistryApi<K>,
  numbers: readonly string[],
  toContract: ToContract<N, R>,
): Promise<Map<string, R>> {
  const route = `GET ${api.collection}/{${api.number}}`;
  return fetchOnlyRecord(client, numbers, { route, notFound: { erro: api.notFound }, what: api.what, idOf: (native: N) => native[api.number] }, toContract);
}

/**
 * `findByHolder` of both registries: the passport search, which wants the Portuguese name of the
 * nationality. A nationality the spec gives no name for cannot be asked, and no record naming one
 * could be read, so none is found, without a call.
 */
export async function findByPassport<N, R>(client: RegistryClient, api: TlsRegistryApi<string>, identity: HolderIdentity, toContract: ToContract<N, R>): Promise<R[]> {
  const nacionalidade = portugueseNameOf(identity.nationality);
  if (nacionalidade === undefined) return [];
  const route = `GET ${api.collection}?passaporte`;
  const response = await client.request(api.collection, { route, query: { passaporte: identity.documentNumber, nacionalidade } });
  return resultadosOf<N>(client, response, route).map((native) => toContract(native, client));
}

/** `nacionalidade` as ISO alpha-3, compared in NFC; a name the spec does not publish is a protocol error. */
export function nationalityOf(nacionalidade: string, fail: (message: string) => Error): string {
  return lookup(ISO_BY_PORTUGUESE_NAME, nfc(nacionalidade), 'nacionalidade', fail);
}

/** Neither registry has a national classification: `codigoISCO` is both codes of the occupation, and anything but four digits is a protocol error. */
export function occupationOf(codigoISCO: string, title: string, fail: (message: string) => Error): Occupation {
  if (!/^\d{4}$/.test(codigoISCO)) throw fail(`codigoISCO: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(codigoISCO)}`);
  return { isco: codigoISCO, national: codigoISCO, scheme: 'ISCO-08', title };
}
