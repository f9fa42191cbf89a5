// The owner's sharing policy as a country plugin: every record the subgraph answers (`_entities`),
// every search by identity and every id check passes through it, so that nothing the owner's
// policy withholds leaves the owner's subgraph, whatever the gateway or the regional subgraph ask.
// It reads who asks from `context.caller` (platform/caller.ts), set by the verified signed caller
// context; it never widens what a role may see (sharingPolicy.ts).
import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { RantauError } from '../../../schema/errors/index.js';
import { normalizeDocumentNumber, identityKey, type HolderIdentity } from '../../../schema/ids/index.js';
import type { Caller } from '../../../platform/caller.js';
import { matchesIdentity, type Consistency, type LocatedView, type RecordAccess, type RegistryFailureView } from '../countryContext.js';
import type { ContractRecord } from '../records.js';
import { checkPolicyFields, decide, SUBJECT_OTHERS, SUBJECT_RELEASE, type Release, type SharingPolicy } from '../policy/sharingPolicy.js';
import { redact, type NonNullFields } from '../policy/redact.js';
import type { CountryPlugin } from './plugin.js';

/** What the policy decided for a released copy, for the audit plugin (never serialised: a symbol key). */
export const RELEASE_NOTE = Symbol('release note');
export interface ReleaseNote {
  level: Release['level'];
  /** The holder as the registry records them, for the audit's identity HMAC (the copy may have it withheld). */
  holder: { nationality: string | null; documentNumber: string | null };
}

export function releaseNoteOf(record: ContractRecord): ReleaseNote | undefined {
  return (record as unknown as Record<symbol, ReleaseNote | undefined>)[RELEASE_NOTE];
}

export interface OwnerPolicyOptions {
  policy: SharingPolicy;
  /**
   * What to do with a request that carries no caller. `refuse` (every deployment once the signed
   * caller context is verified on every request): nothing personal is released. `release`: the
   * policy is not applied — only for a stack whose subgraphs are not reachable by anyone else.
   */
  withoutCaller: 'refuse' | 'release';
}

function withheld(owner: string, message: string, release: Release, extensions: Record<string, unknown> = {}): RantauError {
  return new RantauError('POLICY_WITHHELD', message, { country: owner, policy: release.reason, ...extensions });
}

function policyFailure(owner: string, message: string, release: Release): RegistryFailureView {
  return { registry: 'policy', code: 'POLICY_WITHHELD', message: `${owner}: ${message}`, retryAfterSeconds: null, required: [], reason: release.reason, nativeId: null };
}

function isSubjectOf(caller: Caller, identity: { nationality: string | null; documentNumber: string | null }): boolean {
  return caller.subject !== null && identity.documentNumber !== null && identity.nationality === caller.subject.nationality && normalizeDocumentNumber(identity.documentNumber) === normalizeDocumentNumber(caller.subject.documentNumber);
}

function who(caller: Caller): string {
  return `${caller.role} of ${caller.memberState}${caller.purpose ? ` for ${caller.purpose}` : ''}`;
}

export function ownerPolicy(options: OwnerPolicyOptions): CountryPlugin {
  const { policy } = options;
  const owner = policy.country;
  let nonNull: NonNullFields = new Map();

  const releaseFor = (caller: Caller, record: ContractRecord): Release => {
    if (caller.role === 'subject') {
      const own = caller.subject !== null && matchesIdentity(record, { nationality: caller.subject.nationality, documentNumber: normalizeDocumentNumber(caller.subject.documentNumber) });
      return own ? SUBJECT_RELEASE : SUBJECT_OTHERS;
    }
    return decide(policy, caller);
  };

  const guarded = (inner: RecordAccess, caller: Caller): RecordAccess => ({
    code: inner.code,
    qualifications: (isco, levels, first) => inner.qualifications(isco, levels, first),
    recordCounts: (dimensions, filter) => inner.recordCounts(dimensions, filter),
    async record(globalId) {
      // A caller the policy gives nothing is refused before the registry is even asked.
      const upfront = caller.role === 'subject' ? null : decide(policy, caller);
      if (upfront?.level === 'NONE') throw withheld(owner, `${owner}'s sharing policy releases no record to a ${who(caller)}`, upfront, { id: globalId });
      const record = await inner.record(globalId);
      if (record === null) return null;
      const release = upfront ?? releaseFor(caller, record);
      if (release.level === 'NONE') throw withheld(owner, `${owner}'s sharing policy releases no record to a ${who(caller)}`, release, { id: globalId });
      const copy = redact({ ...record }, release, nonNull);
      Object.defineProperty(copy, RELEASE_NOTE, { enumerable: false, value: { level: release.level, holder: { nationality: record.holderNationality, documentNumber: record.holderDocumentNumber } } satisfies ReleaseNote });
      return copy;
    },
    async locate(identities: HolderIdentity[], consistency?: Consistency): Promise<LocatedView[]> {
      const release = caller.role === 'subject' ? SUBJECT_RELEASE : decide(policy, caller);
      const allowed = (identity: HolderIdentity) => release.locate && (caller.role !== 'subject' || isSubjectOf(caller, identity));
      const asked = identities.filter(allowed);
      const located = new Map((asked.length > 0 ? await inner.locate(asked, consistency) : []).map((view) => [view.key, view]));
      return identities.map((identity) => {
        const key = identityKey(identity);
        if (allowed(identity)) return located.get(key)!;
        const why = caller.role === 'subject' ? 'a subject may look up only their own records' : `the sharing policy does not let a ${who(caller)} find a person's records by identity`;
        return { key, certificationIds: [], permitIds: [], sources: [], failures: [policyFailure(owner, why, caller.role === 'subject' ? SUBJECT_OTHERS : release)] };
      });
    },
    async check(ids) {
      // Whether a record number exists says nothing about a person; it is still refused to roles that see no record at all.
      const release = caller.role === 'subject' ? SUBJECT_RELEASE : decide(policy, caller);
      if (release.level !== 'NONE') return inner.check(ids);
      return ids.map((id) => ({ id, found: false, wellFormed: true, failure: policyFailure(owner, `the sharing policy releases no record to a ${who(caller)}`, release), nationalLevel: null, isco: null }));
    },
    accessHistory: () => inner.accessHistory(),
    async search(kind, question) {
      // Listing records by their facts names people nobody asked about by identity: the kit keeps it
      // to the owner's own labour inspectors, and the policy must let them find people's records in full.
      const release = decide(policy, caller);
      if (caller.role !== 'inspector' || caller.memberState !== owner) {
        throw withheld(owner, `${owner}'s records are searched only by ${owner}'s own labour inspectors, not by a ${who(caller)}`, { ...release, reason: 'kit: record search is for the owner\'s own inspectors' });
      }
      if (release.level !== 'FULL' || !release.locate) throw withheld(owner, `${owner}'s sharing policy does not let a ${who(caller)} search its records`, release);
      return inner.search(kind, question);
    },
  });

  return {
    name: 'owner-policy',
    bindSchema(schema: GraphQLSchema, recordTypes: string[]) {
      checkPolicyFields(policy, schema, recordTypes);
      const map = new Map<string, Set<string>>();
      for (const name of recordTypes) {
        const type = schema.getType(name);
        if (isObjectType(type)) map.set(name, new Set(Object.values(type.getFields()).filter((field) => isNonNullType(field.type)).map((field) => field.name)));
      }
      nonNull = map;
    },
    wrapRequest(access, context) {
      // Decided at each call from `context.caller`, so a caller set on the context after it was created is still seen.
      const current = (): RecordAccess => {
        if (context.caller) return guarded(access, context.caller);
        if (options.withoutCaller === 'release') return access;
        throw withheld(owner, `${owner} releases no record to a request without a verified caller`, { level: 'NONE', withhold: [], mask: {}, locate: false, reason: 'kit: no caller' });
      };
      return {
        code: access.code,
        record: async (globalId) => current().record(globalId),
        locate: async (identities, consistency) => current().locate(identities, consistency),
        // Counts of qualifications name no one; the owner's policy governs personal data only.
        qualifications: async (isco, levels, first) => access.qualifications(isco, levels, first),
        recordCounts: async (dimensions, filter) => access.recordCounts(dimensions, filter),
        check: async (ids) => current().check(ids),
        accessHistory: async () => current().accessHistory(),
        search: async (kind, question) => current().search(kind, question),
      };
    },
  };
}
