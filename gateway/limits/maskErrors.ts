// What of an error may reach a client. Errors Rantau raises on purpose carry a code from
// schema/errors/codes.ts and keep their message, cut: quoted values a client sent (a 900 KB
// argument once came back twice in one error) are cut to a short prefix, URLs are removed, the
// whole message is bounded, and only documented extensions survive (never a subgraph's URL,
// status or body, never a stack). Everything else, and every registry protocol error (whose
// detail quotes the registry's answer), becomes a generic message with an error id; the detail
// is logged under that id by platform/maskedErrors.ts.
import type { GraphQLFormattedError } from 'graphql';
import { errorCodes } from '../../schema/errors/index.js';
import { logInternalError } from '../../platform/maskedErrors.js';

/** Characters of a quoted value kept in a message. */
export const ECHO_CHARS = 24;
const MESSAGE_CHARS = 400;

/** Extensions a client may see; everything else a subgraph or library adds is dropped. */
const PUBLIC_EXTENSIONS = ['code', 'argument', 'country', 'registry', 'reason', 'retryAfterSeconds', 'required', 'estimatedRegistryCalls', 'limit', 'errorId', 'role', 'field', 'allowed', 'nationality'] as const;

/** Codes whose detail is for the server's log only. */
const DETAIL_IN_LOG_ONLY = new Set<string>(['INTERNAL_SERVER_ERROR', 'REGISTRY_PROTOCOL_ERROR']);

const cutQuoted = (message: string) =>
  message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) => (inner.length > ECHO_CHARS ? `"${inner.slice(0, ECHO_CHARS)}…"` : whole));

/** A message as a client may read it. */
export function publicMessage(message: string): string {
  // What is left where graphql-armor removed a field suggestion ("Did you mean …?").
  const cut = cutQuoted(message).replace(/\bhttps?:\/\/[^\s"')]+/g, '<service>').replace(/\s+\?$/, '');
  return cut.length > MESSAGE_CHARS ? `${cut.slice(0, MESSAGE_CHARS)}…` : cut;
}

function publicExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of PUBLIC_EXTENSIONS) {
    const value = extensions[key];
    if (value === undefined) continue;
    kept[key] = typeof value === 'string' ? publicMessage(value).slice(0, 64) : Array.isArray(value) ? value.slice(0, 10).map((v) => String(v).slice(0, 64)) : value;
  }
  return kept;
}

/** Apollo Server's `formatError` for the gateway. */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = (formatted.extensions ?? {}) as Record<string, unknown>;
  // Apollo Server refuses some requests with an HTTP 4xx and no code of their own (an unsupported
  // persisted-query version), which it then labels INTERNAL_SERVER_ERROR: they are the client's mistake.
  const status = (error as { extensions?: { http?: { status?: number } } } | null)?.extensions?.http?.status;
  const clientMistake = typeof status === 'number' && status >= 400 && status < 500;
  const given = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const code = given === 'INTERNAL_SERVER_ERROR' && clientMistake ? 'BAD_REQUEST' : given;
  const location = { ...(formatted.locations ? { locations: formatted.locations.slice(0, 5) } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (!(code in errorCodes) || DETAIL_IN_LOG_ONLY.has(code)) {
    const errorId = logInternalError('gateway', error ?? formatted.message, code);
    if (code === 'REGISTRY_PROTOCOL_ERROR') {
      const where = [extensions.country, extensions.registry].filter((v) => typeof v === 'string').join(' ');
      return {
        message: `The registry ${where} answered something its published specification does not allow (error id ${errorId}).`,
        ...location,
        extensions: { ...publicExtensions(extensions), errorId },
      };
    }
    return { message: `Internal server error (error id ${errorId}).`, ...location, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
  }
  return { message: publicMessage(formatted.message), ...location, extensions: publicExtensions({ ...extensions, code }) };
}
