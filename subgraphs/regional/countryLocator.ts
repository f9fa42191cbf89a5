import DataLoader from 'dataloader';
import { RantauError } from '../../schema/errors/index.js';
import { identityKey, type HolderIdentity } from '../../schema/ids/index.js';
import { internalFieldNames } from '../kit/country.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import { entitlement } from '../../platform/caller.js';
import type { ContextClaims, ContextSigner } from '../../platform/trust/callerContext.js';
import type { LocatedView, RecordCheckView, RegistryFailureView } from '../kit/countryContext.js';
import type { LocatorCache } from './locatorCache.js';

/**
 * The regional subgraph's fan-out to one country: per request, every identity the query names
 * goes to the country in one locate call, and every global id in one check call.
 * The loaders live for one request; across requests only the LocatorCache (ids, under keyed
 * hashes) is kept.
 */
export interface CountryEndpoint {
  code: string;
  url: string;
}

/**
 * How the regional subgraph vouches for the caller on its calls to a country: the caller the
 * gateway's context named, re-signed with the regional subgraph's own key for that country and
 * that request, with the gateway context's `jti` as parent (so the owner's audit links the two).
 */
export interface ForwardedCaller {
  signer: ContextSigner;
  claims: ContextClaims;
}

const FAILURE_FIELDS = 'registry code message retryAfterSeconds required reason nativeId';

export function failureError(country: string, failure: RegistryFailureView): RantauError {
  return new RantauError(failure.code as never, failure.message, {
    country,
    registry: failure.registry,
    ...(failure.retryAfterSeconds !== null ? { retryAfterSeconds: failure.retryAfterSeconds } : {}),
    ...(failure.required.length > 0 ? { required: failure.required } : {}),
    ...(failure.reason !== null ? { reason: failure.reason } : {}),
    ...(failure.nativeId !== null && failure.nativeId !== undefined ? { nativeId: failure.nativeId } : {}),
  });
}

/** A country's errors the regional subgraph passes on with their own code (they say what the caller can do). */
const PASSED_ON = new Set(['INDEX_UNAVAILABLE', 'POLICY_WITHHELD', 'BAD_USER_INPUT']);

/** What of a passed-on error's extensions reaches the caller: the argument a BAD_USER_INPUT names, a refusal's policy. */
function passedOnExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key, value]) => (key === 'argument' || key === 'policy') && typeof value === 'string'));
}

export interface QualificationQuestion {
  isco: string;
  nationalLevels: string[];
  first: number;
}

/** One qualification a country certifies, as its internal qualifications query answers it. */
export interface QualificationView {
  qualificationCode: string | null;
  title: string;
  nationalLevel: string | null;
  issued: number;
}

/** A country's raw grouped counts, as its internal counts query answers them. */
export interface RecordCountsView {
  indexedAt: string;
  groups: Array<{ values: Array<string | null>; count: number }>;
}

export class CountryLocator {
  readonly locate: DataLoader<HolderIdentity, LocatedView, string>;
  /** `consistency: LIVE`: every registry searched now, past both the locator cache and the index. */
  readonly locateLive: DataLoader<HolderIdentity, LocatedView, string>;
  readonly check: DataLoader<string, RecordCheckView>;

  constructor(
    private readonly endpoint: CountryEndpoint,
    private readonly timeoutMs: number,
    options: { cache?: LocatorCache; batching?: boolean; forward?: ForwardedCaller } = {},
  ) {
    const names = internalFieldNames(endpoint.code);
    const { cache, forward } = options;
    this.forward = forward;
    // Without a forwarded caller (composition only) every country refuses: nothing is cached then anyway.
    const entitled = forward?.claims.caller ? entitlement(forward.claims.caller) : 'nobody';
    const batch = options.batching ?? true;
    const ask = async (identities: readonly HolderIdentity[], live = false): Promise<Array<LocatedView | Error>> => {
      const query = `query Locate($identities: [${names.identityInput}!]!, $live: Boolean!) { ${names.locate}(identities: $identities, live: $live) { key certificationIds permitIds failures { ${FAILURE_FIELDS} } sources { registry locatedBy indexedAt } } }`;
      const data = await this.call<Record<string, LocatedView[]>>(query, { identities, live });
      const byKey = new Map(data[names.locate].map((located) => [located.key, located]));
      const answers = identities.map((identity) => byKey.get(identityKey(identity)) ?? this.unavailable(`answered no entry for ${identityKey(identity)}`));
      if (live) return answers;
      await cache?.setMany(endpoint.code, identities.flatMap((identity, i) => {
        const located = answers[i];
        return located instanceof Error ? [] : [{ identity, located }];
      }), entitled);
      return answers;
    };
    this.locate = new DataLoader<HolderIdentity, LocatedView, string>(
      async (identities) => {
        if (!cache) return ask(identities);
        const cached = await cache.getMany(endpoint.code, identities, entitled);
        const missing = identities.filter((_, i) => cached[i] === null);
        const asked = missing.length > 0 ? await ask(missing) : [];
        let next = 0;
        return cached.map((hit) => hit ?? asked[next++]);
      },
      { cacheKeyFn: identityKey, batch },
    );
    this.locateLive = new DataLoader<HolderIdentity, LocatedView, string>((identities) => ask(identities, true), { cacheKeyFn: identityKey, batch });
    this.check = new DataLoader<string, RecordCheckView>(async (ids) => {
      const query = `query Check($ids: [ID!]!) { ${names.check}(ids: $ids) { id found wellFormed nationalLevel isco failure { ${FAILURE_FIELDS} } } }`;
      const data = await this.call<Record<string, RecordCheckView[]>>(query, { ids });
      const byId = new Map(data[names.check].map((check) => [check.id, check]));
      return ids.map((id) => byId.get(id) ?? this.unavailable(`answered no entry for ${id}`));
    }, { batch });
  }

  private readonly forward: ForwardedCaller | undefined;

  /**
   * The qualifications the country certifies in an ISCO-08 unit group at these national levels,
   * most issued first, from its index (counts and titles only: nothing personal). One call per
   * distinct question in a request, however many recognitions ask it. A country that keeps no
   * index yet answers INDEX_UNAVAILABLE, passed on as it is.
   */
  readonly qualifications = new DataLoader<QualificationQuestion, QualificationView[], string>(
    (questions) => Promise.all(questions.map((question) => this.askQualifications(question).catch((error: Error) => error))),
    { cacheKeyFn: (question) => JSON.stringify([question.isco, question.nationalLevels, question.first]) },
  );

  private async askQualifications({ isco, nationalLevels, first }: QualificationQuestion): Promise<QualificationView[]> {
    const names = internalFieldNames(this.endpoint.code);
    const query = `query Qualifications($isco: String!, $levels: [String!], $first: Int) { ${names.qualifications}(isco: $isco, nationalLevels: $levels, first: $first) { qualificationCode title nationalLevel issued } }`;
    const data = await this.call<Record<string, QualificationView[]>>(query, { isco, levels: nationalLevels, first });
    return data[names.qualifications];
  }

  private readonly counted = new Map<string, Promise<RecordCountsView>>();

  /**
   * Raw grouped counts of the country's permits or certifications, from its index (no personal
   * data; never passed on as they are: the statistics suppress small counts after merging). Asked
   * once per distinct question in a request. A country that keeps no index answers INDEX_UNAVAILABLE.
   */
  recordCounts(kind: 'PERMIT' | 'CERT', groupBy: readonly string[], filter: { activeOn?: string | null; issuedFrom?: string | null; issuedTo?: string | null }): Promise<RecordCountsView> {
    const variables = { kind, groupBy, activeOn: filter.activeOn ?? null, issuedFrom: filter.issuedFrom ?? null, issuedTo: filter.issuedTo ?? null };
    const key = JSON.stringify(variables);
    let answer = this.counted.get(key);
    if (!answer) {
      const names = internalFieldNames(this.endpoint.code);
      const query = `query Counts($kind: String!, $groupBy: [String!]!, $activeOn: Date, $issuedFrom: Date, $issuedTo: Date) { ${names.recordCounts}(kind: $kind, groupBy: $groupBy, activeOn: $activeOn, issuedFrom: $issuedFrom, issuedTo: $issuedTo) { indexedAt groups { values count } } }`;
      answer = this.call<Record<string, RecordCountsView>>(query, variables).then((data) => data[names.recordCounts]);
      this.counted.set(key, answer);
    }
    return answer;
  }

  private unavailable(why: string): RantauError {
    return new RantauError('SUBGRAPH_UNAVAILABLE', `${this.endpoint.code} subgraph ${why}`, { country: this.endpoint.code });
  }

  /** One internal query to the country, signed for the caller; other fan-outs (record search) use it too. */
  async call<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let response;
    try {
      const url = `${this.endpoint.url}/graphql`;
      const forward = this.forward;
      const audience = this.endpoint.code.toLowerCase();
      response = await graphqlRequest<T>(url, query, variables, this.timeoutMs, forward ? (body) => forward.signer.headerFor(forward.claims, audience, url, body) : {});
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw this.unavailable(timedOut ? `did not answer within ${this.timeoutMs} ms` : 'could not be reached');
    }
    const refusal = response.errors?.find((error) => PASSED_ON.has(String(error.extensions?.code)));
    if (!response.data && refusal) throw new RantauError(String(refusal.extensions!.code) as 'INDEX_UNAVAILABLE', `${this.endpoint.code}: ${refusal.message}`, { ...passedOnExtensions(refusal.extensions!), country: this.endpoint.code });
    if (!response.data) throw this.unavailable(`failed: ${response.errors?.map((e) => e.message).join('; ') ?? 'no data'}`);
    return response.data;
  }
}
