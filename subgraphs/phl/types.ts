// The Philippines' GraphQL types: the shared Certification and WorkPermit with what TESDA and DOLE
// add (subgraphs/phl/README.md). The adapters' field types are derived from these classes.
import { Directive, Field, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('PhlCertification', {
  implements: [Certification, Node],
  description: 'A TESDA National Certificate (NC I-IV) or Certificate of Competency (Philippines), from the Registry of Certified Workers; NCs are PQF levels referenced to the AQRF.',
})
export class PhlCertification extends Certification {
  @Field(() => String, { description: 'The certificate level exactly as TESDA writes it: NC I, NC II, NC III, NC IV, or COC for a single unit of competency. Also given as `nationalLevel`.' })
  ncLevel!: string;

  @Field(() => String, { description: 'What the level is called in full: National Certificate I-IV or Certificate of Competency.' })
  levelName!: string;

  @Field(() => String, { description: 'The TESDA training-regulation sector, as the registry writes it (for example METALS AND ENGINEERING).' })
  sector!: string;

  @Field(() => String, { description: 'The assessment center where the holder was assessed.' })
  assessmentCenter!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('PhlWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A DOLE Alien Employment Permit or Certificate of Exemption (Philippines), issued by a regional office for one position with one employer.',
})
export class PhlWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The DOLE regional office that issued the permit (NCR, IV-A, VII, …).' })
  regionalOffice!: string;

  @Field(() => String, { description: 'How `permitClass` was derived: AEP records have no permit category, so the class is read from the ISCO-08 major group of the position\'s PSOC code.' })
  permitClassDerivation!: string;
}
