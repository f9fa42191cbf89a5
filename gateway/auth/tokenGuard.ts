// The gateway's door: reads `Authorization: Bearer <JWT>` and `Rantau-Purpose` on every GraphQL
// request. No token: the caller is anonymous (public fields only; accessPlugin.ts refuses the
// rest). A token that does not verify: 401 UNAUTHENTICATED at once, whatever was asked.
import type { Caller, Purpose } from '../../platform/caller.js';
import { Refusal, type RequestGuard } from '../../platform/trust/admission.js';
import { TokenRefused, newRequestId, type AccessTokenVerifier, type VerifiedToken } from '../../platform/trust/accessToken.js';

export const PURPOSE_HEADER = 'rantau-purpose';
const CHALLENGE = 'Bearer realm="rantau"';

/**
 * Verified tokens, for their lifetime: a client sends the same token with every request, and
 * one signature check per token (not per request) keeps authentication off the warm path.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, VerifiedToken>();
  constructor(private readonly maxEntries = 10_000) {}

  get(token: string): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (entry && entry.expiresAt * 1000 <= Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry;
  }

  set(token: string, verified: VerifiedToken): void {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, verified);
  }
}

export function tokenGuard(verifier: AccessTokenVerifier): RequestGuard {
  const verified = new VerifiedTokens();
  return async ({ headers }) => {
    const declaredPurpose = headers.get(PURPOSE_HEADER)?.trim() || undefined;
    const authorization = headers.get('authorization');
    if (!authorization) return { caller: null, ...(declaredPurpose ? { declaredPurpose } : {}) };
    const token = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim())?.[1];
    if (!token) throw new Refusal(401, 'UNAUTHENTICATED', 'The Authorization header must read "Bearer <token>".', {}, { 'www-authenticate': CHALLENGE });
    let known = verified.get(token);
    if (!known) {
      try {
        known = await verifier.verify(token);
      } catch (error) {
        if (!(error instanceof TokenRefused)) throw error;
        throw new Refusal(401, 'UNAUTHENTICATED', `The bearer token was refused: ${error.message}.`, {}, { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` });
      }
      verified.set(token, known);
    }
    const purpose = declaredPurpose && (known.caller.purposes as string[]).includes(declaredPurpose) ? (declaredPurpose as Purpose) : null;
    const caller: Caller = { ...known.caller, purpose, requestId: newRequestId() };
    return { caller, ...(declaredPurpose ? { declaredPurpose } : {}) };
  };
}
