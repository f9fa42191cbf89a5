import { parseNativeDate, type NativeDateFormat } from '../dates/index.js';
import { isAlpha3 } from '../countries/index.js';
import type { Occupation } from '../contract/index.js';
import type { RegistryProfile } from './adapter.js';
import type { RegistryClient } from './registryClient.js';

/**
 * What every adapter does with a native record before it maps fields: name the record in every
 * protocol error, read its dates in the registry's format, and make sure a batch answered only
 * what was asked. One place, so that all eleven countries fail in the same words.
 */
export interface NativeReader {
  /** A REGISTRY_PROTOCOL_ERROR that names the record (`certificate 123: …`). */
  fail(message: string): Error;
  /** A native date as ISO `YYYY-MM-DD`, or a protocol error naming the field. */
  date(value: string, field: string): string;
  /** The same for a date the registry may leave out. */
  optionalDate(value: string | null | undefined, field: string): string | null;
  /** A nationality the registry writes as ISO 3166-1 alpha-3, checked against the maintained list. */
  alpha3(value: string, field: string): string;
  /** A record classified with ISCO-08 alone: the unit group is both the ISCO and the national code. */
  iscoOccupation(code: string, title: string | null, field?: string): Occupation;
}

export function nativeReader(client: Pick<RegistryClient, 'error'>, what: string, format: NativeDateFormat): NativeReader {
  const fail = (message: string) => client.error('REGISTRY_PROTOCOL_ERROR', `${what}: ${message}`);
  const date = (value: string, field: string) => {
    try {
      return parseNativeDate(value, format);
    } catch (error) {
      throw fail(`${field}: ${(error as Error).message}`);
    }
  };
  return {
    fail,
    date,
    optionalDate: (value, field) => (value === null || value === undefined || value === '' ? null : date(value, field)),
    alpha3(value, field) {
      if (typeof value !== 'string' || !isAlpha3(value)) throw fail(`${field}: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(value)}`);
      return value;
    },
    iscoOccupation(code, title, field = 'iscoCode') {
      if (!/^\d{4}$/.test(code)) throw fail(`${field}: expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(code)}`);
      return { isco: code, national: code, scheme: 'ISCO-08', title };
    },
  };
}

/** For registries with a batch endpoint: refuses, before any call, more ids than the registry accepts. */
export function withinBatchLimit(ids: readonly string[], profile: Pick<RegistryProfile, 'key' | 'batchLimit'>): readonly string[] {
  if (profile.batchLimit !== null && ids.length > profile.batchLimit) throw new Error(`${profile.key} takes at most ${profile.batchLimit} numbers a batch, got ${ids.length}`);
  return ids;
}

/**
 * For registries without a batch endpoint: the one number `fetchByIds` may be given (the kit
 * never gives more; a caller that does has a bug, so this is a plain Error, not a registry one).
 */
export function theOnlyId(ids: readonly string[], registry: string): string {
  if (ids.length !== 1) throw new Error(`${registry} has no batch endpoint: fetchByIds takes exactly one number, got ${ids.length}`);
  return ids[0];
}

/**
 * A batch answer keyed by native id, refusing any record for a number that was not asked: a
 * registry that answers something else is broken, and keeping the record would be guessing.
 */
export function askedOnly<N>(client: Pick<RegistryClient, 'error'>, route: string, asked: readonly string[], natives: readonly N[], idOf: (native: N) => string): Map<string, N> {
  const wanted = new Set(asked);
  const byId = new Map<string, N>();
  for (const native of natives) {
    const id = idOf(native);
    if (!wanted.has(id)) throw client.error('REGISTRY_PROTOCOL_ERROR', `${route} returned ${JSON.stringify(id)}, which was not among the ${asked.length} numbers asked`);
    byId.set(id, native);
  }
  return byId;
}
