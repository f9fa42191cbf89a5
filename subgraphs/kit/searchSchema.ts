// The country's internal record search, for the regional subgraph's `searchPermits` and
// `searchCertifications`: a page of one registry's record numbers matching a filter, from the
// country index, in the order (registry, native id). Records themselves are not answered here:
// the gateway fetches them by reference through `_entities`, where the owner's policy applies.
// The search is personal data (it lists people's records), so it goes through the request's
// RecordAccess, which the owner's policy and the audit wrap like `locate`.
import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../schema/contract/index.js';
import { RantauError, badUserInput } from '../../schema/errors/index.js';
import type { RecordKind } from '../../schema/ids/index.js';
import { internalFieldNames, typePrefix } from './country.js';
import type { CountryContext, RecordSearchView } from './countryContext.js';
import { checkSearchFilter } from './index/recordSearch.js';

/** Most records one internal search page may ask for (the regional subgraph bounds callers lower, by setting). */
export const MAX_SEARCH_PAGE = 500;
const KINDS: readonly RecordKind[] = ['CERT', 'PERMIT'];

export function searchSchema(code: string) {
  const prefix = typePrefix(code);
  const names = internalFieldNames(code);

  @Directive('@inaccessible')
  @InputType(names.searchFilterInput, { description: `Internal: which of ${code}'s records a search lists; an absent field does not constrain.` })
  class SearchFilter {
    @Field(() => [String], { nullable: true, description: 'Shared statuses.' })
    statuses!: string[] | null;

    @Field(() => [String], { nullable: true, description: 'Holder nationalities, ISO alpha-3.' })
    nationalities!: string[] | null;

    @Field(() => [String], { nullable: true, description: 'Permits: shared permit classes.' })
    permitClasses!: string[] | null;

    @Field(() => String, { nullable: true, description: 'Permits: the sector as the registry writes it (case ignored).' })
    sector!: string | null;

    @Field(() => String, { nullable: true, description: 'ISCO-08 major group (one digit).' })
    iscoMajorGroup!: string | null;

    @Field(() => DateScalar, { nullable: true, description: 'Permits valid on this date.' })
    validOn!: string | null;

    @Field(() => [Int], { nullable: true, description: 'Certifications: AQRF levels.' })
    aqrfLevels!: number[] | null;

    @Field(() => DateScalar, { nullable: true, description: 'Certifications issued on or after this date.' })
    issuedFrom!: string | null;

    @Field(() => DateScalar, { nullable: true, description: 'Certifications issued on or before this date.' })
    issuedTo!: string | null;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}SearchedRecord`, { description: `Internal: one of ${code}'s records a search listed.` })
  class SearchedRecord {
    @Field(() => ID, { description: 'Global id.' })
    id!: string;

    @Field(() => String, { description: 'Registry key (the first key of the search order).' })
    registry!: string;

    @Field(() => String, { description: 'The record number (the second key of the search order).' })
    nativeId!: string;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}RecordSearchPage`, { description: `Internal: one page of a search of ${code}'s records.` })
  class SearchPage {
    @Field(() => [SearchedRecord], { description: 'The records, in search order.' })
    records!: SearchedRecord[];

    @Field(() => Boolean, { description: 'Whether records follow the last one.' })
    hasMore!: boolean;

    @Field(() => Int, { description: 'Every record that matches the filter.' })
    totalCount!: number;

    @Field(() => DateTimeScalar, { description: 'The instant up to which the index held the registry.' })
    indexedAt!: string;
  }

  @Resolver()
  class SearchResolver {
    @Directive('@inaccessible')
    @Query(() => SearchPage, { name: names.search, description: `Internal: a page of ${code}'s records of one kind that match a filter, from the country index, after a position in the order (registry, native id). For ${code}'s own labour inspectors.` })
    async search(
      @Arg('kind', () => String, { description: 'CERT or PERMIT.' }) kind: string,
      @Arg('filter', () => SearchFilter) filter: SearchFilter,
      @Arg('first', () => Int, { description: `Records in the page (1-${MAX_SEARCH_PAGE}).` }) first: number,
      @Arg('afterRegistry', () => String, { nullable: true, description: 'Registry of the last record of the previous page.' }) afterRegistry: string | null | undefined,
      @Arg('afterNativeId', () => String, { nullable: true, description: 'Number of the last record of the previous page.' }) afterNativeId: string | null | undefined,
      @Ctx() context: CountryContext,
    ): Promise<RecordSearchView> {
      if (!KINDS.includes(kind as RecordKind)) throw badUserInput('kind', `expected CERT or PERMIT, got ${JSON.stringify(kind.slice(0, 24))}`);
      if (!(Number.isInteger(first) && first >= 1 && first <= MAX_SEARCH_PAGE)) throw badUserInput('first', `expected 1 to ${MAX_SEARCH_PAGE}, got ${first}`);
      // An argument left out arrives undefined, one sent as null arrives null: both mean "from the start".
      const after = afterRegistry != null && afterNativeId != null ? { registry: afterRegistry, nativeId: afterNativeId } : null;
      if (after === null && (afterRegistry != null || afterNativeId != null)) throw badUserInput('afterNativeId', 'expected both afterRegistry and afterNativeId, or neither');
      const checked = checkSearchFilter(filter, badUserInput);
      const page = await context.country.search(kind as RecordKind, { filter: checked, first, after });
      if (page === null) throw new RantauError('INDEX_UNAVAILABLE', `${code} keeps no index of its ${kind === 'CERT' ? 'certification' : 'permit'} registry yet, so its records cannot be searched`, { country: code });
      // Never reused by a gateway: which records match changes with every sync.
      context.cacheHint.restrict(0);
      return page;
    }
  }

  return { resolver: SearchResolver, types: [SearchFilter, SearchedRecord, SearchPage] };
}
