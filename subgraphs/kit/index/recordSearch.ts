// Record search for a member state's own labour inspectors, over its index's de-identified facts:
// which records of one registry match a filter, one page at a time, in a single total order
// (registry, native_id). A page starts strictly after the last position the caller saw (keyset
// pagination, never OFFSET), so records added or removed between two pages move no other record
// into or out of the pages still to come. Record numbers are opaque text and compare as text,
// with the database's collation on both sides of the comparison and in the ORDER BY alike.
import type { SqlQueryable } from '../../../platform/sql/database.js';

/** What to search for; an absent or null field does not constrain. Values are checked at the edge (the regional subgraph). */
export interface RecordSearchFilter {
  /** Shared status vocabulary (`ACTIVE`, `VALID`, …). */
  statuses?: readonly string[] | null;
  /** Holder nationalities, ISO alpha-3. */
  nationalities?: readonly string[] | null;
  /** Permits: shared permit classes. */
  permitClasses?: readonly string[] | null;
  /** Permits: the sector as the registry writes it (case is ignored). */
  sector?: string | null;
  /** ISCO-08 major group: the first digit of the occupation's unit group. */
  iscoMajorGroup?: string | null;
  /** Permits valid on this date (`valid_from` ≤ date ≤ `valid_until`; a missing bound is open). */
  validOn?: string | null;
  /** Certifications: AQRF levels. */
  aqrfLevels?: readonly number[] | null;
  /** Certifications issued on or after this date. */
  issuedFrom?: string | null;
  /** Certifications issued on or before this date. */
  issuedTo?: string | null;
}

/** Where a record stands in the search order. */
export interface RecordPosition {
  registry: string;
  nativeId: string;
}

export interface RecordSearchQuestion {
  filter: RecordSearchFilter;
  /** Records per page (the caller bounds it). */
  first: number;
  /** The last position of the previous page; null for the first page. */
  after: RecordPosition | null;
}

export interface RecordSearchPage {
  /** The page's records, in search order. */
  positions: RecordPosition[];
  /** Whether records follow the last one of this page. */
  hasMore: boolean;
  /** Every record of the registry that matches the filter, as the index holds it now. */
  totalCount: number;
}

/** The WHERE clause of a filter over one registry's rows, with its parameters. */
function conditions(registry: string, filter: RecordSearchFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [registry];
  const clauses = ['registry = $1'];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const has = <T>(list: readonly T[] | null | undefined): list is readonly T[] => Array.isArray(list) && list.length > 0;
  if (has(filter.statuses)) clauses.push(`status = ANY(${param(filter.statuses)}::text[])`);
  if (has(filter.nationalities)) clauses.push(`holder_nationality = ANY(${param(filter.nationalities)}::text[])`);
  if (has(filter.permitClasses)) clauses.push(`permit_class = ANY(${param(filter.permitClasses)}::text[])`);
  if (has(filter.aqrfLevels)) clauses.push(`aqrf_level = ANY(${param(filter.aqrfLevels)}::int[])`);
  if (filter.sector) clauses.push(`lower(sector) = lower(${param(filter.sector)}::text)`);
  if (filter.iscoMajorGroup) clauses.push(`left(isco, 1) = ${param(filter.iscoMajorGroup)}::text`);
  if (filter.validOn) {
    const on = param(filter.validOn);
    clauses.push(`(valid_from IS NULL OR valid_from <= ${on}::date) AND (valid_until IS NULL OR valid_until >= ${on}::date)`);
  }
  if (filter.issuedFrom) clauses.push(`issued_on >= ${param(filter.issuedFrom)}::date`);
  if (filter.issuedTo) clauses.push(`issued_on <= ${param(filter.issuedTo)}::date`);
  return { where: clauses.join(' AND '), params };
}

/** One page of the records of `registry` (in the index schema `schema`) that match the question's filter. */
export async function searchRecords(db: SqlQueryable, schema: string, registry: string, question: RecordSearchQuestion): Promise<RecordSearchPage> {
  const { where, params } = conditions(registry, question.filter);
  const pageParams = [...params];
  let after = '';
  if (question.after) {
    pageParams.push(question.after.registry, question.after.nativeId);
    after = ` AND (registry, native_id) > ($${pageParams.length - 1}::text, $${pageParams.length}::text)`;
  }
  pageParams.push(question.first + 1);
  const [rows, [count]] = await Promise.all([
    db.query<{ registry: string; native_id: string }>(
      `SELECT registry, native_id FROM ${schema}.records WHERE ${where}${after} ORDER BY registry, native_id LIMIT $${pageParams.length}`,
      pageParams,
    ),
    db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${schema}.records WHERE ${where}`, params),
  ]);
  return {
    positions: rows.slice(0, question.first).map((row) => ({ registry: row.registry, nativeId: row.native_id })),
    hasMore: rows.length > question.first,
    totalCount: Number(count.n),
  };
}

/** Most values one list of a filter may hold. */
export const MAX_FILTER_VALUES = 50;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ALPHA3 = /^[A-Z]{3}$/;

/**
 * Checks a filter at the edge and again at the owner: every problem is BAD_USER_INPUT naming the
 * argument (`filter.nationalities`) and saying what was expected. Lists, when given, hold 1 to
 * MAX_FILTER_VALUES values (an empty list would match nothing, and is more likely a mistake).
 * Returns the filter normalised (lists sorted without repeats, nationalities upper case), so that
 * one question has one form (the cursor's filter digest relies on it).
 */
export function checkSearchFilter(filter: RecordSearchFilter, badInput: (argument: string, message: string) => Error, prefix = 'filter'): RecordSearchFilter {
  const list = <T extends string | number>(name: string, values: readonly T[] | null | undefined, check: (value: T) => boolean, expected: string): T[] | null => {
    if (values === null || values === undefined) return null;
    if (values.length === 0 || values.length > MAX_FILTER_VALUES) throw badInput(`${prefix}.${name}`, `expected 1 to ${MAX_FILTER_VALUES} values (or the field left out), got ${values.length}`);
    const bad = values.find((value) => !check(value));
    if (bad !== undefined) throw badInput(`${prefix}.${name}`, `expected ${expected}, got ${JSON.stringify(String(bad).slice(0, 24))}`);
    return [...new Set(values)].sort();
  };
  const date = (name: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return null;
    if (!ISO_DATE.test(value)) throw badInput(`${prefix}.${name}`, `expected a date YYYY-MM-DD, got ${JSON.stringify(String(value).slice(0, 24))}`);
    return value;
  };
  const checked: RecordSearchFilter = {
    statuses: list('statuses', filter.statuses, (s) => /^[A-Z_]{1,32}$/.test(s), 'a status of the shared vocabulary'),
    nationalities: list('nationalities', filter.nationalities?.map((n) => n.trim().toUpperCase()), (n) => ALPHA3.test(n), 'an ISO 3166-1 alpha-3 country code such as "MMR"'),
    permitClasses: list('permitClasses', filter.permitClasses, (c) => /^[A-Z_]{1,32}$/.test(c), 'a permit class'),
    aqrfLevels: list('aqrfLevels', filter.aqrfLevels, (l) => Number.isInteger(l) && l >= 1 && l <= 8, 'an AQRF level from 1 to 8'),
    sector: null,
    iscoMajorGroup: null,
    validOn: date('validOn', filter.validOn),
    issuedFrom: date('issuedFrom', filter.issuedFrom),
    issuedTo: date('issuedTo', filter.issuedTo),
  };
  if (filter.sector !== null && filter.sector !== undefined) {
    const sector = filter.sector.trim();
    if (sector === '' || sector.length > 100) throw badInput(`${prefix}.sector`, `expected a sector of 1 to 100 characters, got ${sector.length}`);
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(sector)) throw badInput(`${prefix}.sector`, 'expected a sector name, got one with a control character');
    checked.sector = sector;
  }
  if (filter.iscoMajorGroup !== null && filter.iscoMajorGroup !== undefined) {
    if (!/^\d$/.test(filter.iscoMajorGroup)) throw badInput(`${prefix}.iscoMajorGroup`, `expected an ISCO-08 major group, one digit 0-9, got ${JSON.stringify(filter.iscoMajorGroup.slice(0, 24))}`);
    checked.iscoMajorGroup = filter.iscoMajorGroup;
  }
  if (checked.issuedFrom && checked.issuedTo && checked.issuedFrom > checked.issuedTo) throw badInput(`${prefix}.issuedTo`, `expected a date on or after issuedFrom (${checked.issuedFrom}), got ${checked.issuedTo}`);
  return checked;
}
