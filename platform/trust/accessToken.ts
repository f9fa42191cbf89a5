// Verifies a caller's OAuth 2 bearer token (a JWT from the authorisation server a member state's
// clients are registered with) and reads who is asking from its claims. The claims:
//   iss, aud, exp (nbf, iat)         checked, with a small clock skew
//   client_id | azp | sub            the client
//   member_state                     ISO 3166-1 alpha-3 of the member state the client acts for
//   role                             one of ROLES
//   purposes                         array (or space-separated string) of PURPOSES the token allows
//   act.sub                          the officer on whose behalf the client asks (RFC 8693)
//   worker                           role `subject` only: "<NAT>:<documentNumber>" the token is bound to
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { PURPOSES, ROLES, type Caller, type Purpose, type Role } from '../caller.js';
import { normalizeDocumentNumber } from '../../schema/ids/index.js';
import { isMemberStateCode } from './memberStates.js';
import type { KeySource } from './keySources.js';
import { ROLE_PURPOSES } from './roles.js';

/** Why a token was refused; the message is safe to show the caller (no claim values in it). */
export class TokenRefused extends Error {}

export interface AccessTokenOptions {
  keys: KeySource;
  /** Accepted `iss` values. */
  issuers: string[];
  audience: string;
  clockSkewS: number;
}

export interface VerifiedToken {
  /** The Caller without the per-request fields (purpose, request id). */
  caller: Omit<Caller, 'purpose' | 'requestId'>;
  expiresAt: number;
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function purposesClaim(value: unknown): Purpose[] {
  const list = typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : Array.isArray(value) ? value : [];
  const unknown = list.filter((p) => !(PURPOSES as readonly unknown[]).includes(p));
  if (unknown.length > 0) throw new TokenRefused(`the token's purposes claim names a purpose outside ${PURPOSES.join(', ')}`);
  return [...new Set(list as Purpose[])];
}

/** `IDN:C4812290` → the identity a subject token is bound to (document number normalised as lookups are). */
export function parseWorkerClaim(value: string): { nationality: string; documentNumber: string } {
  const match = /^([A-Z]{3}):(.+)$/.exec(value);
  if (!match) throw new TokenRefused('the token\'s worker claim must read "<NAT>:<documentNumber>"');
  return { nationality: match[1], documentNumber: normalizeDocumentNumber(match[2]) };
}

export function callerFromClaims(payload: JWTPayload): VerifiedToken['caller'] {
  const client = stringClaim(payload, 'client_id') ?? stringClaim(payload, 'azp') ?? payload.sub;
  if (!client) throw new TokenRefused('the token names no client (client_id, azp or sub)');
  const memberState = stringClaim(payload, 'member_state');
  if (!memberState || !isMemberStateCode(memberState)) throw new TokenRefused('the token\'s member_state claim must be the ISO 3166-1 alpha-3 code of an ASEAN member state');
  const role = stringClaim(payload, 'role');
  if (!role || !(ROLES as readonly string[]).includes(role)) throw new TokenRefused(`the token's role claim must be one of ${ROLES.join(', ')}`);
  const allowed = ROLE_PURPOSES[role as Role];
  const purposes = purposesClaim(payload.purposes).filter((p) => allowed.includes(p));
  const act = payload.act as { sub?: unknown } | undefined;
  const officer = act && typeof act.sub === 'string' && act.sub !== '' ? act.sub : null;
  const worker = stringClaim(payload, 'worker');
  if (role === 'subject' && !worker) throw new TokenRefused('a subject token must carry the worker claim "<NAT>:<documentNumber>"');
  return {
    client,
    memberState,
    role: role as Role,
    purposes,
    officer,
    subject: role === 'subject' && worker ? parseWorkerClaim(worker) : null,
  };
}

export class AccessTokenVerifier {
  constructor(private readonly options: AccessTokenOptions) {}

  /** The token's caller, or TokenRefused saying why (expired, wrong issuer or audience, bad signature, bad claims). */
  async verify(token: string): Promise<VerifiedToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.options.keys, {
        issuer: this.options.issuers,
        audience: this.options.audience,
        clockTolerance: this.options.clockSkewS,
        requiredClaims: ['exp'],
        algorithms: ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'],
      }));
    } catch (error) {
      throw new TokenRefused(refusal(error));
    }
    return { caller: callerFromClaims(payload), expiresAt: payload.exp! };
  }
}

function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted here`;
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with a key this gateway does not know';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token\'s signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token\'s signing algorithm is not accepted';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError && error.code === 'ERR_JWKS_INVALID') return 'the authorisation server\'s keys could not be read';
  return 'the bearer token is not a valid JWT';
}

export const newRequestId = (): string => randomUUID();
