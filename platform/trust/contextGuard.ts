// A subgraph's door: every GraphQL request (public fields, `_entities`, `_service`, the internal
// fields alike) must carry a caller context signed by an issuer it trusts, for this service and
// for this very request, not seen before. Anything else is answered 401 before GraphQL runs.
import { CALLER_HEADER, ContextRefused, requestBinding, type ContextVerifier } from './callerContext.js';
import { Refusal, type RequestGuard } from './admission.js';

export function contextGuard(verifier: ContextVerifier): RequestGuard {
  return async (request) => {
    try {
      const verified = await verifier.verify(request.headers.get(CALLER_HEADER), requestBinding(request.method, request.pathAndSearch, request.body));
      return { caller: verified.caller, context: { issuer: verified.issuer, jti: verified.jti, ...(verified.parent ? { parent: verified.parent } : {}) } };
    } catch (error) {
      if (!(error instanceof ContextRefused)) throw error;
      throw new Refusal(401, 'CALLER_CONTEXT_INVALID', `${verifier.audience} answers only Rantau's own services: ${error.message}`, { reason: error.reason });
    }
  };
}
