import { Directive, Field, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('SgpCertification', {
  implements: [Certification, Node],
  description: 'A SkillsFuture Singapore WSQ credential (Singapore): a Statement of Attainment for one module or a full qualification, issued as an OpenCerts document. Credentials never expire; WSQ is not referenced to the AQRF.',
})
export class SgpCertification extends Certification {
  @Field(() => String, { description: 'SOA (Statement of Attainment, one module) or QUALIFICATION, exactly as SSG writes it.' })
  credentialType!: string;

  @Field(() => String, { description: 'The WSQ level in words (Certificate, Higher Certificate, … Graduate Diploma); `nationalLevel` keeps the registry\'s code.' })
  levelName!: string;

  @Field(() => String, { description: 'The WSQ framework sector as SSG names it (for example BUILT_ENVIRONMENT).' })
  frameworkSector!: string;

  @Field(() => String, { description: 'The training provider that assessed the holder.' })
  trainingProvider!: string;

  @Field(() => String, { description: 'Merkle root of the OpenCerts document, to verify the certificate file a holder shows.' })
  opencertsMerkleRoot!: string;

  @Field(() => String, { description: 'Which Singapore identity number the holder is recorded under: NRIC (citizens, permanent residents) or FIN (foreigners holding a pass).' })
  holderIdType!: string;

  @Field(() => String, { description: 'The holder\'s NRIC or FIN in the partial form Singapore accepts (last three digits and the letter, e.g. `*****567X`); PDPA treats these numbers as sensitive, so the full number is never given.' })
  holderIdMasked!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('SgpWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A Ministry of Manpower work pass (Singapore): Employment Pass, S Pass, Work Permit, Personalised Employment Pass, ONE Pass or Letter of Consent.',
})
export class SgpWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The pass type code exactly as MOM writes it: EP, SP, WP, PEP, ONEP or LOC. Also given as `nativeType`.' })
  passType!: string;

  @Field(() => String, { description: 'The pass type in words (Employment Pass, S Pass, Work Permit, …).' })
  passTypeName!: string;

  @Field(() => String, { nullable: true, description: 'The monthly salary band MOM records, as it writes it (for example `S$3300-4499`). Null when Rantau\'s sharing policy for this member state (policy.json) withholds it from the caller.' })
  monthlySalaryBand!: string | null;

  @Field(() => String, { description: 'The holder\'s FIN in the partial form Singapore accepts (last three digits and the letter, e.g. `*****567X`); PDPA treats FINs like NRIC numbers, so the full number is never given.' })
  holderIdMasked!: string;
}
