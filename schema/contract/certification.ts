import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { AqrfBasis, CertificationStatus } from './enums.js';
import { CountryCodeScalar, DateScalar, DateTimeScalar } from './scalars.js';
import { Node } from './node.js';
import { Occupation, Organisation } from './valueTypes.js';

/**
 * The normalised certification every country fills. Country types (`IdnCertification`, …)
 * implement it and add their native extras.
 */
@InterfaceType('Certification', {
  description: 'A skills certification from one member state\'s registry, normalised to the shared contract. Each country has its own concrete type with native extras (`... on IdnCertification { kkniLevel }`).',
  implements: [Node],
  autoRegisterImplementations: false,
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Certification {
  @Field(() => ID, { description: 'Global id `<COUNTRY>:CERT:<native certificate number>`.' })
  id!: string;

  @Field(() => CountryCodeScalar, { description: 'The member state whose registry holds the certification.' })
  country!: string;

  @Field(() => String, { description: 'The registry key (`bnsp`, `jpk`, `tesda`, …), as in docs/registries.' })
  registry!: string;

  @Field(() => String, { description: 'The certificate number exactly as the registry writes it.' })
  nativeId!: string;

  @Field(() => String, { nullable: true, description: 'The holder\'s name as the registry writes it (Latin script where the registry has one). Null when the owner\'s sharing policy withholds it from the caller (a verification answer).' })
  holderName!: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'The holder\'s nationality, ISO alpha-3.' })
  holderNationality!: string | null;

  @Field(() => String, { nullable: true, description: 'The holder\'s travel-document number, normalised; null where the registry recorded none.' })
  holderDocumentNumber!: string | null;

  @Field(() => String, { description: 'The qualification, scheme or unit title in the registry\'s language.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'The national qualification or scheme code.' })
  qualificationCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The national level as the registry writes it (`3`, `NC II`, `L2`, …).' })
  nationalLevel!: string | null;

  @Field(() => Int, { nullable: true, description: 'AQRF level 1-8, only where `aqrfBasis` allows a claim.' })
  aqrfLevel!: number | null;

  @Field(() => AqrfBasis, { description: 'Whether the AQRF level is REFERENCED (officially), INDICATIVE (Rantau\'s reading) or NOT_REFERENCED.' })
  aqrfBasis!: AqrfBasis;

  @Field(() => String, { description: 'How the AQRF level was derived, and from which referencing report.' })
  aqrfDerivation!: string;

  @Field(() => Occupation, { description: 'ISCO-08 occupation with the national code.' })
  occupation!: Occupation;

  @Field(() => Organisation, { nullable: true, description: 'The body that assessed or issued the certificate.' })
  issuer!: Organisation | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of issue.' })
  issuedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of validity; null for certificates that do not expire.' })
  validUntil!: string | null;

  @Field(() => CertificationStatus, { description: 'Status in the shared vocabulary.' })
  status!: CertificationStatus;

  @Field(() => String, { description: 'Status exactly as the registry writes it.' })
  nativeStatus!: string;

  @Field(() => DateTimeScalar, { description: 'When Rantau read this record from the registry.' })
  retrievedAt!: string;

  @Field(() => Boolean, { description: 'True when the registry could not be reached and this is the last good copy (see `retrievedAt`).' })
  stale!: boolean;
}
