// Cursors of record search: opaque to callers, base64url of the position of a record in the
// search order (country, kind, registry, native id) and a digest of the question it answered.
// A page starts strictly after that position, so a cursor stays valid while records are added
// or removed (keyset pagination); a cursor of another question (another filter, kind or member
// state) is refused rather than silently applied to this one.
import { createHash } from 'node:crypto';
import { badUserInput } from '../../../schema/errors/index.js';
import { MAX_NATIVE_ID_LENGTH, type RecordKind } from '../../../schema/ids/index.js';
import type { RecordPosition, RecordSearchFilter } from '../../kit/index/recordSearch.js';

const VERSION = 'r1';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Longer than any cursor this module writes (a record number is at most MAX_NATIVE_ID_LENGTH characters). */
const MAX_CURSOR_CHARS = 512;

export interface SearchQuestionKey {
  country: string;
  kind: RecordKind;
  /** `filterDigest` of the normalised filter. */
  digest: string;
}

/** One question, one digest: the filter as `checkSearchFilter` normalised it, with the kind and the member state. */
export function filterDigest(country: string, kind: RecordKind, filter: RecordSearchFilter): string {
  return createHash('sha256').update(JSON.stringify([country, kind, filter])).digest('base64url').slice(0, 22);
}

export function encodeCursor(key: SearchQuestionKey, position: RecordPosition): string {
  return Buffer.from(JSON.stringify([VERSION, key.country, key.kind, position.registry, position.nativeId, key.digest]), 'utf8').toString('base64url');
}

/** The position a cursor names, for this question; BAD_USER_INPUT (argument `after`) for anything else. Never echoes the cursor. */
export function decodeCursor(cursor: string, key: SearchQuestionKey): RecordPosition {
  const malformed = () => badUserInput('after', 'expected a cursor from a previous page of this search (edges.cursor or pageInfo.endCursor), got something else');
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed();
  }
  if (!Array.isArray(parts) || parts.length !== 6 || parts.some((part) => typeof part !== 'string') || parts[0] !== VERSION) throw malformed();
  const [, country, kind, registry, nativeId, digest] = parts as string[];
  // Only what this module could have written: no empty part, nothing longer than a record number, no control character (PostgreSQL refuses NUL in text).
  if ([registry, nativeId].some((part) => part === '' || part.length > MAX_NATIVE_ID_LENGTH || CONTROL.test(part))) throw malformed();
  if (country !== key.country) throw badUserInput('after', `expected a cursor of a search of ${key.country}'s records, got one of another member state's`);
  if (kind !== key.kind || digest !== key.digest) throw badUserInput('after', 'expected a cursor of this search; this one belongs to a search with another filter (start again without `after`)');
  return { registry, nativeId };
}
