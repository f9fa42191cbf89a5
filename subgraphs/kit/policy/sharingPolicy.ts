// A member state's sharing policy: data in its own folder (`subgraphs/<cc>/policy.json`), checked
// once and loudly at start against policy.schema.json and against the country's GraphQL types, and
// read per request to decide what one caller may see of the owner's records. The roles' fixed
// limits (a subject sees only their own records, an analyst or operator no personal record, a
// verifier at most VERIFY) are the kit's and no policy can widen them.
import { readFileSync } from 'node:fs';
import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import { Ajv } from 'ajv';
import type { Caller, Purpose, Role } from '../../../platform/caller.js';
import type { MaskName } from './masks.js';
import schema from './policy.schema.json' with { type: 'json' };

export type PolicyLevel = 'FULL' | 'VERIFY' | 'NONE';

export interface PolicyRule {
  memberStates: string[];
  roles: Extract<Role, 'case-officer' | 'inspector' | 'verifier'>[];
  purposes: Array<Purpose | '*'>;
  level: PolicyLevel;
  withhold?: string[];
  mask?: Record<string, MaskName>;
  locate?: boolean;
  why?: string;
}

export interface SharingPolicy {
  country: string;
  description?: string;
  sources?: string[];
  rules: PolicyRule[];
}

/**
 * What a VERIFY caller receives: whether the record exists and is valid, and what it certifies —
 * statuses, validity dates, AQRF level, the record's id, country and title — never a name, an
 * employer, a document number or a country's own extras.
 */
export const VERIFY_FIELDS: ReadonlySet<string> = new Set([
  '__typename', 'id', 'country', 'registry', 'nativeId', 'title', 'qualificationCode', 'nationalLevel',
  'aqrfLevel', 'aqrfBasis', 'aqrfDerivation', 'status', 'nativeStatus', 'issuedOn', 'validFrom', 'validUntil',
  'permitClass', 'nativeType', 'occupation', 'retrievedAt', 'stale',
]);

/** What one caller may see of one owner's records, as decided for a request. */
export interface Release {
  level: PolicyLevel | 'SUBJECT';
  /** Fields withheld on top of the level (paths `employer` or `employer.registrationNumber`). */
  withhold: readonly string[];
  mask: Readonly<Record<string, MaskName>>;
  /** Whether the caller may find a person's records by identity. */
  locate: boolean;
  /** The rule that decided, for errors and the audit (`kit: …` for the roles' fixed limits). */
  reason: string;
}

const NONE = (reason: string): Release => ({ level: 'NONE', withhold: [], mask: {}, locate: false, reason });

const validate = new Ajv({ allErrors: true }).compile<SharingPolicy>(schema);

/** Reads and checks a policy file; throws naming the file and every problem. */
export function readSharingPolicy(path: string, owner: string): SharingPolicy {
  let policy: unknown;
  try {
    policy = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not a readable JSON sharing policy (${(error as Error).message})`);
  }
  if (!validate(policy)) throw new Error(`${path}: invalid sharing policy: ${validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`);
  if (policy.country !== owner) throw new Error(`${path}: the policy is for ${policy.country}, expected ${owner}`);
  return policy;
}

/** Fails loudly when a policy names a field that none of the country's record types has. */
export function checkPolicyFields(policy: SharingPolicy, schema: GraphQLSchema, typeNames: string[]): void {
  const types = typeNames.map((name) => schema.getType(name)).filter(isObjectType);
  const has = (path: string) =>
    types.some((type) => {
      const [head, tail] = path.split('.');
      const field = type.getFields()[head];
      if (!field || tail === undefined) return Boolean(field);
      const inner = isNonNullType(field.type) ? field.type.ofType : field.type;
      return isObjectType(inner) && Boolean(inner.getFields()[tail]);
    });
  const problems = policy.rules.flatMap((rule, i) => [...(rule.withhold ?? []), ...Object.keys(rule.mask ?? {})].filter((path) => !has(path)).map((path) => `rules[${i}] names "${path}", which no ${policy.country} record has`));
  if (problems.length > 0) throw new Error(`${policy.country} sharing policy: ${problems.join('; ')}`);
}

function matches(rule: PolicyRule, caller: Caller, owner: string): boolean {
  const memberState = rule.memberStates.some((ms) => ms === '*' || ms === caller.memberState || (ms === 'OWN' && caller.memberState === owner));
  if (!memberState || !(rule.roles as string[]).includes(caller.role)) return false;
  // Personal data needs a declared purpose the token allows; a rule for any purpose still needs one unless it releases no more than VERIFY.
  const purpose = caller.purpose !== null && caller.purposes.includes(caller.purpose) ? caller.purpose : null;
  if (purpose === null) return rule.purposes.includes('*') && rule.level !== 'FULL';
  return rule.purposes.includes('*') || rule.purposes.includes(purpose);
}

/** The release for a caller who is not the record's subject (subjects are decided per record, see `forSubject`). */
export function decide(policy: SharingPolicy, caller: Caller): Release {
  switch (caller.role) {
    case 'analyst':
      return NONE('kit: an analyst sees statistics only, never a personal record');
    case 'operator':
      return NONE('kit: an operator runs the system and sees no personal record');
    case 'subject':
      return NONE('kit: a subject sees only their own records');
  }
  const index = policy.rules.findIndex((rule) => matches(rule, caller, policy.country));
  if (index < 0) return NONE(`${policy.country} policy: no rule for ${caller.role} of ${caller.memberState} for ${caller.purpose ?? 'no declared purpose'}`);
  const rule = policy.rules[index];
  const level = caller.role === 'verifier' && rule.level === 'FULL' ? 'VERIFY' : rule.level;
  return { level, withhold: rule.withhold ?? [], mask: rule.mask ?? {}, locate: level !== 'NONE' && (rule.locate ?? level === 'FULL'), reason: `${policy.country} policy rules[${index}]` };
}

/** A subject's own records, in full: every member state's law gives a person access to their own data. */
export const SUBJECT_RELEASE: Release = { level: 'SUBJECT', withhold: [], mask: {}, locate: true, reason: 'kit: the subject\'s own record' };
export const SUBJECT_OTHERS: Release = NONE('kit: a subject sees only their own records');
