// Statistics and corridors for analysts (issue 13). Every country counts its own index (raw
// grouped counts, one internal call each, in parallel); the counts are merged across countries
// first, and only then suppressed (./suppression.ts), so a small count in one country is never
// published because another country's count hides it. Counts only: no name, document number or
// record id is ever read or returned.
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DateScalar } from '../../../schema/contract/index.js';
import { RantauError, badUserInput } from '../../../schema/errors/index.js';
import type { CountDimension } from '../../kit/index/recordCounts.js';
import { COUNT_DIMENSIONS } from '../../kit/index/recordCounts.js';
import type { RegionalContext } from '../resolvers.js';
import type { CountryLocator } from '../countryLocator.js';
import { SuppressedMargins, combinationsOf, publish, type FineCell } from './suppression.js';
import {
  CertificationDimension, CertificationStatistics, CertificationStatisticsCell, CertificationStatisticsFilter, CorridorFilter, Corridors, CountryFreshness,
  PermitDimension, PermitStatistics, PermitStatisticsCell, PermitStatisticsFilter,
} from './types.js';

/** Most dimensions one question groups by. */
export const MAX_GROUP_BY = 4;
/** Most groups the finest grouping of one question may have (every combination of the values seen). */
export const MAX_COMBINATIONS = 20_000;

/** Suppression decided once per question shape and index state: a dashboard asking again costs no recomputation. */
const DECIDED_KEPT = 64;
const decided = new Map<string, SuppressedMargins>();

/** Forgets every suppression decided (the benchmark's cold runs). */
export function forgetDecisions(): void {
  decided.clear();
}

/** Roles that reach statistics (no personal data, so no purpose is needed). */
const STATISTICS_ROLES = new Set(['analyst', 'inspector', 'operator']);

/** One dimension of a statistic: the index's name for it, the cell field it fills, how its value reads. */
export interface Dimension {
  index: CountDimension;
  field: string;
  read: (value: string | null) => string | number | null;
}

const text = (value: string | null) => value;
const integer = (value: string | null) => (value === null ? null : Number(value));

export const PERMIT_DIMENSIONS: Record<PermitDimension, Dimension> = {
  HOST_COUNTRY: { index: 'country', field: 'hostCountry', read: text },
  NATIONALITY: { index: 'holderNationality', field: 'nationality', read: text },
  PERMIT_CLASS: { index: 'permitClass', field: 'permitClass', read: text },
  NATIVE_TYPE: { index: 'nativeType', field: 'nativeType', read: text },
  STATUS: { index: 'status', field: 'status', read: text },
  SECTOR: { index: 'sector', field: 'sector', read: text },
  ISCO_MAJOR_GROUP: { index: 'iscoMajorGroup', field: 'iscoMajorGroup', read: text },
  VALID_FROM_YEAR: { index: 'validFromYear', field: 'validFromYear', read: integer },
};

const CERTIFICATION_DIMENSIONS: Record<CertificationDimension, Dimension> = {
  COUNTRY: { index: 'country', field: 'country', read: text },
  HOLDER_NATIONALITY: { index: 'holderNationality', field: 'holderNationality', read: text },
  AQRF_LEVEL: { index: 'aqrfLevel', field: 'aqrfLevel', read: integer },
  AQRF_BASIS: { index: 'aqrfBasis', field: 'aqrfBasis', read: text },
  STATUS: { index: 'status', field: 'status', read: text },
  ISCO_MAJOR_GROUP: { index: 'iscoMajorGroup', field: 'iscoMajorGroup', read: text },
  ISSUED_YEAR: { index: 'issuedYear', field: 'issuedYear', read: integer },
};

/** The index's dimensions in one fixed order: every question's finest grouping is sorted by it, so the same cells get the same decisions whatever the question. */
const CANONICAL = Object.keys(COUNT_DIMENSIONS) as CountDimension[];

/** What answering a question needs of the request: a way to each country's counts, where to report a country that fails, the threshold. */
export interface StatisticsContext {
  locators: ReadonlyMap<string, Pick<CountryLocator, 'recordCounts'>>;
  partialErrors: Pick<RegionalContext['partialErrors'], 'report'>;
  cacheHint: Pick<RegionalContext['cacheHint'], 'restrict'>;
  suppressionThreshold: number;
}

export interface Question {
  kind: 'PERMIT' | 'CERT';
  groupBy: Dimension[];
  /** Values a dimension is restricted to, by index name. */
  selections: Map<CountDimension, Set<string>>;
  activeOn?: string | null;
  issuedFrom?: string | null;
  issuedTo?: string | null;
}

export interface Answer {
  cells: Array<Record<string, string | number | boolean | null>>;
  total: number | null;
  suppressionThreshold: number;
  asOf: CountryFreshness[];
}

function requireStatisticsRole(context: RegionalContext, field: string): void {
  const role = context.caller?.role;
  if (role === undefined) throw new RantauError('UNAUTHENTICATED', `${field} needs a bearer token of an analyst, inspector or operator.`, { field });
  if (!STATISTICS_ROLES.has(role)) throw new RantauError('FORBIDDEN', `A caller with role ${role} may not ask for ${field}.`, { field, role });
}

const ALPHA3 = /^[A-Z]{3}$/;

function countries(argument: string, values: readonly string[] | null | undefined): Set<string> | null {
  if (!values) return null;
  return new Set(values.map((value, i) => {
    const code = value.trim().toUpperCase();
    if (!ALPHA3.test(code)) throw badUserInput(`${argument}[${i}]`, `expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(value.slice(0, 20))}`);
    return code;
  }));
}

const listed = (values: readonly (string | number)[] | null | undefined): Set<string> | null => (values ? new Set(values.map(String)) : null);

function dimensionsOf<K extends string>(argument: string, groupBy: readonly K[], table: Record<K, Dimension>): Dimension[] {
  if (groupBy.length > MAX_GROUP_BY) throw badUserInput(argument, `expected at most ${MAX_GROUP_BY} dimensions, got ${groupBy.length}`);
  const repeated = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
  if (repeated !== undefined) throw badUserInput(argument, `expected each dimension once, got ${repeated} twice`);
  return groupBy.map((d) => table[d]);
}

/** Every country counts, the counts are merged, then suppressed; a country that cannot answer is listed unavailable and named in an error. */
export async function answer(question: Question, context: StatisticsContext, info: GraphQLResolveInfo): Promise<Answer> {
  const requested = question.groupBy.map((d) => d.index);
  const finest = CANONICAL.filter((d) => requested.includes(d) || question.selections.has(d));
  const merged = new Map<string, FineCell>();
  const asOf = await Promise.all(
    [...context.locators].map(async ([code, locator]): Promise<CountryFreshness> => {
      try {
        const counts = await locator.recordCounts(question.kind, finest, question);
        for (const group of counts.groups) {
          const key = JSON.stringify(group.values);
          const cell = merged.get(key);
          if (cell) cell.count += group.count;
          else merged.set(key, { values: group.values, count: group.count });
        }
        return { country: code, indexedAt: counts.indexedAt, available: true };
      } catch (error) {
        if (!(error instanceof RantauError)) throw error;
        context.partialErrors.report(error, info);
        return { country: code, indexedAt: null, available: false };
      }
    }),
  );
  const fine = [...merged.values()];
  const combinations = combinationsOf(finest.length, fine);
  if (combinations > MAX_COMBINATIONS) {
    throw badUserInput('groupBy', `expected a question of at most ${MAX_COMBINATIONS} groups once filtered dimensions are counted, got ${combinations}: group by fewer dimensions`);
  }
  const threshold = context.suppressionThreshold;
  const key = JSON.stringify([question.kind, finest, question.activeOn ?? null, question.issuedFrom ?? null, question.issuedTo ?? null, threshold, asOf.map((c) => [c.country, c.indexedAt])]);
  let margins = decided.get(key);
  if (!margins) {
    margins = new SuppressedMargins(finest.length, fine, threshold);
    decided.set(key, margins);
    if (decided.size > DECIDED_KEPT) decided.delete(decided.keys().next().value!);
  }
  const published = publish(margins, requested.map((d) => finest.indexOf(d)), finest.map((d) => question.selections.get(d) ?? null));
  const cells = published.cells.map((cell) => {
    const row: Record<string, string | number | boolean | null> = {};
    question.groupBy.forEach((dimension, i) => { row[dimension.field] = dimension.read(cell.values[i]); });
    row.count = cell.suppressed ? null : cell.count;
    row.suppressed = cell.suppressed;
    return row;
  });
  cells.sort((a, b) => question.groupBy.map((d) => String(a[d.field] ?? '~').localeCompare(String(b[d.field] ?? '~'), 'en', { numeric: true })).find((c) => c !== 0) ?? 0);
  context.cacheHint.restrict(0);
  return { cells, total: published.total, suppressionThreshold: threshold, asOf: asOf.sort((a, b) => a.country.localeCompare(b.country)) };
}

/** Cells as the GraphQL type has them: every dimension not grouped by is null. */
function cellsOf<T>(fields: readonly string[], cells: Answer['cells']): T[] {
  return cells.map((cell) => Object.fromEntries([...fields.map((f) => [f, null]), ...Object.entries(cell)]) as T);
}

/** The values a filter lists, per dimension (a dimension the filter lists is treated as grouped by suppression). */
function selectionsOf(entries: Array<[CountDimension, Set<string> | null]>): Map<CountDimension, Set<string>> {
  return new Map(entries.filter((entry): entry is [CountDimension, Set<string>] => entry[1] !== null));
}

@Resolver()
export class StatisticsResolver {
  @Query(() => PermitStatistics, { description: 'Permits counted across member states from their indexes, grouped, small counts suppressed. Analysts, inspectors and operators; no personal data.' })
  async permitStatistics(
    @Arg('groupBy', () => [PermitDimension], { description: `What to group by (at most ${MAX_GROUP_BY}); none gives the total only.` }) groupBy: PermitDimension[],
    @Arg('filter', () => PermitStatisticsFilter, { nullable: true, description: 'Which permits are counted.' }) filter: PermitStatisticsFilter | null,
    @Ctx() context: RegionalContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PermitStatistics> {
    requireStatisticsRole(context, 'permitStatistics');
    const selections = selectionsOf([
      ['country', countries('filter.hostCountries', filter?.hostCountries)],
      ['holderNationality', countries('filter.nationalities', filter?.nationalities)],
      ['permitClass', listed(filter?.permitClasses)],
      ['status', listed(filter?.statuses)],
    ]);
    const result = await answer({ kind: 'PERMIT', groupBy: dimensionsOf('groupBy', groupBy, PERMIT_DIMENSIONS), selections, activeOn: filter?.activeOn ?? null }, context, info);
    return { ...result, cells: cellsOf<PermitStatisticsCell>(Object.values(PERMIT_DIMENSIONS).map((d) => d.field), result.cells) };
  }

  @Query(() => CertificationStatistics, { description: 'Certifications counted across member states from their indexes, grouped, small counts suppressed. Analysts, inspectors and operators; no personal data.' })
  async certificationStatistics(
    @Arg('groupBy', () => [CertificationDimension], { description: `What to group by (at most ${MAX_GROUP_BY}); none gives the total only.` }) groupBy: CertificationDimension[],
    @Arg('filter', () => CertificationStatisticsFilter, { nullable: true, description: 'Which certifications are counted.' }) filter: CertificationStatisticsFilter | null,
    @Ctx() context: RegionalContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CertificationStatistics> {
    requireStatisticsRole(context, 'certificationStatistics');
    const levels = filter?.aqrfLevels ?? null;
    const wrong = levels?.findIndex((level) => !(Number.isInteger(level) && level >= 1 && level <= 8)) ?? -1;
    if (levels && wrong >= 0) throw badUserInput(`filter.aqrfLevels[${wrong}]`, `expected an AQRF level from 1 to 8, got ${levels[wrong]}`);
    if (filter?.issuedFrom && filter.issuedTo && filter.issuedFrom > filter.issuedTo) throw badUserInput('filter.issuedTo', `expected a day on or after issuedFrom (${filter.issuedFrom}), got ${filter.issuedTo}`);
    const selections = selectionsOf([
      ['country', countries('filter.countries', filter?.countries)],
      ['holderNationality', countries('filter.holderNationalities', filter?.holderNationalities)],
      ['aqrfLevel', listed(levels)],
      ['status', listed(filter?.statuses)],
    ]);
    const result = await answer({ kind: 'CERT', groupBy: dimensionsOf('groupBy', groupBy, CERTIFICATION_DIMENSIONS), selections, issuedFrom: filter?.issuedFrom ?? null, issuedTo: filter?.issuedTo ?? null }, context, info);
    return { ...result, cells: cellsOf<CertificationStatisticsCell>(Object.values(CERTIFICATION_DIMENSIONS).map((d) => d.field), result.cells) };
  }

  @Query(() => Corridors, { description: 'Origin → host flows of workers holding a permit in force on a day (default today), by class unless byClass is false, small counts suppressed. Analysts, inspectors and operators.' })
  async corridors(
    @Arg('activeOn', () => DateScalar, { nullable: true, description: 'The day counted; default today (UTC).' }) activeOn: string | null,
    @Arg('byClass', () => Boolean, { defaultValue: true, description: 'Split each flow by permit class.' }) byClass: boolean,
    @Arg('filter', () => CorridorFilter, { nullable: true, description: 'Which flows are counted.' }) filter: CorridorFilter | null,
    @Ctx() context: RegionalContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Corridors> {
    requireStatisticsRole(context, 'corridors');
    const day = activeOn ?? new Date().toISOString().slice(0, 10);
    const selections = selectionsOf([
      ['holderNationality', countries('filter.origins', filter?.origins)],
      ['country', countries('filter.hosts', filter?.hosts)],
      ['permitClass', listed(filter?.permitClasses)],
    ]);
    const groupBy = [PERMIT_DIMENSIONS.NATIONALITY, PERMIT_DIMENSIONS.HOST_COUNTRY, ...(byClass ? [PERMIT_DIMENSIONS.PERMIT_CLASS] : [])];
    const result = await answer({ kind: 'PERMIT', groupBy, selections, activeOn: day }, context, info);
    // A flow needs an origin other than its host; the others are not flows (and publishing nothing never uncovers a cell).
    const flows = result.cells
      .filter((cell) => cell.nationality !== null && cell.nationality !== cell.hostCountry)
      .map((cell) => ({ origin: cell.nationality as string, host: cell.hostCountry as string, permitClass: (cell.permitClass ?? null) as never, count: cell.count as number | null, suppressed: cell.suppressed as boolean }))
      .sort((a, b) => Number(a.suppressed) - Number(b.suppressed) || (b.count ?? 0) - (a.count ?? 0) || a.origin.localeCompare(b.origin) || a.host.localeCompare(b.host) || String(a.permitClass).localeCompare(String(b.permitClass)));
    return { activeOn: day, flows, suppressionThreshold: result.suppressionThreshold, asOf: result.asOf };
  }
}
