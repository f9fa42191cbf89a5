// Public reference data as GraphQL (issue 14): each member state's qualification framework, the
// ASEAN Mutual Recognition Arrangements and each member state's permit types, read from
// `schema/reference/` where every fact carries its source. Nothing here is personal data; the
// regional subgraph serves it to any authenticated caller.
import { Field, Int, ObjectType } from 'type-graphql';
import { AqrfBasis, PermitClass } from '../../schema/contract/index.js';
import { RegionalCertification, type Reference } from './contract.js';
import type { Fact, FrameworkLevel, MutualRecognitionArrangement as Arrangement, PermitType as NativePermitType, QualificationFramework as Framework, Source } from '../../schema/reference/index.js';

@ObjectType('ReferenceSource', { description: 'Where a fact comes from, and whether it could be confirmed.' })
export class ReferenceSource {
  @Field(() => String, { description: 'The publication or authority, and its year.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'Where it was published, when it has an address.' })
  url!: string | null;

  @Field(() => Boolean, { description: 'False where the fact could not be confirmed from a published source (see `note`).' })
  confirmed!: boolean;

  @Field(() => String, { nullable: true, description: 'What is known and not known about the fact.' })
  note!: string | null;
}

export const sourceOf = (source: Source): ReferenceSource => ({ source: source.source, url: source.url ?? null, confirmed: source.confirmed, note: source.note ?? null });

@ObjectType('ReferenceFact', { description: 'One fact with its source.' })
export class ReferenceFact {
  @Field(() => String, { description: 'The fact, in plain words.' })
  value!: string;

  @Field(() => ReferenceSource, { description: 'Where it comes from.' })
  source!: ReferenceSource;
}

const factOf = (fact: Fact<string | string[]>): ReferenceFact => ({ value: Array.isArray(fact.value) ? fact.value.join(', ') : fact.value, source: sourceOf(fact) });

@ObjectType('QualificationLevel', { description: 'One level of a national qualification framework and how it reads on the AQRF.' })
export class QualificationLevel {
  @Field(() => String, { description: 'The level as the framework names it (`SKM 3`, `NC III`, `KKNI jenjang 3`).' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The national level as certifications carry it in `nationalLevel`.' })
  nationalLevel!: string | null;

  @Field(() => Int, { nullable: true, description: 'AQRF level 1-8, null where the level has none.' })
  aqrfLevel!: number | null;

  @Field(() => String, { nullable: true, description: 'What to know about this level.' })
  note!: string | null;
}

@ObjectType('QualificationFramework', { description: "A member state's national qualification framework, its levels, and whether it is referenced to the AQRF." })
export class QualificationFramework {
  @Field(() => String, { description: 'The member state, ISO alpha-3.' })
  country!: string;

  @Field(() => String, { description: 'The framework\'s short name (MQF, PQF, KKNI, …).' })
  framework!: string;

  @Field(() => String, { description: 'Its full name.' })
  name!: string;

  @Field(() => String, { description: 'The authority that keeps it.' })
  authority!: string;

  @Field(() => AqrfBasis, { description: 'REFERENCED when the AQRF Committee accepted its referencing report; INDICATIVE when Rantau reads its levels without an accepted table; NOT_REFERENCED otherwise.' })
  basis!: AqrfBasis;

  @Field(() => String, { description: 'The referencing status (accepted, endorsed, in progress, …).' })
  referencingStatus!: string;

  @Field(() => String, { nullable: true, description: 'When the referencing was accepted or submitted, ISO date, where known.' })
  referencedOn!: string | null;

  @Field(() => String, { description: 'The referencing, in plain words.' })
  referencing!: string;

  @Field(() => [QualificationLevel], { description: 'Its levels, lowest first.' })
  levels!: QualificationLevel[];

  @Field(() => [String], { description: 'What a reader must know before relying on it.' })
  caveats!: string[];

  @Field(() => [ReferenceSource], { description: 'The sources of these facts.' })
  sources!: ReferenceSource[];
}

const levelOf = (level: FrameworkLevel): QualificationLevel => ({ name: level.name, nationalLevel: level.nationalLevel, aqrfLevel: level.aqrfLevel, note: level.note ?? null });

export function frameworkOf(framework: Framework): QualificationFramework {
  return {
    country: framework.country,
    framework: framework.framework,
    name: framework.name,
    authority: framework.authority,
    basis: framework.basis,
    referencingStatus: framework.referencing.status,
    referencedOn: framework.referencing.date,
    referencing: framework.referencing.description,
    levels: framework.levels.map(levelOf),
    caveats: [...framework.caveats],
    sources: [framework.referencing, framework.levelsSource, ...framework.sources].map(sourceOf),
  };
}

@ObjectType('MutualRecognitionArrangement', { description: 'An ASEAN Mutual Recognition Arrangement for a profession: what it covers and what it requires.' })
export class MutualRecognitionArrangement {
  @Field(() => String, { description: 'Short id (`engineering`, `nursing`, …).' })
  id!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, { description: 'The profession it covers.' })
  profession!: string;

  @Field(() => String, { description: '`MRA`, or `FRAMEWORK` for a framework that recognises no one by itself (surveying).' })
  kind!: string;

  @Field(() => Int, { description: 'The year it was signed.' })
  signedYear!: number;

  @Field(() => String, { nullable: true, description: 'The regional register it keeps (ASEAN Chartered Professional Engineer Register, …), if any.' })
  regionalRegister!: string | null;

  @Field(() => [String], { description: 'What it requires of a professional (home registration, host assessment, …).' })
  requirements!: string[];

  @Field(() => [String], { description: 'The ISCO-08 unit groups Rantau places under it (see `iscoMappingSource`: the arrangement names a profession, not codes).' })
  iscoUnitGroups!: string[];

  @Field(() => ReferenceSource, { description: 'Where the ISCO-08 placement comes from.' })
  iscoMappingSource!: ReferenceSource;

  @Field(() => ReferenceSource, { description: 'Where the arrangement itself is published.' })
  source!: ReferenceSource;
}

export function arrangementOf(arrangement: Arrangement): MutualRecognitionArrangement {
  return {
    id: arrangement.id,
    name: arrangement.name,
    profession: arrangement.profession,
    kind: arrangement.kind,
    signedYear: arrangement.signed.year,
    regionalRegister: arrangement.regionalRegister ? `${arrangement.regionalRegister.title}, ${arrangement.regionalRegister.name}` : null,
    requirements: [...arrangement.requirements],
    iscoUnitGroups: [...arrangement.iscoUnitGroups],
    iscoMappingSource: sourceOf(arrangement.iscoMapping),
    source: sourceOf({ source: arrangement.source, confirmed: arrangement.confirmed, ...(arrangement.note ? { note: arrangement.note } : {}) }),
  };
}

@ObjectType('PermitType', { description: "One of a member state's work permit types: its shared class, duration, renewal, quotas and legal basis." })
export class PermitType {
  @Field(() => String, { description: 'The member state, ISO alpha-3.' })
  country!: string;

  @Field(() => String, { description: 'The type as the registry names it in `nativeType`.' })
  nativeType!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => String, { description: 'The authority that issues it.' })
  authority!: string;

  @Field(() => [PermitClass], { description: 'The shared classes it maps to (several where the class depends on the post).' })
  permitClasses!: PermitClass[];

  @Field(() => String, { description: 'How the shared class is chosen.' })
  classRule!: string;

  @Field(() => ReferenceFact, { description: 'Longest validity of one grant.' })
  maxDuration!: ReferenceFact;

  @Field(() => ReferenceFact, { description: 'Whether and how it is renewed.' })
  renewal!: ReferenceFact;

  @Field(() => ReferenceFact, { nullable: true, description: 'Quota, where one applies.' })
  quota!: ReferenceFact | null;

  @Field(() => ReferenceFact, { nullable: true, description: 'Sectors it is limited to, where it is.' })
  sectors!: ReferenceFact | null;

  @Field(() => ReferenceFact, { description: 'The law or regulation it rests on.' })
  legalBasis!: ReferenceFact;
}

export function permitTypeOf(type: NativePermitType): PermitType {
  return {
    country: type.country,
    nativeType: type.nativeType,
    name: type.name,
    authority: type.authority,
    permitClasses: [...type.permitClasses],
    classRule: type.classRule,
    maxDuration: factOf(type.maxDuration),
    renewal: factOf(type.renewal),
    quota: type.quota ? factOf(type.quota) : null,
    sectors: type.sectors ? factOf(type.sectors) : null,
    legalBasis: factOf(type.legalBasis),
  };
}

@ObjectType('ComparableQualification', { description: "A qualification the host member state certifies in the same ISCO-08 unit group at the same AQRF level, with how many its registry holds (counts only, from the host country's index)." })
export class ComparableQualification {
  @Field(() => String, { description: 'The host member state, ISO alpha-3.' })
  country!: string;

  @Field(() => String, { nullable: true, description: 'The scheme or qualification code as the host registry writes it, where it has one.' })
  qualificationCode!: string | null;

  @Field(() => String, { description: 'Its title, as the host registry writes it.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Its national level, as certifications carry it in `nationalLevel`.' })
  nationalLevel!: string | null;

  @Field(() => Int, { description: 'How many certifications of it the host registry holds.' })
  issued!: number;
}

@ObjectType('Recognition', { description: "What a member state's certification corresponds to in a host member state's framework, on what basis, and what may be relied on (docs/recognition.md)." })
export class Recognition {
  @Field(() => RegionalCertification, { description: 'The certification compared; its fields come from its own country, under that country\'s sharing policy.' })
  certification!: Reference;

  @Field(() => String, { description: 'The host member state, ISO alpha-3.' })
  hostCountry!: string;

  @Field(() => Int, { nullable: true, description: "The certification's AQRF level, null where none can be claimed." })
  aqrfLevel!: number | null;

  @Field(() => AqrfBasis, { description: 'The weaker of the two frameworks\' bases: REFERENCED only when both are referenced.' })
  basis!: AqrfBasis;

  @Field(() => String, { description: "The home framework (the certification's country)." })
  homeFramework!: string;

  @Field(() => String, { description: 'The host framework.' })
  hostFramework!: string;

  @Field(() => String, { description: "The host framework's full name." })
  hostFrameworkName!: string;

  @Field(() => [String], { description: 'The host framework\'s levels at the same AQRF level (`SKM 3`); empty where none can be named.' })
  hostLevels!: string[];

  @Field(() => MutualRecognitionArrangement, { nullable: true, description: "The ASEAN MRA covering the certification's ISCO-08 unit group, if any." })
  mutualRecognition!: MutualRecognitionArrangement | null;

  @Field(() => [String], { description: 'Why the basis is what it is, and what the answer does not say, in plain words.' })
  caveats!: string[];

  /** The certification's ISCO-08 unit group and the host's national levels at its AQRF level, for `comparableQualifications`. */
  isco!: string | null;
  hostNationalLevels!: string[];
}
