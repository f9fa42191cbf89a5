import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('TlsCertification', {
  implements: [Certification, Node],
  description: 'An INDMO certificate (Timor-Leste), issued by the National Institute for Labour Force Development against national competency standards at Certificado I-IV, to citizens and foreign workers alike. Certificates do not expire: `validUntil` is always null.',
})
export class TlsCertification extends Certification {
  @Field(() => Int, { description: 'The certificate level 1-4, read from `nivel` (Certificado I-IV), which `nationalLevel` keeps as INDMO writes it.' })
  certificateLevel!: number;

  @Field(() => String, { description: 'The training area exactly as INDMO writes it (`area`, for example TURISMO E HOTELARIA).' })
  area!: string;

  @Field(() => String, { description: 'The vocational training centre where the holder qualified (`centroFormacao`).' })
  trainingCentre!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('TlsWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A SEFOPE work authorisation (Timor-Leste), issued by the labour secretariat to a foreign worker alongside the immigration residence permit.',
})
export class TlsWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'How `permitClass` was derived: SEFOPE records carry no permit type, so the class is read from the ISCO-08 major group of the post.' })
  permitClassDerivation!: string;
}
