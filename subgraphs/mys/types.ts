import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('MysCertification', {
  implements: [Certification, Node],
  description: 'A JPK skills certificate (Malaysia): SKM (Tahap 1-3), DKM (Tahap 4) or DLKM (Tahap 5), awarded by Jabatan Pembangunan Kemahiran against a NOSS standard. JPK certificates do not expire.',
})
export class MysCertification extends Certification {
  @Field(() => String, { description: 'The certificate exactly as JPK writes it (`JenisSijil`): SKM (Sijil Kemahiran Malaysia), DKM (Diploma Kemahiran Malaysia) or DLKM (Diploma Lanjutan Kemahiran Malaysia).' })
  jenisSijil!: string;

  @Field(() => Int, { description: 'The MQF level (`Tahap`) 1-5; `nationalLevel` gives it as text and `aqrfLevel` its referenced AQRF level.' })
  tahap!: number;

  @Field(() => String, { description: 'The National Occupational Skills Standard assessed (`KodNOSS`, e.g. `MC-051-2:2012`); also `qualificationCode`.' })
  kodNoss!: string;

  @Field(() => String, { description: 'The accredited centre (`PusatBertauliah`) that trained or assessed the holder.' })
  pusatBertauliah!: string;

  @Field(() => String, { description: 'The route to the certificate exactly as JPK writes it (`Laluan`): PB (accredited centre), PPT (recognition of prior achievement) or SLDN (national dual training).' })
  laluan!: string;

  @Field(() => String, { description: 'What `laluan` means, in English with the Malay name.' })
  laluanDescription!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('MysWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'An Immigration Department pass (Malaysia): Employment Pass I-III, Professional Visit Pass, Residence Pass-Talent, or the Temporary Employment Visit Pass (PLKS) for lower-skilled workers in a named sector.',
})
export class MysWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The pass type exactly as the department writes it: EP-I, EP-II, EP-III, PVP, RP-T or PLKS. Also given as `nativeType`.' })
  passType!: string;

  @Field(() => String, { nullable: true, description: 'What the PLKS sector in `sector` (e.g. PEMBUATAN) means, in English; null for passes other than PLKS, which have no sector.' })
  sectorDescription!: string | null;

  @Field(() => String, { nullable: true, description: 'The monthly salary band exactly as the department writes it (e.g. `RM1700-2999`). Null when Rantau\'s sharing policy for this member state (policy.json) withholds it from the caller.' })
  salaryBand!: string | null;
}
