// The analysts' statistics and corridors as GraphQL (issue 13; docs/analysts.md explains each
// field): counts only, never a name, a document number or a record id.
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AqrfBasis, CertificationStatus, DateScalar, DateTimeScalar, PermitClass, PermitStatus } from '../../../schema/contract/index.js';

export const PermitDimension = {
  HOST_COUNTRY: 'HOST_COUNTRY',
  NATIONALITY: 'NATIONALITY',
  PERMIT_CLASS: 'PERMIT_CLASS',
  NATIVE_TYPE: 'NATIVE_TYPE',
  STATUS: 'STATUS',
  SECTOR: 'SECTOR',
  ISCO_MAJOR_GROUP: 'ISCO_MAJOR_GROUP',
  VALID_FROM_YEAR: 'VALID_FROM_YEAR',
} as const;
export type PermitDimension = (typeof PermitDimension)[keyof typeof PermitDimension];

export const CertificationDimension = {
  COUNTRY: 'COUNTRY',
  HOLDER_NATIONALITY: 'HOLDER_NATIONALITY',
  AQRF_LEVEL: 'AQRF_LEVEL',
  AQRF_BASIS: 'AQRF_BASIS',
  STATUS: 'STATUS',
  ISCO_MAJOR_GROUP: 'ISCO_MAJOR_GROUP',
  ISSUED_YEAR: 'ISSUED_YEAR',
} as const;
export type CertificationDimension = (typeof CertificationDimension)[keyof typeof CertificationDimension];

registerEnumType(PermitDimension, {
  name: 'PermitDimension',
  description: 'What permit statistics can be grouped by.',
  valuesConfig: {
    HOST_COUNTRY: { description: 'The member state that issued the permit.' },
    NATIONALITY: { description: "The holder's nationality (ISO alpha-3)." },
    PERMIT_CLASS: { description: 'The shared permit class.' },
    NATIVE_TYPE: { description: "The host's own permit type." },
    STATUS: { description: 'The shared permit status.' },
    SECTOR: { description: 'The sector of employment, as the registry names it.' },
    ISCO_MAJOR_GROUP: { description: 'The ISCO-08 major group (first digit) of the occupation.' },
    VALID_FROM_YEAR: { description: 'The year the permit became valid.' },
  },
});
registerEnumType(CertificationDimension, {
  name: 'CertificationDimension',
  description: 'What certification statistics can be grouped by.',
  valuesConfig: {
    COUNTRY: { description: 'The member state whose registry holds the certification.' },
    HOLDER_NATIONALITY: { description: "The holder's nationality (ISO alpha-3)." },
    AQRF_LEVEL: { description: 'The AQRF level (1-8), where one is claimed.' },
    AQRF_BASIS: { description: 'How far the AQRF level can be trusted.' },
    STATUS: { description: 'The shared certification status.' },
    ISCO_MAJOR_GROUP: { description: 'The ISCO-08 major group (first digit) of the occupation.' },
    ISSUED_YEAR: { description: 'The year the certification was issued.' },
  },
});

@InputType('PermitStatisticsFilter', { description: 'Which permits are counted. Lists: any of the values.' })
export class PermitStatisticsFilter {
  @Field(() => [String], { nullable: true, description: 'Host member states, ISO alpha-3.' })
  hostCountries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Holder nationalities, ISO alpha-3.' })
  nationalities?: string[] | null;

  @Field(() => [PermitClass], { nullable: true, description: 'Permit classes.' })
  permitClasses?: PermitClass[] | null;

  @Field(() => [PermitStatus], { nullable: true, description: 'Permit statuses.' })
  statuses?: PermitStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only permits in force on this day: valid from ≤ day ≤ valid until (a missing bound is open) and status ACTIVE.' })
  activeOn?: string | null;
}

@InputType('CertificationStatisticsFilter', { description: 'Which certifications are counted. Lists: any of the values.' })
export class CertificationStatisticsFilter {
  @Field(() => [String], { nullable: true, description: 'Member states holding the certifications, ISO alpha-3.' })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Holder nationalities, ISO alpha-3.' })
  holderNationalities?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'AQRF levels 1-8.' })
  aqrfLevels?: number[] | null;

  @Field(() => [CertificationStatus], { nullable: true, description: 'Certification statuses.' })
  statuses?: CertificationStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or after this day.' })
  issuedFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Issued on or before this day.' })
  issuedTo?: string | null;
}

@InputType('CorridorFilter', { description: 'Which flows are counted. Lists: any of the values.' })
export class CorridorFilter {
  @Field(() => [String], { nullable: true, description: 'Origin nationalities, ISO alpha-3.' })
  origins?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Host member states, ISO alpha-3.' })
  hosts?: string[] | null;

  @Field(() => [PermitClass], { nullable: true, description: 'Permit classes.' })
  permitClasses?: PermitClass[] | null;
}

@ObjectType('CountryFreshness', { description: "How current one member state's part of the answer is." })
export class CountryFreshness {
  @Field(() => String, { description: 'The member state, ISO alpha-3.' })
  country!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: "The instant up to which the country's index holds its registry. Null: the index is not available (its counts are missing, not zero; an error names the country)." })
  indexedAt!: string | null;

  @Field(() => Boolean, { description: 'False when the country could not answer: its records are not in the counts.' })
  available!: boolean;
}

@ObjectType('PermitStatisticsCell', { description: 'One group of permits. A dimension not grouped by is null.' })
export class PermitStatisticsCell {
  @Field(() => String, { nullable: true }) hostCountry!: string | null;
  @Field(() => String, { nullable: true }) nationality!: string | null;
  @Field(() => PermitClass, { nullable: true }) permitClass!: PermitClass | null;
  @Field(() => String, { nullable: true }) nativeType!: string | null;
  @Field(() => PermitStatus, { nullable: true }) status!: PermitStatus | null;
  @Field(() => String, { nullable: true }) sector!: string | null;
  @Field(() => String, { nullable: true }) iscoMajorGroup!: string | null;
  @Field(() => Int, { nullable: true }) validFromYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Permits in the group; null when suppressed.' })
  count!: number | null;

  @Field(() => Boolean, { description: 'True when the count is withheld: under the threshold, or hidden so that another cell cannot be worked out.' })
  suppressed!: boolean;
}

@ObjectType('CertificationStatisticsCell', { description: 'One group of certifications. A dimension not grouped by is null.' })
export class CertificationStatisticsCell {
  @Field(() => String, { nullable: true }) country!: string | null;
  @Field(() => String, { nullable: true }) holderNationality!: string | null;
  @Field(() => Int, { nullable: true }) aqrfLevel!: number | null;
  @Field(() => AqrfBasis, { nullable: true }) aqrfBasis!: AqrfBasis | null;
  @Field(() => CertificationStatus, { nullable: true }) status!: CertificationStatus | null;
  @Field(() => String, { nullable: true }) iscoMajorGroup!: string | null;
  @Field(() => Int, { nullable: true }) issuedYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Certifications in the group; null when suppressed.' })
  count!: number | null;

  @Field(() => Boolean, { description: 'True when the count is withheld: under the threshold, or hidden so that another cell cannot be worked out.' })
  suppressed!: boolean;
}

/**
 * The envelope every statistic shares: its cells, the grand total when it uncovers nothing, the
 * threshold, and each member state's index time.
 */
function statisticsOf<Cell extends object>(CellType: new () => Cell, name: string, what: string, cellsDescription: string) {
  @ObjectType(name, { description: `${what} counts merged across member states, small counts suppressed (docs/analysts.md).` })
  class Statistics {
    @Field(() => [CellType], { description: cellsDescription })
    cells!: Cell[];

    @Field(() => Int, { nullable: true, description: "The filter's grand total; null when it would uncover a suppressed cell." })
    total!: number | null;

    @Field(() => Int, { description: 'Cells counting fewer records than this are suppressed.' })
    suppressionThreshold!: number;

    @Field(() => [CountryFreshness], { description: "Each member state's index time." })
    asOf!: CountryFreshness[];
  }
  return Statistics;
}

export const PermitStatistics = statisticsOf(PermitStatisticsCell, 'PermitStatistics', 'Permit', 'Every group, including groups withheld and groups of no permit where other groups make them possible.');
export type PermitStatistics = InstanceType<typeof PermitStatistics>;
export const CertificationStatistics = statisticsOf(CertificationStatisticsCell, 'CertificationStatistics', 'Certification', 'Every group, including groups withheld.');
export type CertificationStatistics = InstanceType<typeof CertificationStatistics>;

@ObjectType('CorridorFlow', { description: 'Workers of one origin holding a permit in force in one host.' })
export class CorridorFlow {
  @Field(() => String, { description: 'Nationality, ISO alpha-3.' })
  origin!: string;

  @Field(() => String, { description: 'Host member state, ISO alpha-3.' })
  host!: string;

  @Field(() => PermitClass, { nullable: true, description: 'Null when not split by class.' })
  permitClass!: PermitClass | null;

  @Field(() => Int, { nullable: true, description: 'Permits in force; null when suppressed.' })
  count!: number | null;

  @Field(() => Boolean, { description: 'True when the count is withheld.' })
  suppressed!: boolean;
}

@ObjectType('Corridors', { description: 'Origin → host flows of workers holding a permit in force on a day, small counts suppressed.' })
export class Corridors {
  @Field(() => DateScalar, { description: 'The day counted.' })
  activeOn!: string;

  @Field(() => [CorridorFlow], { description: 'Flows between different countries, largest first (withheld ones last).' })
  flows!: CorridorFlow[];

  @Field(() => Int, { description: 'Flows counting fewer workers than this are suppressed.' })
  suppressionThreshold!: number;

  @Field(() => [CountryFreshness], { description: "Each member state's index time." })
  asOf!: CountryFreshness[];
}
