// Internal errors as a client sees them and as the server logs them. A client gets a generic
// message and an id; the server's log has the same id with the detail, so an operator can find
// it. The log line is scrubbed of what could be personal data: quoted values and long tokens
// with digits (document numbers, record ids) are elided, and it is cut to a bounded length.
import { randomUUID } from 'node:crypto';

const LOG_MESSAGE_CHARS = 500;
const LOG_STACK_FRAMES = 8;

/** Quoted values and digit-bearing tokens of six or more characters, except IPv4 addresses. */
export function scrubForLog(text: string): string {
  return text
    .slice(0, LOG_MESSAGE_CHARS)
    .replace(/"(?:[^"\\]|\\.)*"?/g, '"…"')
    .replace(/\b(?=[\w.:-]*\d)[\w.:-]{6,}\b/g, (token) => (/^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(token) ? token : '…'));
}

/** Logs `detail` under a fresh id (one JSON line on stderr) and returns the id. */
export function logInternalError(service: string, detail: unknown, code = 'INTERNAL_SERVER_ERROR'): string {
  const errorId = randomUUID();
  const error = detail instanceof Error ? detail : null;
  const message = error ? error.message : typeof detail === 'string' ? detail : JSON.stringify(detail) ?? String(detail);
  const frames = (error?.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, LOG_STACK_FRAMES).map((line) => line.trim());
  console.error(JSON.stringify({ level: 'error', service, errorId, code, error: error?.name ?? typeof detail, message: scrubForLog(message), stack: frames }));
  return errorId;
}

/** What a client sees of an internal error. */
export function internalErrorBody(errorId: string) {
  return { message: `Internal server error (error id ${errorId}).`, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } };
}

/**
 * A logger for Apollo Server and Apollo Gateway whose lines are bounded and scrubbed like the
 * masked errors': their messages can quote what a client sent (an operation, a name, a value).
 */
export function boundedLogger(service: string) {
  const line = (level: string) => (message: unknown) => console.error(JSON.stringify({ level, service, message: scrubForLog(String(message)) }));
  return { debug: () => undefined, info: () => undefined, warn: line('warn'), error: line('error') };
}
