import { Arg, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DateScalar } from '../../schema/contract/index.js';
import { RantauError, badUserInput } from '../../schema/errors/index.js';
import { parseGlobalId, parseHolderIdentity, type HolderIdentity } from '../../schema/ids/index.js';
import { internalFieldNames } from '../kit/country.js';
import type { PartialErrorsContext } from '../kit/partialErrors.js';
import type { CacheHintContext } from '../kit/cacheHints.js';
import type { Caller } from '../../platform/caller.js';
import { Consistency, LocatedBy, RegionalNode, Worker, WorkerIdentityInput, type Reference, type WorkerSource } from './contract.js';
import { failureError, type CountryEndpoint, type CountryLocator, type ForwardedCaller } from './countryLocator.js';

export interface RegionalContext extends PartialErrorsContext, CacheHintContext {
  locators: Map<string, CountryLocator>;
  /** Who is asking, from the gateway's signed context; forwarded, re-signed, to every country asked. */
  caller: Caller | null;
  /** Every country subgraph, for fan-outs that are not locate or check (who looked at me). */
  countries: CountryEndpoint[];
  /** Time the regional subgraph waits for one country subgraph. */
  countryTimeoutMs: number;
  /** How calls to countries vouch for the caller (the regional subgraph's re-signed context), when the stack signs them. */
  forward?: ForwardedCaller;
  /** How long a gateway may reuse an answer built from located ids (the locator cache's TTL). */
  responseMaxAgeS: number;
  /** Most records one page of a record search may ask for (SEARCH_MAX_PAGE). */
  searchMaxPage?: number;
  /** Statistics cells counting fewer records than this are suppressed. */
  suppressionThreshold: number;
}

/** Most identities one `workers` query may name. */
export const MAX_WORKERS_PER_QUERY = 100;
/** Most ids one `nodes` query may name. */
export const MAX_NODES_PER_QUERY = 500;

function reference(globalId: string): Reference {
  const { country, kind } = parseGlobalId(globalId);
  const names = internalFieldNames(country);
  return { __typename: kind === 'CERT' ? names.certificationType : names.permitType, id: globalId };
}

/** One record by global id, through its country's batched check; `argument` names the id in errors. */
async function findNode(id: string, argument: string, context: RegionalContext): Promise<Reference | null> {
  context.cacheHint.restrict(context.responseMaxAgeS);
  const parsed = parseGlobalId(id, argument);
  const locator = context.locators.get(parsed.country);
  if (!locator) throw badUserInput(argument, `expected a global id of a member state Rantau serves (${[...context.locators.keys()].join(', ')}), got country ${JSON.stringify(parsed.country)}`);
  const check = await locator.check.load(id);
  if (!check.wellFormed) throw badUserInput(argument, `${JSON.stringify(parsed.nativeId)} is not a well-formed ${parsed.country} ${parsed.kind === 'CERT' ? 'certificate' : 'permit'} number`);
  if (check.failure) throw failureError(parsed.country, check.failure);
  return check.found ? reference(id) : null;
}

/** Asks every country at once; a country that fails adds an error naming it and the rest still answer. */
async function findWorker(identity: HolderIdentity, consistency: Consistency, context: RegionalContext, info: GraphQLResolveInfo): Promise<Worker | null> {
  // A live answer is for a caller who must see the registries as they are now: never reused.
  context.cacheHint.restrict(consistency === Consistency.LIVE ? 0 : context.responseMaxAgeS);
  const certifications: Reference[] = [];
  const permits: Reference[] = [];
  const countries: string[] = [];
  const sources: WorkerSource[] = [];
  await Promise.all(
    [...context.locators].map(async ([code, locator]) => {
      try {
        const located = await (consistency === Consistency.LIVE ? locator.locateLive : locator.locate).load(identity);
        for (const source of located.sources ?? []) sources.push({ country: code, registry: source.registry, locatedBy: source.locatedBy as LocatedBy, indexedAt: source.indexedAt });
        certifications.push(...located.certificationIds.map(reference));
        permits.push(...located.permitIds.map(reference));
        if (located.certificationIds.length + located.permitIds.length > 0) countries.push(code);
        for (const failure of located.failures) context.partialErrors.report(failureError(code, failure), info);
      } catch (error) {
        if (!(error instanceof RantauError)) throw error;
        context.partialErrors.report(error, info);
      }
    }),
  );
  if (certifications.length + permits.length === 0) return null;
  const byId = (a: Reference, b: Reference) => a.id.localeCompare(b.id);
  return {
    id: `WORKER:${identity.nationality}:${identity.documentNumber}`,
    nationality: identity.nationality,
    documentNumber: identity.documentNumber,
    dateOfBirth: identity.dateOfBirth ?? null,
    certifications: certifications.sort(byId),
    permits: permits.sort(byId),
    countries: countries.sort(),
    sources: sources.sort((a, b) => a.country.localeCompare(b.country) || a.registry.localeCompare(b.registry)),
  };
}

@Resolver()
export class RegionalResolver {
  @Query(() => Worker, {
    nullable: true,
    description: 'One worker\'s certifications and permits in every member state at once. Null when no registry knows the worker; a registry that cannot answer adds an error naming its country, and the others still answer.',
  })
  worker(
    @Arg('nationality', () => String, { description: 'ISO 3166-1 alpha-3 nationality, e.g. "IDN".' }) nationality: string,
    @Arg('documentNumber', () => String, { description: 'Travel-document number; case, spaces and dashes are ignored.' }) documentNumber: string,
    @Arg('dateOfBirth', () => DateScalar, { nullable: true, description: 'Date of birth `YYYY-MM-DD`; required by some registries (Singapore MOM), used by all to match.' }) dateOfBirth: string | null,
    @Arg('consistency', () => Consistency, { defaultValue: Consistency.INDEXED, description: 'INDEXED (default): country indexes answer where fresh. LIVE: every registry searched now.' }) consistency: Consistency,
    @Ctx() context: RegionalContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Worker | null> {
    return findWorker(parseHolderIdentity({ nationality, documentNumber, dateOfBirth }), consistency, context, info);
  }

  @Query(() => [Worker], {
    nullable: 'itemsAndList',
    description: `Many workers in one query (at most ${MAX_WORKERS_PER_QUERY}): each country is asked once for all of them. Entries are in the order asked; null where no registry knows the worker.`,
  })
  workers(
    @Arg('identities', () => [WorkerIdentityInput], { description: 'The workers to look up.' }) identities: WorkerIdentityInput[],
    @Arg('consistency', () => Consistency, { defaultValue: Consistency.INDEXED, description: 'INDEXED (default): country indexes answer where fresh. LIVE: every registry searched now.' }) consistency: Consistency,
    @Ctx() context: RegionalContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<Worker | null>> {
    if (identities.length > MAX_WORKERS_PER_QUERY) throw badUserInput('identities', `expected at most ${MAX_WORKERS_PER_QUERY} identities, got ${identities.length}`);
    const parsed = identities.map((identity, i) => {
      try {
        return parseHolderIdentity(identity);
      } catch (error) {
        const e = error as RantauError;
        throw badUserInput(`identities[${i}].${String(e.extensions.argument)}`, e.message);
      }
    });
    return Promise.all(parsed.map((identity) => findWorker(identity, consistency, context, info)));
  }

  @Query(() => RegionalNode, { nullable: true, description: 'Any certification or permit by its global id (`IDN:CERT:…`, `MYS:PERMIT:…`). Null when the registry does not hold it.' })
  node(@Arg('id', () => ID, { description: 'Global id `<COUNTRY>:<KIND>:<native id>`.' }) id: string, @Ctx() context: RegionalContext): Promise<Reference | null> {
    return findNode(id, 'id', context);
  }

  @Query(() => [RegionalNode], {
    nullable: 'itemsAndList',
    description: `Many certifications and permits by global id in one query (at most ${MAX_NODES_PER_QUERY}): each country and each registry is asked once for all of them. Entries are in the order asked; null where the registry does not hold the record, and null with an error naming \`ids[i]\` where the id is malformed or its registry could not answer.`,
  })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids `<COUNTRY>:<KIND>:<native id>`.' }) ids: string[], @Ctx() context: RegionalContext): Array<Promise<Reference | null>> {
    if (ids.length > MAX_NODES_PER_QUERY) throw badUserInput('ids', `expected at most ${MAX_NODES_PER_QUERY} ids, got ${ids.length}`);
    // One promise per entry: a malformed id or a failing registry makes that entry null with its own error; the rest still answer.
    return ids.map((id, i) => findNode(id, `ids[${i}]`, context));
  }
}
