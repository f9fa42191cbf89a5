// The GraphQL shape of record search (docs/analysts.md, "Record search for inspectors"; the
// contract agreed in ANALYTICS_CONTRACT): filters over the facts a country index keeps, and Relay
// connections whose nodes are typed references the gateway fetches from the owner.
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CertificationStatus, DateScalar, PermitClass, PermitStatus } from '../../../schema/contract/index.js';
import { RegionalCertification, RegionalWorkPermit, type Reference } from '../contract.js';

@InputType('PermitSearchFilter', { description: 'Which of your member state\'s work permits to list. Every field is optional; given fields must all hold (a list matches any of its values).' })
export class PermitSearchFilter {
  @Field(() => [PermitClass], { nullable: true, description: 'Shared permit classes.' })
  permitClasses!: PermitClass[] | null;

  @Field(() => [PermitStatus], { nullable: true, description: 'Shared permit statuses.' })
  statuses!: PermitStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Holder nationalities, ISO 3166-1 alpha-3 (`MMR`).' })
  nationalities!: string[] | null;

  @Field(() => String, { nullable: true, description: 'The sector as the registry writes it (case is ignored).' })
  sector!: string | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 major group: one digit, the first of the occupation\'s unit group (`7` craft and related trades).' })
  iscoMajorGroup!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Permits valid on this date: from `validFrom` to `validUntil` inclusive (a missing bound is open). The status is a separate filter.' })
  validOn!: string | null;
}

@InputType('CertificationSearchFilter', { description: 'Which of your member state\'s certifications to list. Every field is optional; given fields must all hold (a list matches any of its values).' })
export class CertificationSearchFilter {
  @Field(() => [CertificationStatus], { nullable: true, description: 'Shared certification statuses.' })
  statuses!: CertificationStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Holder nationalities, ISO 3166-1 alpha-3.' })
  holderNationalities!: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'AQRF levels (1-8).' })
  aqrfLevels!: number[] | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 major group: one digit.' })
  iscoMajorGroup!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after this date.' })
  issuedFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before this date.' })
  issuedTo!: string | null;
}

@ObjectType('PageInfo', { description: 'Where a page of a connection ends (Relay).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more records follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after` for the next page. Null for an empty page.' })
  endCursor!: string | null;
}

@ObjectType('PermitEdge', { description: 'One work permit of a search, with its cursor.' })
export class PermitEdge {
  @Field(() => String, { description: 'Opaque position of this record in the search: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => RegionalWorkPermit, { nullable: true, description: 'The permit, read from its registry through the owner (its policy applies). Null when it could not be read; an error says why.' })
  node!: Reference | null;
}

@ObjectType('PermitConnection', { description: 'A page of work permits matching a search, in a stable order.' })
export class PermitConnection {
  @Field(() => [PermitEdge], { description: 'The page\'s permits.' })
  edges!: PermitEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to continue from.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Permits matching the filter, as the member state\'s index holds them now.' })
  totalCount!: number;
}

@ObjectType('CertificationEdge', { description: 'One certification of a search, with its cursor.' })
export class CertificationEdge {
  @Field(() => String, { description: 'Opaque position of this record in the search: pass it as `after` to continue after it.' })
  cursor!: string;

  @Field(() => RegionalCertification, { nullable: true, description: 'The certification, read from its registry through the owner (its policy applies). Null when it could not be read; an error says why.' })
  node!: Reference | null;
}

@ObjectType('CertificationConnection', { description: 'A page of certifications matching a search, in a stable order.' })
export class CertificationConnection {
  @Field(() => [CertificationEdge], { description: 'The page\'s certifications.' })
  edges!: CertificationEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursor to continue from.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Certifications matching the filter, as the member state\'s index holds them now.' })
  totalCount!: number;
}
