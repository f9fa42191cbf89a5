// What both simulated Timorese registries share (subgraphs/tls/README.md): Portuguese error bodies
// `{"erro":"…"}`, lists as `{"resultados":[…]}`, searches paged by `pagina` and `tamanho` (at most
// 50) with DD/MM/YYYY `de`/`ate` bounds answering a `total`, and Portuguese text whose accents may
// arrive composed or decomposed, so it is compared in NFC. The spec gives no 400 body, and a 429
// body for INDMO only; both follow the `erro` style of the bodies it does give. The simulators'
// side only; the adapters' side is ../registryApi.ts.
import type { NativeResponse, RecordStore, SimRoute } from '../../../sandbox/simulator/simulator.js';
import { intParam, withinDates } from '../../../sandbox/simulator/paging.js';
import { parseOptionalNativeDate } from '../../../schema/dates/index.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { portugueseNameOf } from '../countryNames.js';
import { DATE_FORMAT, MAX_PAGE_SIZE, nfc } from '../registryApi.js';

export { DATE_FORMAT, MAX_PAGE_SIZE, nfc };

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
export function filterNfc<N>(records: N[], query: URLSearchParams, fields: Record<string, (record: N) => string | null | undefined>): N[] {
  const wanted = Object.entries(fields)
    .map(([param, read]) => [nfc(query.get(param) ?? ''), read] as const)
    .filter(([value]) => value !== '');
  if (wanted.length === 0) return records;
  return records.filter((record) => wanted.every(([value, read]) => nfc(read(record) ?? '') === value));
}

/** One `pagina`/`tamanho` page of already-filtered records bounded by `de`/`ate` on one date, as `{"resultados":[…],"total":N}`. */
export function pesquisaPage<N>(query: URLSearchParams, records: N[], dateOf: (record: N) => string | null | undefined): NativeResponse {
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
  const matching = withinDates(records, de, ate, (record) => {
    // A pending record has no date yet; a record stored in a form the spec does not allow (tests put some) has none to bound.
    try {
      return parseOptionalNativeDate(dateOf(record), DATE_FORMAT);
    } catch {
      return null;
    }
  });
  return { status: 200, json: { resultados: matching.slice((pagina - 1) * tamanho, pagina * tamanho), total: matching.length } };
}

/**
 * The simulators' `GET <collection>/{<number>}`: the record, or the registry's own 404 `{"erro":…}`.
 * The number may span several path segments (SEFOPE's numbers carry their slashes in the path).
 */
export function numberRoute<N>(api: { collection: string; number: string; notFound: Record<string, string> }): SimRoute<N> {
  return {
    method: 'GET',
    path: `${api.collection}/{${api.number}*}`,
    handle: ({ params }, store) => {
      const record = store.get(params[api.number]);
      return record ? { status: 200, json: record } : { status: 404, json: api.notFound };
    },
  };
}

/** The simulators' passport search: records of that passport (compared as the kit normalises document numbers) under that Portuguese country name (in NFC). */
export function heldBy<N extends { passaporte?: string | null; nacionalidade: string }>(store: RecordStore<N>, passaporte: string, nacionalidade: string): N[] {
  const wanted = normalizeDocumentNumber(passaporte);
  const country = nfc(nacionalidade);
  return store.find('passaporte', wanted, (r) => (typeof r.passaporte === 'string' ? normalizeDocumentNumber(r.passaporte) : null)).filter((r) => nfc(r.nacionalidade) === country);
}

/** The simulators' `nacionalidade` for a person of the population: a nationality without a published Portuguese name is a bug in the data, not a record to write. */
export function nacionalidadeOf(nationality: string): string {
  const name = portugueseNameOf(nationality);
  if (name === undefined) throw new Error(`no Portuguese name for nationality ${nationality}`);
  return name;
}
