import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../schema/contract/index.js';
import { RantauError, badUserInput } from '../../schema/errors/index.js';
import { typePrefix, internalFieldNames } from './country.js';
import type { AccessView, CountryContext } from './countryContext.js';
import { isCountDimension } from './index/recordCounts.js';
import type { RecordCounts as RecordCountsView } from './index/countryIndex.js';

/**
 * The country's internal entry points for the regional subgraph: locate a batch of identities,
 * check a batch of global ids. They are @inaccessible, so they never appear in the public API,
 * and their types are named per country so that eleven subgraphs compose without sharing them.
 */
const DEFAULT_QUALIFICATIONS = 20;
const MAX_QUALIFICATIONS = 200;

export function internalSchema(code: string) {
  const prefix = typePrefix(code);
  const names = internalFieldNames(code);

  @Directive('@inaccessible')
  @InputType(names.identityInput, { description: `Internal: an identity to locate in ${code}'s registries.` })
  class IdentityInput {
    @Field(() => String, { description: 'ISO alpha-3 nationality.' })
    nationality!: string;

    @Field(() => String, { description: 'Travel-document number, normalised.' })
    documentNumber!: string;

    @Field(() => DateScalar, { nullable: true, description: 'Date of birth, when the caller gave one.' })
    dateOfBirth!: string | null;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}RegistryFailure`, { description: `Internal: why one of ${code}'s registries could not answer.` })
  class RegistryFailure {
    @Field(() => String, { description: 'Registry key.' })
    registry!: string;

    @Field(() => String, { description: 'Error code from the Rantau error registry.' })
    code!: string;

    @Field(() => String, { description: 'What happened.' })
    message!: string;

    @Field(() => Int, { nullable: true, description: 'Retry-After hint of a rate-limited registry.' })
    retryAfterSeconds!: number | null;

    @Field(() => [String], { description: 'Attributes the registry needs to answer, for IDENTITY_ATTRIBUTES_REQUIRED.' })
    required!: string[];

    @Field(() => String, { nullable: true, description: 'For REGISTRY_UNAVAILABLE: timeout, connection or http-<status>; for RECORD_UNREADABLE: what was wrong with the record.' })
    reason!: string | null;

    @Field(() => String, { nullable: true, description: 'For RECORD_UNREADABLE: the number of the record that could not be read.' })
    nativeId!: string | null;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}LocatedSource`, { description: `Internal: how one of ${code}'s registries was asked for an identity.` })
  class LocatedSource {
    @Field(() => String, { description: 'Registry key.' })
    registry!: string;

    @Field(() => String, { description: 'INDEX (the country index, no search call) or LIVE_SEARCH (the registry\'s holder search).' })
    locatedBy!: string;

    @Field(() => DateTimeScalar, { nullable: true, description: 'For INDEX: the instant up to which the index held the registry.' })
    indexedAt!: string | null;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}Qualification`, { description: `Internal: a qualification ${code} certifies, from the country index (no personal data).` })
  class Qualification {
    @Field(() => String, { nullable: true, description: 'The national qualification or scheme code.' })
    qualificationCode!: string | null;

    @Field(() => String, { description: 'The qualification title in the registry\'s language.' })
    title!: string;

    @Field(() => String, { nullable: true, description: 'The national level as the registry writes it.' })
    nationalLevel!: string | null;

    @Field(() => Int, { description: 'Certificates of this qualification the registry holds (every status).' })
    issued!: number;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}CountGroup`, { description: `Internal: one group of ${code}'s indexed records and how many there are (raw: the regional subgraph suppresses small counts after merging).` })
  class CountGroup {
    @Field(() => [String], { nullable: 'items', description: 'The group\'s values, in the order of the dimensions asked; null where the record does not say.' })
    values!: Array<string | null>;

    @Field(() => Int, { description: 'Records in the group.' })
    count!: number;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}RecordCounts`, { description: `Internal: grouped counts of ${code}'s indexed records (no personal data).` })
  class RecordCounts {
    @Field(() => DateTimeScalar, { description: 'The instant up to which the index holds the registry counted.' })
    indexedAt!: string;

    @Field(() => [CountGroup], { description: 'One entry per non-empty group.' })
    groups!: CountGroup[];
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}Located`, { description: `Internal: the ids of ${code}'s records that belong to one identity.` })
  class Located {
    @Field(() => String, { description: 'The identity key the regional subgraph asked for.' })
    key!: string;

    @Field(() => [ID], { description: 'Global ids of matching certifications.' })
    certificationIds!: string[];

    @Field(() => [ID], { description: 'Global ids of matching permits.' })
    permitIds!: string[];

    @Field(() => [RegistryFailure], { description: 'Registries that could not answer for this identity.' })
    failures!: RegistryFailure[];

    @Field(() => [LocatedSource], { description: 'How each registry was asked: from the index or by a live holder search.' })
    sources!: LocatedSource[];
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}RecordCheck`, { description: `Internal: whether a global id names a record of ${code}.` })
  class RecordCheck {
    @Field(() => ID, { description: 'The global id asked about.' })
    id!: string;

    @Field(() => Boolean, { description: 'Whether the registry holds the record.' })
    found!: boolean;

    @Field(() => Boolean, { description: 'Whether the id has the native syntax the registry publishes.' })
    wellFormed!: boolean;

    @Field(() => RegistryFailure, { nullable: true, description: 'Why the registry could not answer, if it could not.' })
    failure!: RegistryFailure | null;

    @Field(() => String, { nullable: true, description: 'For a certification found: its national level, as recognition compares it.' })
    nationalLevel!: string | null;

    @Field(() => String, { nullable: true, description: 'For a certification found: its ISCO-08 unit group.' })
    isco!: string | null;
  }

  @Directive('@inaccessible')
  @ObjectType(`${prefix}Access`, { description: `Internal: one access to the calling subject's records in ${code}, from ${code}'s audit log.` })
  class Access {
    @Field(() => String, { description: 'When (ISO 8601).' })
    at!: string;

    @Field(() => String, { nullable: true, description: 'The member state that asked (ISO alpha-3).' })
    memberState!: string | null;

    @Field(() => String, { nullable: true, description: 'Its role.' })
    role!: string | null;

    @Field(() => String, { nullable: true, description: 'The purpose it declared.' })
    purpose!: string | null;

    @Field(() => String, { description: 'READ (records by id), LOCATE (records by identity) or CHECK.' })
    action!: string;

    @Field(() => [ID], { description: 'The records concerned.' })
    recordIds!: string[];

    @Field(() => String, { nullable: true, description: "What the owner's policy released: FULL, VERIFY, NONE or SUBJECT." })
    level!: string | null;

    @Field(() => String, { description: 'RELEASED, WITHHELD, NOT_FOUND or ERROR.' })
    outcome!: string;
  }

  @Resolver()
  class InternalResolver {
    @Directive('@inaccessible')
    @Query(() => [Access], { name: names.accessHistory, description: `Internal: who accessed the calling subject's records in ${code}, newest first (the caller must be a subject).` })
    accessHistory(@Ctx() context: CountryContext): Promise<AccessView[]> {
      return context.country.accessHistory();
    }

    @Directive('@inaccessible')
    @Query(() => [Located], { name: names.locate, description: `Internal: locate identities in ${code}'s two registries, in one call.` })
    locate(
      @Arg('identities', () => [IdentityInput]) identities: IdentityInput[],
      @Arg('live', () => Boolean, { defaultValue: false, description: 'True: ask every registry\'s holder search, whatever the index holds.' }) live: boolean,
      @Ctx() context: CountryContext,
    ): Promise<Located[]> {
      return context.country.locate(identities, live ? 'LIVE' : 'INDEXED');
    }

    @Directive('@inaccessible')
    @Query(() => [Qualification], { name: names.qualifications, description: `Internal: the qualifications ${code} certifies in an ISCO-08 unit group, most issued first, from the country index (for recognition; no personal data).` })
    async qualifications(
      @Arg('isco', () => String, { description: 'ISCO-08 unit group, 4 digits.' }) isco: string,
      @Arg('nationalLevels', () => [String], { nullable: true, description: 'Only these national levels, as the registry writes them.' }) nationalLevels: string[] | null,
      @Arg('first', () => Int, { nullable: true, description: `At most this many (1-${MAX_QUALIFICATIONS}, default ${DEFAULT_QUALIFICATIONS}).` }) first: number | null,
      @Ctx() context: CountryContext,
    ): Promise<Qualification[]> {
      if (!/^\d{4}$/.test(isco)) throw badUserInput('isco', `expected an ISCO-08 unit group of 4 digits, got ${JSON.stringify(isco.slice(0, 20))}`);
      const limit = first ?? DEFAULT_QUALIFICATIONS;
      if (!(limit >= 1 && limit <= MAX_QUALIFICATIONS)) throw badUserInput('first', `expected 1 to ${MAX_QUALIFICATIONS}, got ${limit}`);
      const found = await context.country.qualifications(isco, nationalLevels && nationalLevels.length > 0 ? nationalLevels : null, limit);
      if (found === null) throw new RantauError('INDEX_UNAVAILABLE', `${code} keeps no index of its certifications yet`, { country: code });
      return found;
    }

    @Directive('@inaccessible')
    @Query(() => RecordCounts, { name: names.recordCounts, description: `Internal: raw grouped counts of ${code}'s permits or certifications from the country index, for the regional statistics (no personal data).` })
    async recordCounts(
      @Arg('kind', () => String, { description: 'PERMIT or CERT.' }) kind: string,
      @Arg('groupBy', () => [String], { description: 'Dimensions, by their index name (country, holderNationality, permitClass, …).' }) groupBy: string[],
      @Arg('activeOn', () => DateScalar, { nullable: true, description: 'Permits in force on this day (validity and status ACTIVE).' }) activeOn: string | null,
      @Arg('issuedFrom', () => DateScalar, { nullable: true, description: 'Certifications issued on or after.' }) issuedFrom: string | null,
      @Arg('issuedTo', () => DateScalar, { nullable: true, description: 'Certifications issued on or before.' }) issuedTo: string | null,
      @Ctx() context: CountryContext,
    ): Promise<RecordCountsView> {
      if (kind !== 'PERMIT' && kind !== 'CERT') throw badUserInput('kind', `expected PERMIT or CERT, got ${JSON.stringify(kind.slice(0, 20))}`);
      const unknown = groupBy.find((dimension) => !isCountDimension(dimension));
      if (unknown !== undefined) throw badUserInput('groupBy', `expected index dimensions, got ${JSON.stringify(unknown.slice(0, 40))}`);
      const counts = await context.country.recordCounts(groupBy.filter(isCountDimension), { kind, activeOn, issuedFrom, issuedTo });
      if (counts === null) throw new RantauError('INDEX_UNAVAILABLE', `${code} keeps no index of its ${kind === 'CERT' ? 'certifications' : 'permits'} yet`, { country: code });
      return counts;
    }

    @Directive('@inaccessible')
    @Query(() => [RecordCheck], { name: names.check, description: `Internal: check global ids against ${code}'s registries, in one call.` })
    check(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: CountryContext): Promise<RecordCheck[]> {
      return context.country.check(ids);
    }
  }

  return { resolver: InternalResolver, types: [IdentityInput, RegistryFailure, LocatedSource, Qualification, CountGroup, RecordCounts, Located, RecordCheck, Access] };
}
