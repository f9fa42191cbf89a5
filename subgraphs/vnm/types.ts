import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Certification, Node, WorkPermit } from '../../schema/contract/index.js';

@Directive('@key(fields: "id")')
@ObjectType('VnmCertification', {
  implements: [Certification, Node],
  description: 'A national occupational skills certificate of Viet Nam (chứng chỉ kỹ năng nghề quốc gia), levels (bậc) I-V, issued by an accredited assessment organisation. The registry records no expiry date.',
})
export class VnmCertification extends Certification {
  @Field(() => Int, { description: 'The skill level (bậc) as a number 1-5; the registry writes it as a Roman numeral, kept in `nationalLevel`.' })
  skillLevel!: number;
}

@Directive('@key(fields: "id")')
@ObjectType('VnmWorkPermit', {
  implements: [WorkPermit, Node],
  description: 'A Vietnamese work permit (giấy phép lao động) or work-permit exemption certificate, issued by a provincial People\'s Committee under Decree 219/2025/ND-CP: at most two years, extendable once.',
})
export class VnmWorkPermit extends WorkPermit {
  @Field(() => String, { description: 'The province whose People\'s Committee issued the permit (`tinh`), in Vietnamese.' })
  province!: string;

  @Field(() => Boolean, { description: 'True for a work-permit exemption certificate (number starting `MGP-`): the worker needs no permit for this post.' })
  exemptionCertificate!: boolean;

  @Field(() => Boolean, { description: 'True when the permit has used its one extension (`Đã gia hạn`), so it cannot be extended again.' })
  extended!: boolean;
}
