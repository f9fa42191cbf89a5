import { badUserInput } from '../errors/index.js';

/**
 * Global ids name their country and kind so that `node(id)` routes without a search:
 * `IDN:CERT:74101.2421.3.0004512.2023`, `MYS:PERMIT:PLKS2024JHR0098812`.
 * The native id is kept verbatim after the second colon (it may itself contain colons or slashes).
 */
export type RecordKind = 'CERT' | 'PERMIT';

export interface GlobalId {
  country: string;
  kind: RecordKind;
  nativeId: string;
}

const KINDS: readonly RecordKind[] = ['CERT', 'PERMIT'];

export function toGlobalId(country: string, kind: RecordKind, nativeId: string): string {
  return `${country}:${kind}:${nativeId}`;
}

/**
 * The native part is opaque (each registry writes its own numbers), so only what no registry
 * number can be is refused: nothing, control characters, or more than a record number could ever
 * need.
 */
export const MAX_NATIVE_ID_LENGTH = 128;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Parses a global id, or throws BAD_USER_INPUT naming `argument` (echoing at most a short prefix of what was sent). */
export function parseGlobalId(id: string, argument = 'id'): GlobalId {
  const match = /^([A-Z]{3}):([A-Z]+):(.+)$/s.exec(id);
  const shown = JSON.stringify(id.length > 64 ? `${id.slice(0, 64)}…` : id);
  if (!match || !KINDS.includes(match[2] as RecordKind)) {
    throw badUserInput(argument, `expected a global id like "IDN:CERT:<native id>" or "MYS:PERMIT:<native id>", got ${shown}`);
  }
  if (match[3].length > MAX_NATIVE_ID_LENGTH || CONTROL.test(match[3])) {
    throw badUserInput(argument, `expected a native id of at most ${MAX_NATIVE_ID_LENGTH} printable characters after "${match[1]}:${match[2]}:", got ${shown}`);
  }
  return { country: match[1], kind: match[2] as RecordKind, nativeId: match[3] };
}
