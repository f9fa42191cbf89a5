// The signed caller context that travels with every call between Rantau's services. The gateway
// verifies the caller's token once and forwards who is asking as a short-lived JWS (ES256) in the
// `Rantau-Caller` header; the regional subgraph forwards it to the country subgraphs re-signed with
// its own key. Each context is bound to exactly one request:
//   aud  the service it is for (`regional`, `idn`, …)
//   bh   SHA-256 of the request line and body it goes with (method, path and query, body bytes)
//   jti  used once (ReplayGuard), exp a few seconds away
// A subgraph holds only the signers' public keys and refuses every request without a valid one.
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';
import { PURPOSES, ROLES, type Caller } from '../caller.js';
import { SIGNING_ALG, type SigningKey } from './keys.js';
import type { KeySource } from './keySources.js';
import { ReplayGuard } from './replayGuard.js';

export const CALLER_HEADER = 'rantau-caller';
const TYPE = 'rantau-caller+jwt';

/** The issuers of caller contexts: the gateway, and the regional subgraph on its calls to countries. */
export type ContextIssuer = 'rantau-gateway' | 'rantau-regional';

/** SHA-256 over what the request will carry: `POST /graphql\n<body>`. */
export function requestBinding(method: string, pathAndSearch: string, body: string): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${pathAndSearch}\n`).update(body).digest('base64url');
}

export interface ContextClaims {
  /** Who is asking; null for an anonymous caller (public fields only). */
  caller: Caller | null;
  /** The context this one was made from (the gateway's `jti` on a regional → country call), for the audit. */
  parent?: string;
}

export class ContextSigner {
  constructor(
    readonly issuer: ContextIssuer,
    private readonly key: SigningKey,
    private readonly lifetimeS: number,
  ) {}

  async sign(claims: ContextClaims, audience: string, binding: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ caller: claims.caller, ...(claims.parent ? { parent: claims.parent } : {}), bh: binding } as unknown as JWTPayload)
      .setProtectedHeader({ alg: SIGNING_ALG, kid: this.key.kid, typ: TYPE })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + this.lifetimeS)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
  }

  /** Signs for a request to `url` with this body: the header to send. */
  async headerFor(claims: ContextClaims, audience: string, url: string, body: string, method = 'POST'): Promise<Record<string, string>> {
    const { pathname, search } = new URL(url);
    return { [CALLER_HEADER]: await this.sign(claims, audience, requestBinding(method, pathname + search, body)) };
  }
}

/** Why a context was refused; the reason is a word from a fixed list, for the caller and the metrics. */
export class ContextRefused extends Error {
  constructor(readonly reason: 'missing' | 'expired' | 'untrusted' | 'malformed' | 'replayed' | 'wrong-audience' | 'wrong-request') {
    super(`the request carries no valid caller context (${reason})`);
  }
}

export interface VerifiedContext extends ContextClaims {
  issuer: ContextIssuer;
  jti: string;
}

function isCaller(value: unknown): value is Caller {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.client === 'string' &&
    typeof c.memberState === 'string' &&
    (ROLES as readonly unknown[]).includes(c.role) &&
    Array.isArray(c.purposes) &&
    c.purposes.every((p) => (PURPOSES as readonly unknown[]).includes(p)) &&
    (c.purpose === null || (PURPOSES as readonly unknown[]).includes(c.purpose)) &&
    (c.officer === null || typeof c.officer === 'string') &&
    (c.subject === null || (typeof c.subject === 'object' && typeof (c.subject as Record<string, unknown>).documentNumber === 'string')) &&
    typeof c.requestId === 'string'
  );
}

export interface ContextVerifierOptions {
  /** This service's name, the only audience it accepts. */
  audience: string;
  /** The public keys of each issuer this service trusts (a country trusts the gateway and the regional subgraph). */
  trusted: Partial<Record<ContextIssuer, KeySource>>;
  clockSkewS?: number;
}

export class ContextVerifier {
  private readonly replays = new ReplayGuard();
  private readonly clockSkewS: number;

  constructor(private readonly options: ContextVerifierOptions) {
    this.clockSkewS = options.clockSkewS ?? 5;
  }

  get audience(): string {
    return this.options.audience;
  }

  async verify(header: string | undefined, binding: string): Promise<VerifiedContext> {
    if (!header) throw new ContextRefused('missing');
    let payload: JWTPayload;
    let issuer: ContextIssuer;
    try {
      const unverifiedIssuer = JSON.parse(Buffer.from(header.split('.')[1] ?? '', 'base64url').toString('utf8')).iss as ContextIssuer;
      const keys = this.options.trusted[unverifiedIssuer];
      if (!keys || !Object.hasOwn(this.options.trusted, unverifiedIssuer)) throw new ContextRefused('untrusted');
      issuer = unverifiedIssuer;
      ({ payload } = await jwtVerify(header, keys, { issuer, typ: TYPE, algorithms: [SIGNING_ALG], clockTolerance: this.clockSkewS, requiredClaims: ['exp', 'jti', 'aud'] }));
    } catch (error) {
      if (error instanceof ContextRefused) throw error;
      if (error instanceof errors.JWTExpired) throw new ContextRefused('expired');
      if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) throw new ContextRefused('untrusted');
      throw new ContextRefused('malformed');
    }
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(this.options.audience)) throw new ContextRefused('wrong-audience');
    if (payload.bh !== binding) throw new ContextRefused('wrong-request');
    const caller = payload.caller;
    if (caller !== null && !isCaller(caller)) throw new ContextRefused('malformed');
    if (!this.replays.firstUse(payload.jti!, (payload.exp! + this.clockSkewS) * 1000)) throw new ContextRefused('replayed');
    return { issuer, jti: payload.jti!, caller: caller as Caller | null, ...(typeof payload.parent === 'string' ? { parent: payload.parent } : {}) };
  }
}
