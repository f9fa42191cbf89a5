// Record search for labour inspectors (docs/analysts.md, "Record search for inspectors"): the
// records of the inspector's own member state that match a filter, as Relay connections. The owning
// country answers which record numbers match, from its index and under its own policy and audit;
// this subgraph turns them into typed references with cursors, and the gateway fetches the records
// from the owner through the batched, cached `_entities` path, where the owner's policy applies
// again to every field.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { RantauError, badUserInput } from '../../../schema/errors/index.js';
import type { RecordKind } from '../../../schema/ids/index.js';
import { internalFieldNames } from '../../kit/country.js';
import type { RecordSearchView } from '../../kit/countryContext.js';
import { checkSearchFilter, type RecordSearchFilter } from '../../kit/index/recordSearch.js';
import type { RegionalContext } from '../resolvers.js';
import { decodeCursor, encodeCursor, filterDigest } from './searchCursor.js';
import { CertificationConnection, CertificationSearchFilter, PermitConnection, PermitSearchFilter } from './searchContract.js';

/** Default bound on `first` when the deployment sets none (SEARCH_MAX_PAGE). */
export const DEFAULT_SEARCH_MAX_PAGE = 100;

interface Connection {
  edges: Array<{ cursor: string; node: { __typename: string; id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** The inspector the gateway vouched for, and the member state whose records it may search. */
function inspectorOf(context: RegionalContext, field: string): string {
  const caller = context.caller;
  // The gateway refuses these first (gateway/auth/rootAccess.ts); this holds even if it did not.
  if (!caller) throw new RantauError('UNAUTHENTICATED', `${field} is personal data: send a bearer token and the purpose.`, { http: { status: 401 } });
  if (caller.role !== 'inspector') throw new RantauError('FORBIDDEN', `A caller with role ${caller.role} may not ask for ${field}.`, { role: caller.role, field, http: { status: 403 } });
  return caller.memberState;
}

async function search(kind: RecordKind, filter: RecordSearchFilter, first: number, after: string | null | undefined, context: RegionalContext, field: string, rename: Record<string, string> = {}): Promise<Connection> {
  const country = inspectorOf(context, field);
  const max = context.searchMaxPage ?? DEFAULT_SEARCH_MAX_PAGE;
  if (!(Number.isInteger(first) && first >= 1 && first <= max)) throw badUserInput('first', `expected 1 to ${max} records per page, got ${first}`);
  const checked = checkSearchFilter(filter, (argument, message) => badUserInput(rename[argument] ?? argument, message));
  const key = { country, kind, digest: filterDigest(country, kind, checked) };
  // An argument left out arrives undefined, one sent as null arrives null: both start at the beginning.
  const position = after === null || after === undefined ? null : decodeCursor(after, key);
  const locator = context.locators.get(country);
  if (!locator) throw new RantauError('INDEX_UNAVAILABLE', `Rantau serves no subgraph of ${country}, so its records cannot be searched here`, { country });
  // Which records match changes with every sync, and every search is audited by the owner: never reused.
  context.cacheHint.restrict(0);
  const names = internalFieldNames(country);
  const query = `query Search($kind: String!, $filter: ${names.searchFilterInput}!, $first: Int!, $afterRegistry: String, $afterNativeId: String) {
    ${names.search}(kind: $kind, filter: $filter, first: $first, afterRegistry: $afterRegistry, afterNativeId: $afterNativeId) { records { id registry nativeId } hasMore totalCount indexedAt }
  }`;
  const data = await locator.call<Record<string, RecordSearchView>>(query, { kind, filter: checked, first, afterRegistry: position?.registry ?? null, afterNativeId: position?.nativeId ?? null });
  const page = data[names.search];
  const __typename = kind === 'CERT' ? names.certificationType : names.permitType;
  const edges = page.records.map((record) => ({ cursor: encodeCursor(key, record), node: { __typename, id: record.id } }));
  return { edges, pageInfo: { hasNextPage: page.hasMore, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: page.totalCount };
}

@Resolver()
export class SearchResolver {
  @Query(() => PermitConnection, {
    description: 'Inspectors only (own member state, purpose LABOUR_INSPECTION): the work permits of your member state that match a filter, a page at a time, in a stable order. Records come through the owner, whose policy applies; every search and every record read is in its audit log.',
  })
  searchPermits(
    @Arg('filter', () => PermitSearchFilter, { description: 'Which permits; every field optional.' }) filter: PermitSearchFilter,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Permits per page (1 to the deployment\'s SEARCH_MAX_PAGE, 100 by default).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page, of the same filter).' }) after: string | null,
    @Ctx() context: RegionalContext,
  ): Promise<Connection> {
    return search('PERMIT', { permitClasses: filter.permitClasses, statuses: filter.statuses, nationalities: filter.nationalities, sector: filter.sector, iscoMajorGroup: filter.iscoMajorGroup, validOn: filter.validOn }, first, after, context, 'searchPermits');
  }

  @Query(() => CertificationConnection, {
    description: 'Inspectors only (own member state, purpose LABOUR_INSPECTION): the certifications of your member state that match a filter, a page at a time, in a stable order. Records come through the owner, whose policy applies; every search and every record read is in its audit log.',
  })
  searchCertifications(
    @Arg('filter', () => CertificationSearchFilter, { description: 'Which certifications; every field optional.' }) filter: CertificationSearchFilter,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Certifications per page (1 to the deployment\'s SEARCH_MAX_PAGE, 100 by default).' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page, of the same filter).' }) after: string | null,
    @Ctx() context: RegionalContext,
  ): Promise<Connection> {
    const asked = { statuses: filter.statuses, nationalities: filter.holderNationalities, aqrfLevels: filter.aqrfLevels, iscoMajorGroup: filter.iscoMajorGroup, issuedFrom: filter.issuedFrom, issuedTo: filter.issuedTo };
    return search('CERT', asked, first, after, context, 'searchCertifications', { 'filter.nationalities': 'filter.holderNationalities' });
  }
}
