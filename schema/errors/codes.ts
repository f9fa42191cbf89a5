/**
 * Every error code Rantau can put in `extensions.code`, with what it means to a caller.
 * This list is the single source: `docs/errors.md` is generated from it (`npm run docs:errors`).
 */
export const errorCodes = {
  BAD_USER_INPUT: {
    description: 'An argument is malformed: an unknown country code, a document number with forbidden characters, a global id that names no country or kind. `extensions.argument` names the argument.',
  },
  NOT_FOUND: {
    description: 'The registry answered that the record does not exist. Lookups by identity answer `null` instead of this error.',
  },
  REGISTRY_UNAVAILABLE: {
    description: 'A national registry did not answer in time, answered 5xx, or dropped the connection (after one retry), or has failed so often that calls to it are suspended for a while (`reason: circuit_open`, with `retryAfterSeconds`). The rest of the answer is still given; `extensions.country` and `extensions.registry` name the registry, `extensions.reason` says what happened (`timeout`, `connection`, `http-5xx`, `circuit_open`).',
  },
  REGISTRY_RATE_LIMITED: {
    description: "A national registry answered 429 and its Retry-After did not fit the request's time budget, or every replica together has used the registry's published rate for longer than the budget (`reason: paced`). `extensions.retryAfterSeconds` carries the hint.",
  },
  REGISTRY_PROTOCOL_ERROR: {
    description: 'A registry answered something its published specification does not allow (an unknown country name, a batch that lost records, an unparseable date). The adapter refuses to guess.',
  },
  RECORD_UNREADABLE: {
    description: 'A registry returned a record that could not be read (a value its specification does not allow, or a broken shape). Only that record is left out: the rest of the answer is served. `extensions.country`, `extensions.registry` and `extensions.nativeId` name it; `extensions.reason` says what was wrong.',
  },
  NATIONALITY_NOT_EXPRESSIBLE: {
    description: "The registry names nationalities in its own vocabulary and Rantau knows no word in it for the nationality asked, so that registry was not asked (never a silent empty answer). `extensions.nationality` names the nationality; the other registries still answer.",
  },
  IDENTITY_ATTRIBUTES_REQUIRED: {
    description: 'The registry will not match a person on the attributes given; `extensions.required` lists what it needs (for example `dateOfBirth`).',
  },
  INDEX_UNAVAILABLE: {
    description: "A question only the country index answers (the qualifications a country certifies, an inspector's record search) was asked of a country that keeps no index of that registry yet: its first full pass has not completed, the registry publishes no bulk interface, the index is switched off, or Rantau serves no subgraph of that member state. `extensions.country` names it.",
  },
  SUBGRAPH_UNAVAILABLE: {
    description: "A country's subgraph could not be reached from the regional subgraph. `extensions.country` names it.",
  },
  UNAUTHENTICATED: {
    description: 'The request asks for personal data without a bearer token, or its token was refused (expired, another issuer or audience, a key the gateway does not know, a bad signature, claims that are missing or malformed). HTTP 401; the message says which, never a claim value.',
  },
  FORBIDDEN: {
    description: "The caller's role may not ask for this field: an `analyst` asks for a worker, a `verifier` for a worker or for fields beyond statuses, a `subject` for someone else. HTTP 403; `extensions.field` names the field, `extensions.role` the role.",
  },
  PURPOSE_REQUIRED: {
    description: 'A personal-data request did not declare its purpose in the `Rantau-Purpose` header. HTTP 400; `extensions.allowed` lists the purposes the token allows.',
  },
  PURPOSE_NOT_ALLOWED: {
    description: "The `Rantau-Purpose` header names a purpose outside the fixed vocabulary, or one the caller's token (or role) does not allow. HTTP 403; `extensions.allowed` lists the purposes the token allows.",
  },
  CALLER_CONTEXT_INVALID: {
    description: "A subgraph refused a request that carries no valid signed caller context (`Rantau-Caller`): missing, expired, signed by a key it does not trust, made for another service or another request, or already used. HTTP 401; `extensions.reason` says which. Subgraphs answer only the gateway (and countries the regional subgraph), never a caller directly.",
  },
  OPERATOR_CREDENTIAL_REQUIRED: {
    description: "A simulated registry's control endpoint (`/__sim/*`) was called without the operator credential the stack was started with. HTTP 401.",
  },
  BAD_REQUEST: {
    description: 'The HTTP request itself is wrong: a body that is not JSON, a body larger than `MAX_BODY_BYTES` (HTTP 413), a document larger than `GRAPHQL_MAX_DOCUMENT_CHARS`, a malformed persisted-query hash, or a mutation or subscription (Rantau only answers queries; HTTP 400).',
  },
  GRAPHQL_PARSE_FAILED: {
    description: 'The document is not valid GraphQL syntax, or has more tokens than `GRAPHQL_MAX_TOKENS`.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    description: 'The document does not fit the schema, or exceeds a limit: depth (`GRAPHQL_MAX_DEPTH`), aliases (`GRAPHQL_MAX_ALIASES`), directives (`GRAPHQL_MAX_DIRECTIVES`), or introspection when it is off (`GRAPHQL_INTROSPECTION`).',
  },
  OPERATION_RESOLUTION_FAILURE: {
    description: 'The request names an operation the document does not contain, or the document holds several operations and the request names none.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    description: 'An automatic persisted query whose hash the gateway does not know (yet): send the query text with the hash once.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    description: 'Automatic persisted queries are off on this gateway (`RESOLVERS=naive`).',
  },
  OPERATION_TOO_EXPENSIVE: {
    description: 'The operation could cause more registry calls than `REGISTRY_CALL_BUDGET` allows, estimated before it runs from the registries\' batch limits. `extensions.estimatedRegistryCalls` and `extensions.limit` give both numbers; ask for fewer workers or ids per operation.',
  },
  RATE_LIMITED: {
    description: 'This caller sent more requests than `RATE_LIMIT_REQUESTS` per `RATE_LIMIT_WINDOW_S`, or caused more registry calls than `REGISTRY_CALL_QUOTA` per `REGISTRY_CALL_QUOTA_WINDOW_S`. HTTP 429 with `Retry-After`; `extensions.retryAfterSeconds` says the same.',
  },
  POLICY_WITHHELD: {
    description: "The owning member state's sharing policy does not release this to the caller (its member state, role and declared purpose): a record (NONE), a field (`extensions.field`), or a search by identity. `extensions.country` names the owner and `extensions.policy` the rule that decided. Nothing withheld leaves the owner's subgraph.",
  },
  AUDIT_UNAVAILABLE: {
    description: 'The audit log could not record this personal-data access, so the answer is refused (fail closed): no personal data leaves without its audit entry. Retry later.',
  },
  INTERNAL_SERVER_ERROR: {
    description: 'A fault inside Rantau, or in a service behind the gateway. The message is generic; `extensions.errorId` is the id under which the server logged the details, never sent in the response.',
  },
} as const satisfies Record<string, { description: string }>;

export type ErrorCode = keyof typeof errorCodes;
