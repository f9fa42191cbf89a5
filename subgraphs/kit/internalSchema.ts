import { Arg, Ctx, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../schema/contract/index.js';
import { typePrefix, internalFieldNames } from './country.js';
import type { AccessView, CountryContext } from './countryContext.js';

/**
 * The country's internal entry points for the regional subgraph: locate a batch of identities,
 * check a batch of global ids. They are @inaccessible, so they never appear in the public API,
 * and their types are named per country so that eleven subgraphs compose without sharing them.
 */
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
    locate(@Arg('identities', () => [IdentityInput]) identities: IdentityInput[], @Ctx() context: CountryContext): Promise<Located[]> {
      return context.country.locate(identities);
    }

    @Directive('@inaccessible')
    @Query(() => [RecordCheck], { name: names.check, description: `Internal: check global ids against ${code}'s registries, in one call.` })
    check(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: CountryContext): Promise<RecordCheck[]> {
      return context.country.check(ids);
    }
  }

  return { resolver: InternalResolver, types: [IdentityInput, RegistryFailure, Located, RecordCheck, Access] };
}
