// Thailand's GraphQL types: the shared Certification and WorkPermit with what DSD and DOE add
// (subgraphs/tha/README.md). The adapters' field types are derived from these classes.
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('ThaCertification', {
  implements: [Certification, Node],
  description: 'A DSD national skill standard certificate (Thailand), issued by the Department of Skill Development at levels 1-3 under the Skill Development Promotion Act B.E. 2545, to Thai citizens and to migrant workers tested in Thailand.',
})
export class ThaCertification extends Certification {
  @Field(() => String, { description: 'The holder\'s name in Thai script, as DSD writes it (`full_name_th`); `holderName` is the Latin form.' })
  fullNameTh!: string;

  @Field(() => Int, { description: 'DSD skill level 1-3.' })
  skillLevel!: number;

  @Field(() => String, { description: 'The skill level as DSD names it in Thai (`ระดับ 1`-`ระดับ 3`).' })
  levelName!: string;

  @Field(() => String, { description: 'The skill development institute or office where the holder was tested, in Thai.' })
  testCentre!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('ThaWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A DOE e-Work Permit (Thailand), issued by the Department of Employment; mandatory since 13 October 2025. MOU permits run two years, renewable once.',
})
export class ThaWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The worker type exactly as the registry writes it: GENERAL, MOU (government-to-government agreements), BOI (investment promotion), BORDER (seasonal cross-border work) or MINORITY. Also given as `nativeType`.' })
  workerType!: string;

  @Field(() => String, { description: 'The document the permit names: PASSPORT, or CI (a certificate of identity, held by many MOU workers from Cambodia, Laos and Myanmar). `holderDocumentNumber` is that document\'s number.' })
  documentType!: string;

  @Field(() => String, { description: 'The province of employment, in Thai.' })
  province!: string;
}
