import type { NativeResponse } from '../../registries/kit/simulator.js';
import { intParam, withinDates } from '../../registries/kit/paging.js';
import { parseNativeDate, parseOptionalNativeDate } from '../../schema/dates/index.js';
import type { RegistryClient, RegistryResponse } from '../../schema/kit/registryClient.js';

/**
 * What both Timorese registries share in shared/registries/TLS.md: Portuguese error bodies
 * `{"erro":"…"}`, lists as `{"resultados":[…]}`, dates as DD/MM/YYYY, searches paged by `pagina` and
 * `tamanho` (at most 50) with `de`/`ate` bounds answering a `total`, and Portuguese text whose
 * accents may arrive composed or decomposed, so it is compared in NFC. The spec gives no 400 body,
 * and a 429 body for INDMO only; both follow the `erro` style of the bodies it does give.
 */
export const DATE_FORMAT = 'DD/MM/YYYY' as const;
export const MAX_PAGE_SIZE = 50;

export const nfc = (text: string): string => text.normalize('NFC');

export const erro = (status: number, message: string): NativeResponse => ({ status, json: { erro: message } });
export const rateLimited: NativeResponse = erro(429, 'Demasiados pedidos');

/**
 * The population's sectors as the registries write them (INDMO `area`, SEFOPE `sector`), upper-case
 * Portuguese like the spec's `TURISMO E HOTELARIA` and `CONSTRUÇÃO`. Simulator data, not a mapping:
 * the adapters keep whatever label the registry sends.
 */
export const SECTOR_LABELS: Record<string, string> = {
  CONSTRUCTION: 'CONSTRUÇÃO',
  DOMESTIC: 'SERVIÇOS DOMÉSTICOS',
  ENERGY: 'ENERGIA',
  HOSPITALITY: 'TURISMO E HOTELARIA',
  MANUFACTURING: 'INDÚSTRIA TRANSFORMADORA',
  MINING: 'INDÚSTRIA EXTRATIVA',
  PLANTATION: 'AGRICULTURA',
  SERVICES: 'SERVIÇOS',
};

/** Keeps records whose field equals every filter given in the query, both sides in NFC. */
export function filterNfc<N>(records: N[], query: URLSearchParams, fields: Record<string, (record: N) => string>): N[] {
  const wanted = Object.entries(fields)
    .map(([param, read]) => [nfc(query.get(param) ?? ''), read] as const)
    .filter(([value]) => value !== '');
  return records.filter((record) => wanted.every(([value, read]) => nfc(read(record)) === value));
}

/** One `pagina`/`tamanho` page of already-filtered records bounded by `de`/`ate` on one date, as `{"resultados":[…],"total":N}`. */
export function pesquisaPage<N>(query: URLSearchParams, records: N[], dateOf: (record: N) => string): NativeResponse {
  const pagina = intParam(query, 'pagina', 1);
  const tamanho = intParam(query, 'tamanho', MAX_PAGE_SIZE);
  if (!(pagina >= 1)) return erro(400, 'pagina deve ser um inteiro ≥ 1');
  if (!(tamanho >= 1 && tamanho <= MAX_PAGE_SIZE)) return erro(400, `tamanho deve estar entre 1 e ${MAX_PAGE_SIZE}`);
  let de: string | null;
  let ate: string | null;
  try {
    de = parseOptionalNativeDate(query.get('de'), DATE_FORMAT);
    ate = parseOptionalNativeDate(query.get('ate'), DATE_FORMAT);
  } catch {
    return erro(400, 'de e ate devem ser datas DD/MM/AAAA');
  }
  const matching = withinDates(records, de, ate, (record) => parseNativeDate(dateOf(record), DATE_FORMAT));
  return { status: 200, json: { resultados: matching.slice((pagina - 1) * tamanho, pagina * tamanho), total: matching.length } };
}

/** The adapters' side of a list: `resultados` of a 200 answer, or REGISTRY_PROTOCOL_ERROR naming the route and quoting the body. */
export function resultadosOf<N>(client: RegistryClient, response: RegistryResponse, route: string): N[] {
  if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  const body = client.json<{ resultados?: unknown } | null>(response, route);
  if (!Array.isArray(body?.resultados)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 without a resultados list`);
  return body.resultados as N[];
}

/**
 * The adapters' side of `GET …/{number}`: the record on 200, null on the registry's own 404
 * `{"erro":"<notFound>"}`, REGISTRY_PROTOCOL_ERROR for any other answer (a 404 with another body
 * means the route is wrong, not that the record is missing).
 */
export function recordOrNull<N>(client: RegistryClient, response: RegistryResponse, route: string, notFound: string): N | null {
  if (response.status === 404) {
    const body = client.json<{ erro?: unknown } | null>(response, route);
    if (typeof body?.erro === 'string' && nfc(body.erro) === notFound) return null;
    throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 404 without {"erro":"${notFound}"}: ${response.text.slice(0, 200)}`);
  }
  if (response.status !== 200) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered ${response.status}: ${response.text.slice(0, 200)}`);
  const body = client.json<N | null>(response, route);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} answered 200 with something that is not a record`);
  return body;
}
