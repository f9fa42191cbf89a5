// Who is asking, as every Rantau service sees it once the gateway has verified the caller's token.
// The gateway builds a Caller from the bearer JWT and the `Rantau-Purpose` header, and forwards it
// to the subgraphs as a short-lived signed context; each subgraph verifies that context and hands
// the Caller to its policy, audit, limits and metrics. Nothing here is personal data except
// `subject`, which is only ever compared (as a keyed HMAC in the audit), never logged.

/** What a caller is entitled to do (docs/security.md describes each). */
export const ROLES = ['verifier', 'case-officer', 'inspector', 'analyst', 'subject', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Why personal data is asked for: declared per request in `Rantau-Purpose`, allowed per token. */
export const PURPOSES = ['PERMIT_APPLICATION', 'SKILLS_RECOGNITION', 'LABOUR_INSPECTION', 'WORKER_REQUEST'] as const;
export type Purpose = (typeof PURPOSES)[number];

export interface Caller {
  /** The OAuth client that holds the token (`client_id`, else `azp`, else `sub`). */
  client: string;
  /** ISO 3166-1 alpha-3 of the member state the client acts for. */
  memberState: string;
  role: Role;
  /** Purposes the token allows. */
  purposes: Purpose[];
  /** The purpose this request declared, when it declared one the token allows. */
  purpose: Purpose | null;
  /** The officer on whose behalf the client asks (RFC 8693 `act.sub`), when the token names one. */
  officer: string | null;
  /** For role `subject` only: the one identity the token is bound to. */
  subject: { nationality: string; documentNumber: string } | null;
  /** Id of the incoming request, the same in every service's log and audit line. */
  requestId: string;
}

/**
 * What an owner's policy decides by: the caller's role, member state and declared purpose, and for
 * a subject the identity the token is bound to. Two callers with the same entitlement are shown
 * the same thing, so a cached answer (the gateway's response cache, the regional locator cache) is
 * reused only between them. Personal for a subject: only ever hashed into a key, never stored.
 */
export function entitlement(caller: Caller): string {
  const subject = caller.subject ? `${caller.subject.nationality}:${caller.subject.documentNumber}` : '';
  return JSON.stringify([caller.role, caller.memberState, caller.purpose, subject]);
}
