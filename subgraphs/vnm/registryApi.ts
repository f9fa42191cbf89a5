// What both Vietnamese registries share (subgraphs/vnm/README.md), on the adapters' side: dates as
// DD/MM/YYYY, Vietnamese text compared after NFC (the same word may arrive precomposed or
// decomposed), `loi` message bodies, lists as `{"du_lieu":[…]}`, the passport search by
// `so_ho_chieu` and `quoc_tich` (a Vietnamese country name), `ma_nghe` as the occupation. The
// registry calls themselves are the kit's collection shape (kit/collectionRegistry.ts).
import type { Occupation } from '../../schema/contract/index.js';
import type { CollectionApi } from '../kit/collectionRegistry.js';
import { isoFromVietnameseName, vietnameseNameFromIso } from './countryNames.js';

export const DATE_FORMAT = 'DD/MM/YYYY' as const;

export const nfc = (text: string): string => text.normalize('NFC');

/** A Vietnamese registry's collection: where it keeps records, what it calls their number, and the `loi` of its not-found 404. */
export function vnmCollection(collection: string, number: string, what: string, notFound: string): CollectionApi {
  return { collection, number, what, notFound: { loi: notFound }, list: 'du_lieu', message: 'loi', passport: 'so_ho_chieu', nationality: 'quoc_tich', nationalityName: vietnameseNameFromIso };
}

/**
 * `ma_nghe` as the contract's occupation. The spec names no classification and states no length;
 * its examples are ISCO-08 unit groups, so a 4-digit code is also read as the ISCO unit group, under
 * Viet Nam's list built on ISCO-08 (see README). Any other code is kept as the national code only.
 */
export function occupationOf(maNghe: string | null | undefined, title: string | null): Occupation {
  const code = typeof maNghe === 'string' && maNghe.trim() !== '' ? maNghe.trim() : null;
  return { isco: code !== null && /^\d{4}$/.test(code) ? code : null, national: code, scheme: code === null ? null : 'VSCO 2020', title };
}

/** `quoc_tich` as ISO alpha-3: a name neither the registry's spellings nor the data set know is an error naming it, never guessed. */
export function nationalityOf(quocTich: string, fail: (message: string) => Error): string {
  const iso = typeof quocTich === 'string' ? isoFromVietnameseName(quocTich) : undefined;
  if (iso === undefined) throw fail(`unknown quoc_tich ${JSON.stringify(quocTich)} (not a Vietnamese country name)`);
  return iso;
}
