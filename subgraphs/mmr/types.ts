// Myanmar's GraphQL types: the shared Certification and WorkPermit with what NSSA and MOL add
// (subgraphs/mmr/README.md). The adapters' field types are derived from these classes.
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('MmrCertification', {
  implements: [Certification, Node],
  description: 'An NSSA skills certificate (Myanmar), issued by the National Skills Standards Authority at one of four levels to Myanmar nationals, many of whom work abroad.',
})
export class MmrCertification extends Certification {
  @Field(() => String, { description: 'The holder\'s name in Myanmar script, as NSSA writes it (`nameMy`); `holderName` is the Latin form.' })
  nameMy!: string;

  @Field(() => Int, { description: 'NSSA level 1-4.' })
  nssaLevel!: number;

  @Field(() => String, { description: 'What the NSSA level certifies: Semi-skilled (1), Skilled (2), Advanced skilled (3) or Supervisory (4).' })
  levelName!: string;

  @Field(() => String, { description: 'The assessment centre where the holder was tested.' })
  assessmentCentre!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('MmrWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A Ministry of Labour foreign-employment permit (Myanmar), approved through the labour ministry, the Myanmar Investment Commission or a special economic zone; one year, renewable.',
})
export class MmrWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The approval channel exactly as the registry writes it: MOL (Ministry of Labour), MIC (Myanmar Investment Commission) or SEZ (special economic zone). Also given as `nativeType`.' })
  channel!: string;

  @Field(() => String, { description: 'How `permitClass` was derived: MOL records have no permit type, so the class is read from the ISCO-08 major group of the position.' })
  permitClassDerivation!: string;
}
