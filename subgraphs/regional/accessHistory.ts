// "Who looked at me": a subject's view of the accesses to their own records, gathered from every
// member state's audit log. Each country answers from its own chain, for the caller its verified
// caller context names (it refuses anyone but a subject), so the regional subgraph only fans out
// and merges; a country that cannot answer adds an error naming it and the others still answer.
import { Ctx, Field, ID, Info, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CountryCodeScalar, DateTimeScalar } from '../../schema/contract/index.js';
import { RantauError } from '../../schema/errors/index.js';
import { errorCodes, type ErrorCode } from '../../schema/errors/codes.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import type { ForwardedCaller } from './countryLocator.js';
import { internalFieldNames } from '../kit/country.js';
import type { AccessView } from '../kit/countryContext.js';
import type { RegionalContext } from './resolvers.js';

@ObjectType('DataAccess', { description: 'One access to your records, as the owning member state\'s audit log recorded it. The officer\'s identity is not shown; the member state, role and declared purpose are.' })
export class DataAccess {
  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: string;

  @Field(() => CountryCodeScalar, { description: 'The member state whose records were accessed (the owner, whose log this is).' })
  owner!: string;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'The member state that asked.' })
  memberState!: string | null;

  @Field(() => String, { nullable: true, description: 'The role it asked in (case-officer, inspector, verifier, subject).' })
  role!: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose it declared.' })
  purpose!: string | null;

  @Field(() => String, { description: 'READ (records by id), LOCATE (your records found by your identity) or CHECK.' })
  action!: string;

  @Field(() => [ID], { description: 'Global ids of the records concerned.' })
  recordIds!: string[];

  @Field(() => String, { nullable: true, description: "How much the owner's policy released: FULL, VERIFY, NONE, or SUBJECT (you)." })
  level!: string | null;

  @Field(() => String, { description: 'RELEASED, WITHHELD, NOT_FOUND or ERROR.' })
  outcome!: string;
}

/** One country's answer, passing its typed refusal (not a subject, audit down) through unchanged. */
async function historyOf(code: string, url: string, timeoutMs: number, forward: ForwardedCaller | undefined): Promise<DataAccess[]> {
  const field = internalFieldNames(code).accessHistory;
  const endpoint = `${url}/graphql`;
  let response;
  try {
    // Vouched for like every call to a country: the caller, re-signed for this country and this request.
    const headers = forward ? (body: string) => forward.signer.headerFor(forward.claims, code.toLowerCase(), endpoint, body) : {};
    response = await graphqlRequest<Record<string, AccessView[]>>(endpoint, `{ ${field} { at memberState role purpose action recordIds level outcome } }`, {}, timeoutMs, headers);
  } catch {
    throw new RantauError('SUBGRAPH_UNAVAILABLE', `${code} subgraph could not be reached`, { country: code });
  }
  if (!response.data) {
    const error = response.errors?.[0];
    const code_ = error?.extensions?.code as string | undefined;
    if (code_ && code_ in errorCodes) throw new RantauError(code_ as ErrorCode, error!.message, { country: code });
    throw new RantauError('SUBGRAPH_UNAVAILABLE', `${code} subgraph failed to answer who accessed the records`, { country: code });
  }
  return response.data[field].map((access) => ({ ...access, owner: code }));
}

@Resolver()
export class AccessHistoryResolver {
  @Query(() => [DataAccess], { description: 'For a worker (role `subject`): every recorded access to your own records in every member state, newest first. A member state that cannot answer adds an error naming it.' })
  async myAccessHistory(@Ctx() context: RegionalContext, @Info() info: GraphQLResolveInfo): Promise<DataAccess[]> {
    const answers = await Promise.allSettled(context.countries.map((endpoint) => historyOf(endpoint.code, endpoint.url, context.countryTimeoutMs, context.forward)));
    const refusals = answers.flatMap((answer) => (answer.status === 'rejected' ? [answer.reason as RantauError] : []));
    // Refused by every owner (the caller is not a subject): one error, not eleven.
    if (refusals.length === answers.length && refusals.every((error) => error.code === 'POLICY_WITHHELD')) throw new RantauError('POLICY_WITHHELD', 'only a subject may ask who looked at their records');
    for (const error of refusals) context.partialErrors.report(error, info);
    return answers.flatMap((answer) => (answer.status === 'fulfilled' ? answer.value : [])).sort((a, b) => b.at.localeCompare(a.at));
  }
}
