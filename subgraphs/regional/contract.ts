import { Directive, Field, ID, InputType, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, DateTimeScalar } from '../../schema/contract/index.js';
import { internalFieldNames } from '../kit/country.js';

/**
 * The regional subgraph's view of the shared interfaces: only `id`. It returns typed references
 * (`{ __typename: "PhlCertification", id }`) and the gateway's planner fetches every other field
 * from the owning country, in parallel.
 */
const resolveType = (value: { __typename?: string }) => value.__typename;

@InterfaceType('Node', { description: 'A record with a global id of the form `<COUNTRY>:<KIND>:<native id>`.', autoRegisterImplementations: false, resolveType })
export abstract class RegionalNode {
  @Field(() => ID, { description: 'Global id `<COUNTRY>:<KIND>:<native id>`; KIND is CERT or PERMIT.' })
  id!: string;
}

@InterfaceType('Certification', { description: 'A skills certification from one member state\'s registry.', implements: [RegionalNode], autoRegisterImplementations: false, resolveType })
export abstract class RegionalCertification {
  @Field(() => ID, { description: 'Global id `<COUNTRY>:CERT:<native certificate number>`.' })
  id!: string;
}

@InterfaceType('WorkPermit', { description: 'A foreign-worker permit from one member state\'s registry.', implements: [RegionalNode], autoRegisterImplementations: false, resolveType })
export abstract class RegionalWorkPermit {
  @Field(() => ID, { description: 'Global id `<COUNTRY>:PERMIT:<native permit number>`.' })
  id!: string;
}

export interface Reference {
  __typename: string;
  id: string;
}

export enum LocatedBy {
  INDEX = 'INDEX',
  LIVE_SEARCH = 'LIVE_SEARCH',
}
registerEnumType(LocatedBy, {
  name: 'LocatedBy',
  description: 'How a registry was asked for a worker.',
  valuesConfig: {
    INDEX: { description: "From the country's index of the registry, within its freshness bound: no search call; the records themselves were read live by number." },
    LIVE_SEARCH: { description: "By the registry's holder search, at the time of the query." },
  },
});

export enum Consistency {
  INDEXED = 'INDEXED',
  LIVE = 'LIVE',
}
registerEnumType(Consistency, {
  name: 'Consistency',
  description: 'How current the list of a worker\'s records must be. Records are always read live; this is about finding them.',
  valuesConfig: {
    INDEXED: { description: "Default: each country's index answers where it is within its freshness bound (records issued in the last minutes may be missing); registries without one are searched live." },
    LIVE: { description: "Every registry's holder search is asked now: records created minutes ago are found, at the cost of a search call per registry (charged by the registry-call budget)." },
  },
});

@ObjectType('WorkerSource', { description: 'How one registry of one country was asked for this worker.' })
export class WorkerSource {
  @Field(() => CountryCodeScalar, { description: 'The member state.' })
  country!: string;

  @Field(() => String, { description: 'The registry key (`bnsp`, `tka`, …).' })
  registry!: string;

  @Field(() => LocatedBy, { description: 'From the country index, or by a live holder search.' })
  locatedBy!: LocatedBy;

  @Field(() => DateTimeScalar, { nullable: true, description: 'For INDEX: the instant up to which the index held the registry (records issued after it may be missing; ask with `consistency: LIVE`).' })
  indexedAt!: string | null;
}

@ObjectType('Worker', { description: 'One person, found by travel document across every member state\'s registries. Only what the registries hold is returned; nothing is guessed.' })
export class Worker {
  @Field(() => ID, { description: 'Stable id of this identity: `WORKER:<nationality>:<document number>`.' })
  id!: string;

  @Field(() => CountryCodeScalar, { description: 'Nationality as asked, ISO alpha-3.' })
  nationality!: string;

  @Field(() => String, { description: 'Travel-document number as matched (upper case, without spaces or dashes).' })
  documentNumber!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth as asked; registries that record one matched on it.' })
  dateOfBirth!: string | null;

  @Field(() => [RegionalCertification], { nullable: 'items', description: 'Certifications in every member state, each from its own registry. An entry is null only when its registry failed after locating it (see errors).' })
  certifications!: Reference[];

  @Field(() => [RegionalWorkPermit], { nullable: 'items', description: 'Work permits in every member state, each from its own registry. An entry is null only when its registry failed after locating it (see errors).' })
  permits!: Reference[];

  @Field(() => [CountryCodeScalar], { description: 'Member states whose registries hold at least one record of this worker.' })
  countries!: string[];

  @Field(() => [WorkerSource], { description: 'How each registry of each member state that answered was asked for this worker: from the country index (`indexedAt` says how current it was) or by a live search.' })
  sources!: WorkerSource[];
}

@InputType('WorkerIdentityInput', { description: 'The attributes that identify one worker.' })
export class WorkerIdentityInput {
  @Field(() => String, { description: 'Nationality, ISO 3166-1 alpha-3 (`IDN`).' })
  nationality!: string;

  @Field(() => String, { description: 'Travel-document number; case, spaces and dashes are ignored.' })
  documentNumber!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date of birth `YYYY-MM-DD`; some registries answer only with it, and all match on it when given.' })
  dateOfBirth!: string | null;
}

/**
 * One stub per country type, generated from the list of countries, so adding a country needs no
 * edit here: `@key(fields: "id", resolvable: false)` with only `id`.
 */
export function countryStubs(codes: readonly string[]): Function[] {
  return codes.flatMap((code) => {
    const names = internalFieldNames(code);
    const stub = (name: string, iface: Function, kind: string) => {
      const Stub = class {} as { new (): { id: string }; prototype: object };
      Field(() => ID, { description: `Global id \`${code}:${kind}:<native id>\`.` })(Stub.prototype, 'id');
      ObjectType(name, { implements: [iface, RegionalNode], description: `Reference to a ${code} record; its fields come from the ${code} subgraph.` })(Stub);
      Directive('@key(fields: "id", resolvable: false)')(Stub);
      return Stub;
    };
    return [stub(names.certificationType, RegionalCertification, 'CERT'), stub(names.permitType, RegionalWorkPermit, 'PERMIT')];
  });
}
