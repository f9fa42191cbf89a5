// What both Thai registries share when their records are read (subgraphs/tha/README.md):
// Buddhist-Era dates, ISO alpha-2 nationalities (read, and asked by) and TSCO occupation codes.
import { alpha2ToAlpha3, alpha3ToAlpha2 } from '../../schema/countries/index.js';
import type { NativeDateFormat } from '../../schema/dates/index.js';
import type { Occupation } from '../../schema/contract/index.js';
import type { RegistryClient } from '../kit/registryClient.js';
import { nativeReader } from '../kit/nativeRecords.js';

/**
 * The kit's native reader (protocol errors naming the record, dates in the registry's format) with
 * what both Thai registries add: alpha-2 nationalities and TSCO occupation codes.
 */
export function thaiReader(client: Pick<RegistryClient, 'error'>, what: string, format: NativeDateFormat) {
  const { fail, date, optionalDate } = nativeReader(client, what, format);
  return {
    fail,
    date,
    optionalDate,
    nationality(alpha2: string): string {
      const alpha3 = typeof alpha2 === 'string' ? alpha2ToAlpha3(alpha2.toUpperCase()) : undefined;
      if (!alpha3) throw fail(`nationality: expected an ISO 3166-1 alpha-2 code, got ${JSON.stringify(alpha2)}`);
      return alpha3;
    },
    /** TSCO is aligned with ISCO-08 at four digits, so the one code is both. */
    occupation(code: string, title: string | null): Occupation {
      if (typeof code !== 'string' || !/^\d{4}$/.test(code)) throw fail(`occupation_code: expected a TSCO code of 4 digits, got ${JSON.stringify(code)}`);
      return { isco: code, national: code, scheme: 'TSCO', title };
    },
  };
}

/** The alpha-2 code a Thai registry is asked with, or NATIONALITY_NOT_EXPRESSIBLE when ISO gives none. */
export function alpha2For(client: Pick<RegistryClient, 'error'>, nationality: string): string {
  const alpha2 = alpha3ToAlpha2(nationality);
  if (!alpha2) throw client.error('NATIONALITY_NOT_EXPRESSIBLE', `the registry is asked by ISO alpha-2 nationality and ${JSON.stringify(nationality)} has none`, { nationality });
  return alpha2;
}
