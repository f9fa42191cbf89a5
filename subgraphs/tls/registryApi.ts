// What both Timorese registries share (subgraphs/tls/README.md), on the adapters' side: dates as
// DD/MM/YYYY, Portuguese words compared in NFC (accents may arrive decomposed), `erro` message
// bodies, lists as `{"resultados":[…]}`, the passport search by `passaporte` and `nacionalidade` (a
// Portuguese country name), searches paged by `pagina`/`tamanho` (at most 50) answering a `total`,
// and `codigoISCO` as the occupation. The registry calls are the kit's collection shape
// (kit/collectionRegistry.ts); only what each registry calls things is here.
import type { CollectionApi, NumberedSearch } from '../kit/collectionRegistry.js';
import { isoFromPortugueseName, portugueseNameOf } from './countryNames.js';

export const DATE_FORMAT = 'DD/MM/YYYY' as const;
/** Both searches answer at most 50 records a page. */
export const MAX_PAGE_SIZE = 50;

export const nfc = (text: string): string => text.normalize('NFC');

/** A Timorese registry's collection: where it keeps records, what it calls their number, and the `erro` of its not-found 404. */
export function tlsCollection(collection: string, number: string, what: string, notFound: string, encode?: (id: string) => string): CollectionApi {
  return { collection, number, what, notFound: { erro: notFound }, list: 'resultados', message: 'erro', passport: 'passaporte', nationality: 'nacionalidade', nationalityName: portugueseNameOf, encode };
}

/** A registry's `pesquisa`: `pagina` from 1, `tamanho` at most 50, `total`, `de` the lower date bound. */
export function pesquisa(collection: string): NumberedSearch {
  return { path: `${collection}/pesquisa`, page: 'pagina', size: 'tamanho', total: 'total', list: 'resultados', message: 'erro', pageSize: MAX_PAGE_SIZE, since: { param: 'de', format: DATE_FORMAT } };
}

/** `nacionalidade` as ISO alpha-3: a name neither the registries' spellings nor the data set know is an error naming it, never guessed. */
export function nationalityOf(nacionalidade: string, fail: (message: string) => Error): string {
  const iso = typeof nacionalidade === 'string' ? isoFromPortugueseName(nacionalidade) : undefined;
  if (iso === undefined) throw fail(`unknown nacionalidade ${JSON.stringify(nacionalidade)} (not a Portuguese country name)`);
  return iso;
}
