import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, DateScalar, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('BrnCertification', {
  implements: [Certification, Node],
  description: 'A national TVET certificate (Brunei Darussalam) on the 8-level Brunei Darussalam Qualifications Framework, recognised by the National Accreditation Council (BDNAC). Certificates do not expire.',
})
export class BrnCertification extends Certification {
  @Field(() => Int, { description: 'BDQF level 1-8 (`tahapBDQF`).' })
  bdqfLevel!: number;

  @Field(() => String, { description: 'The field of study exactly as the registry writes it (`bidang`, for example KEJURUTERAAN, engineering).' })
  fieldOfStudy!: string;

  @Field(() => String, { nullable: true, description: 'The colour of the holder\'s Brunei identity card exactly as the registry writes it (`warnaIC`): KUNING (yellow), UNGU (purple) or HIJAU (green). The card number itself is not exposed. Null when Rantau\'s sharing policy for this member state (policy.json) withholds it from the caller.' })
  identityCardColour!: string | null;

  @Field(() => String, { nullable: true, description: 'What the identity card colour says about the holder: citizen (yellow), permanent resident (purple) or foreign resident (green). Null when Rantau\'s sharing policy for this member state (policy.json) withholds it from the caller.' })
  residency!: string | null;
}

@Directive('@key(fields: "id")')
@ObjectType('BrnWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'One worker line of a Department of Labour foreign-worker licence (Lesen Pekerja Asing, Brunei Darussalam). The licence is issued to the employer and lists the workers it covers; the line is the worker\'s permit, identified by licence number and line number (`LPA/2025/0456/1`).',
})
export class BrnWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The employer\'s licence that lists this worker (`noLesen`).' })
  licenceNumber!: string;

  @Field(() => Int, { description: 'The worker\'s line on the licence (`baris`), from 1.' })
  lineNumber!: number;

  @Field(() => String, { description: 'The licence\'s status exactly as the registry writes it (`statusLesen`: DIPROSES, AKTIF, TAMAT, DIBATALKAN). A licence that is not AKTIF makes every line on it inactive, which `status` already reflects; `nativeStatus` is the line\'s own word.' })
  licenceStatus!: string;

  @Field(() => DateScalar, { description: 'The day the licence was issued (`tarikhKeluar`); the line\'s own dates are `validFrom` and `validUntil`.' })
  licenceValidFrom!: string;

  @Field(() => DateScalar, { description: 'The last day of the licence (`tarikhTamat`).' })
  licenceValidUntil!: string;

  @Field(() => String, { description: 'How `permitClass` was derived: the licence names no permit type, so the class is read from the ISCO-08 major group of the worker\'s post.' })
  permitClassDerivation!: string;
}
