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
    description: "A question only the country index answers (the qualifications a country certifies) was asked of a country that keeps no index of that registry yet: its first full pass has not completed, or the index is switched off. `extensions.country` names it.",
  },
  SUBGRAPH_UNAVAILABLE: {
    description: "A country's subgraph could not be reached from the regional subgraph. `extensions.country` names it.",
  },
  INTERNAL_SERVER_ERROR: {
    description: 'A fault inside Rantau. The message is generic; details are in the server log, never in the response.',
  },
} as const satisfies Record<string, { description: string }>;

export type ErrorCode = keyof typeof errorCodes;
