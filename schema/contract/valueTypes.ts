import { Directive, Field, ObjectType } from 'type-graphql';

// Value types are declared identically by every country subgraph, hence @shareable.

@Directive('@shareable')
@ObjectType('Occupation', { description: 'An occupation coded on ISCO-08, with the national classification code it came from.' })
export class Occupation {
  @Field(() => String, { nullable: true, description: 'ISCO-08 unit group (4 digits). Null when the registry gives no code.' })
  isco!: string | null;

  @Field(() => String, { nullable: true, description: 'The national occupation code as the registry gives it (KBJI, MASCO, PSOC, SSOC, TSCO, …).' })
  national!: string | null;

  @Field(() => String, { nullable: true, description: 'The national classification the code belongs to, for example "MASCO 2020".' })
  scheme!: string | null;

  @Field(() => String, { nullable: true, description: 'The occupation or position title in the registry\'s own words and language.' })
  title!: string | null;
}

@Directive('@shareable')
@ObjectType('Organisation', { description: 'An employer, issuer or assessment body as the registry names it.' })
export class Organisation {
  @Field(() => String, { description: 'Name as registered, in the registry\'s own language.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The registration number the registry gives (NPWP, SSM, UEN, TIN, …), if any.' })
  registrationNumber!: string | null;
}
