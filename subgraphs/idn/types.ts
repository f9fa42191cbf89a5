import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, Organisation, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('IdnCertification', {
  implements: [Certification, Node],
  description: 'A BNSP competency certificate (Indonesia), issued by a licensed certification body (LSP) against SKKNI standards.',
})
export class IdnCertification extends Certification {
  @Field(() => Int, { nullable: true, description: 'KKNI jenjang 1-9; null for Okupasi and Klaster schemes.' })
  kkniLevel!: number | null;

  @Field(() => String, { description: 'Certification scheme type: KKNI, OKUPASI or KLASTER.' })
  schemeType!: string;

  @Field(() => Organisation, { description: 'The LSP (Lembaga Sertifikasi Profesi) that certified; its code as registrationNumber.' })
  lsp!: Organisation;

  @Field(() => String, { nullable: true, description: 'The assessment site (Tempat Uji Kompetensi).' })
  tuk!: string | null;

  @Field(() => String, { description: 'BNSP registration number (nomor registrasi).' })
  registrationNumber!: string;
}

@Directive('@key(fields: "id")')
@ObjectType('IdnWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A Kemnaker approval of a named foreign worker\'s post (Pengesahan RPTKA) from TKA Online (Indonesia).',
})
export class IdnWorkPermit extends WorkPermit {
  @Field(() => String, { nullable: true, description: 'Province or site of work (lokasi kerja).' })
  workLocation!: string | null;

  @Field(() => String, { nullable: true, description: 'The Indonesian counterpart worker assigned for knowledge transfer (pendamping).' })
  counterpart!: string | null;

  @Field(() => String, { nullable: true, description: 'Employer\'s KBLI business classification code.' })
  kbli!: string | null;
}
