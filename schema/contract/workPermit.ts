import { Field, ID, InterfaceType } from 'type-graphql';
import { PermitClass, PermitStatus } from './enums.js';
import { CountryCodeScalar, DateScalar, DateTimeScalar } from './scalars.js';
import { Node } from './node.js';
import { Occupation, Organisation } from './valueTypes.js';

@InterfaceType('WorkPermit', {
  description: 'A foreign-worker permit, pass or licence line from one member state\'s registry, normalised to the shared contract. Each country has its own concrete type with native extras.',
  implements: [Node],
  autoRegisterImplementations: false,
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class WorkPermit {
  @Field(() => ID, { description: 'Global id `<COUNTRY>:PERMIT:<native permit number>`.' })
  id!: string;

  @Field(() => CountryCodeScalar, { description: 'The member state that issued the permit.' })
  country!: string;

  @Field(() => String, { description: 'The registry key (`tka`, `imi`, `aep`, …).' })
  registry!: string;

  @Field(() => String, { description: 'The permit number exactly as the registry writes it.' })
  nativeId!: string;

  @Field(() => String, { nullable: true, description: 'The holder\'s name as the registry writes it. Null when the owner\'s sharing policy withholds it from the caller (a verification answer).' })
  holderName!: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'The holder\'s nationality, ISO alpha-3 (translated from national names or demonyms at the edge).' })
  holderNationality!: string | null;

  @Field(() => String, { nullable: true, description: 'The holder\'s travel-document number, normalised.' })
  holderDocumentNumber!: string | null;

  @Field(() => PermitClass, { description: 'Shared class of permit mapped from `nativeType`.' })
  permitClass!: PermitClass;

  @Field(() => String, { description: 'The permit type exactly as the registry names it (`PLKS`, `EP-II`, `AEP`, `TKA`, …).' })
  nativeType!: string;

  @Field(() => PermitStatus, { description: 'Status in the shared lifecycle.' })
  status!: PermitStatus;

  @Field(() => String, { description: 'Status exactly as the registry writes it.' })
  nativeStatus!: string;

  @Field(() => DateScalar, { nullable: true, description: 'First day of validity.' })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of validity.' })
  validUntil!: string | null;

  @Field(() => Organisation, { nullable: true, description: 'The employer the permit ties the worker to.' })
  employer!: Organisation | null;

  @Field(() => Occupation, { description: 'ISCO-08 occupation of the post, with the national code and position title.' })
  occupation!: Occupation;

  @Field(() => String, { nullable: true, description: 'Economic sector as the registry names it, where it gives one.' })
  sector!: string | null;

  @Field(() => DateTimeScalar, { description: 'When Rantau read this record from the registry.' })
  retrievedAt!: string;

  @Field(() => Boolean, { description: 'True when the registry could not be reached and this is the last good copy (see `retrievedAt`).' })
  stale!: boolean;
}
