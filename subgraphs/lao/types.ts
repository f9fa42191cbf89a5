import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { Certification, DateTimeScalar, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('LaoCertification', {
  implements: [Certification, Node],
  description: 'An NVQF vocational certificate (Lao PDR), awarded under the TVET law\'s National Vocational Qualification Framework at levels L1 (Certificate I) to L5 (Higher Diploma). NVQF certificates do not expire: `validUntil` is always null.',
})
export class LaoCertification extends Certification {
  @Field(() => String, { description: 'The holder\'s name in Lao script, as NVQF writes it (`nameLao`); `holderName` is the Latin form. Foreign holders are written in Latin letters here too.' })
  nameLao!: string;

  @Field(() => String, { description: 'NVQF level as the registry writes it, `L1`-`L5` (also `nationalLevel`).' })
  nvqfLevel!: string;

  @Field(() => String, { description: 'What the NVQF level awards: Certificate I, II or III (L1-L3), Diploma (L4) or Higher Diploma (L5).' })
  levelName!: string;

  @Field(() => String, { description: 'The technical and vocational college that trained and assessed the holder.' })
  college!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('LaoWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A work-permit card (Lao PDR) from the Ministry of Labour and Social Welfare\'s daily register extract: two years, renewable for two more, or a 3-, 6- or 12-month TEMPORARY registration. MLSW publishes no lookup, so every answer comes from the latest extract; `extractGeneratedAt` and `extractAgeHours` say how old it is.',
})
export class LaoWorkPermit extends WorkPermit {
  @Field(() => String, { nullable: true, description: 'The number of the physical card currently issued under the permit (`card_no`); a renewal issues a new card. Null when Rantau\'s sharing policy for this member state (policy.json) withholds it from the caller.' })
  cardNo!: string | null;

  @Field(() => String, { description: 'The province where the permit was registered, as MLSW writes it.' })
  province!: string;

  @Field(() => String, { description: 'How `permitClass` was derived: the extract has no permit type, so the class is read from the ISCO-08 major group of the position.' })
  permitClassDerivation!: string;

  @Field(() => DateTimeScalar, { description: 'When MLSW generated the extract this record was read from (its `Last-Modified`). The register is published once a day, so a change made since then is not yet visible.' })
  extractGeneratedAt!: string;

  @Field(() => Float, { description: 'Hours between `extractGeneratedAt` and the answer, to one decimal. Normally under 24; more means MLSW has not published, or Rantau could not download, a newer extract (then `stale` is true when the last download failed).' })
  extractAgeHours!: number;
}
