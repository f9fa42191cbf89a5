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
    description: 'A national registry did not answer in time, answered 5xx, or dropped the connection (after one retry). The rest of the answer is still given; `extensions.country` and `extensions.registry` name the registry, `extensions.reason` says what happened.',
  },
  REGISTRY_RATE_LIMITED: {
    description: "A national registry answered 429 and its Retry-After did not fit the request's time budget. `extensions.retryAfterSeconds` carries the registry's hint.",
  },
  REGISTRY_PROTOCOL_ERROR: {
    description: 'A registry answered something its published specification does not allow (an unknown country name, a batch that lost records, an unparseable date). The adapter refuses to guess.',
  },
  IDENTITY_ATTRIBUTES_REQUIRED: {
    description: 'The registry will not match a person on the attributes given; `extensions.required` lists what it needs (for example `dateOfBirth`).',
  },
  SUBGRAPH_UNAVAILABLE: {
    description: "A country's subgraph could not be reached from the regional subgraph. `extensions.country` names it.",
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
  INTERNAL_SERVER_ERROR: {
    description: 'A fault inside Rantau, or in a service behind the gateway. The message is generic; `extensions.errorId` is the id under which the server logged the details, never sent in the response.',
  },
} as const satisfies Record<string, { description: string }>;

export type ErrorCode = keyof typeof errorCodes;
