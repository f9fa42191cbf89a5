// Cambodia's GraphQL types: the shared Certification and WorkPermit with what NTB and FWCMS add
// (subgraphs/khm/README.md). The adapters' field types are derived from these classes.
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('KhmCertification', {
  implements: [Certification, Node],
  description: 'An NTB national certificate (Cambodia), awarded by the National Training Board and the Ministry of Labour and Vocational Training against the Cambodia Qualifications Framework (CQF). Certificates do not expire: `validUntil` is always null.',
})
export class KhmCertification extends Certification {
  @Field(() => String, { description: 'The holder\'s name in Khmer script, as NTB writes it (`nameKh`); `holderName` is the Latin form.' })
  nameKh!: string;

  @Field(() => String, { description: 'The award exactly as NTB writes it: C1, C2, C3 (vocational certificates), TVD (technical and vocational diploma) or HTVD.' })
  award!: string;

  @Field(() => String, { description: 'What the award is called: Vocational Certificate 1-3, Technical and Vocational Diploma or Higher Technical and Vocational Diploma.' })
  awardName!: string;

  @Field(() => Int, { description: 'CQF level 1-8 as NTB gives it; the award fixes it (C1-C3 = 1-3, TVD = 4, HTVD = 5). Also `nationalLevel`.' })
  cqfLevel!: number;

  @Field(() => String, { description: 'The economic sector of the qualification, as NTB names it (for example AUTOMOTIVE).' })
  sector!: string;

  @Field(() => String, { description: 'The training institution where the holder qualified.' })
  institution!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('KhmWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'An MLVT work permit (Cambodia) from the Foreign Workers Centralized Management System (FWCMS), issued with an employment card within the employer\'s annual quota. Permits are annual and renewed each year.',
})
export class KhmWorkPermit extends WorkPermit {
  @Field(() => Int, { description: 'The year the permit covers, exactly as FWCMS gives it. FWCMS returns no dates: every permit ends on 31 December of its year, so `validFrom` is 1 January and `validUntil` 31 December of this year. The permit may have been approved after 1 January; the approval date is not published.' })
  permitYear!: number;

  @Field(() => String, { nullable: true, description: 'The employment card number issued with the permit. Null when Rantau\'s sharing policy for this member state (policy.json) withholds it from the caller.' })
  employmentCardNo!: string | null;

  @Field(() => String, { description: 'The employer\'s quota the worker counts against, exactly as FWCMS writes it: OFFICE (3% of staff), SKILLED (6%) or UNSKILLED (1%). Also `nativeType`; OFFICE is class OTHER, since office staff may be managers or clerks.' })
  quotaCategory!: string;
}
