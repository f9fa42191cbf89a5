import { CALLER_HEADER, type ContextClaims, type ContextIssuer, type ContextSigner, type ContextVerifier, type VerifiedContext } from '../../platform/trust/callerContext.js';
import type { AccessTokenVerifier, VerifiedToken } from '../../platform/trust/accessToken.js';
import { callerFromClaims } from '../../platform/trust/accessToken.js';
import type { CountryPlugin } from '../../subgraphs/kit/plugins/plugin.js';

/**
 * The benchmark's trust-off build, for one measurement only: what authentication, signed caller
 * contexts, the owner's policy and the audit cost on the warm path (issue #10's "cost of trust").
 * It lives here, in bench/, and nowhere in the product: no setting, flag or launcher of Rantau can
 * turn trust off. The benchmark hands these stand-ins to the same gateway and subgraph code that
 * `npm run service` runs, in processes of their own that no other system shares:
 *   - callers: the token's claims are read, not verified (no signature, issuer or expiry check);
 *   - caller contexts: the caller travels as plain JSON, neither signed nor verified nor bound to
 *     its request, and no replay memory is kept;
 *   - the owner's policy, the verifier's field limit and the audit trail are left out of every
 *     country subgraph's plugins (answers are then as the records are, unmasked), and the
 *     gateway writes no audit chain of its own.
 * The gateway's access checks on role and purpose stay: they decide what is asked, not who asks.
 */
export const TRUST_PLUGINS: ReadonlySet<string> = new Set(['verifier-fields', 'owner-policy', 'audit-trail']);

export function withoutTrustPlugins(plugins: CountryPlugin[]): CountryPlugin[] {
  return plugins.filter((plugin) => !TRUST_PLUGINS.has(plugin.name));
}

/** Reads the bearer token's claims without verifying anything. */
export function unverifiedTokens(): AccessTokenVerifier {
  const read = async (token: string): Promise<VerifiedToken> => {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return { caller: callerFromClaims(payload), expiresAt: payload.exp };
  };
  return { verify: read } as unknown as AccessTokenVerifier;
}

function plainContext(issuer: ContextIssuer, claims: ContextClaims): string {
  return Buffer.from(JSON.stringify({ iss: issuer, caller: claims.caller, parent: claims.parent ?? null })).toString('base64url');
}

/** Sends the caller as plain JSON in the caller-context header: no signature, no request binding. */
export function unsignedContexts(issuer: ContextIssuer): ContextSigner {
  return {
    issuer,
    sign: async (claims: ContextClaims) => plainContext(issuer, claims),
    headerFor: async (claims: ContextClaims) => ({ [CALLER_HEADER]: plainContext(issuer, claims) }),
  } as unknown as ContextSigner;
}

/** Accepts any plain context from unsignedContexts(); refuses nothing but a missing one. */
export function unverifiedContexts(audience: string): ContextVerifier {
  let counter = 0;
  return {
    audience,
    verify: async (header: string | undefined): Promise<VerifiedContext> => {
      if (!header) throw new Error('missing caller context');
      const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { iss: ContextIssuer; caller: VerifiedContext['caller']; parent: string | null };
      counter += 1;
      return { issuer: parsed.iss, jti: `trust-off-${counter}`, caller: parsed.caller, ...(parsed.parent ? { parent: parsed.parent } : {}) };
    },
  } as unknown as ContextVerifier;
}
