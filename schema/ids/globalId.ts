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

/** Parses a global id, or throws BAD_USER_INPUT naming `argument`. */
export function parseGlobalId(id: string, argument = 'id'): GlobalId {
  const match = /^([A-Z]{3}):([A-Z]+):(.+)$/.exec(id);
  if (!match || !KINDS.includes(match[2] as RecordKind)) {
    throw badUserInput(argument, `expected a global id like "IDN:CERT:<native id>" or "MYS:PERMIT:<native id>", got ${JSON.stringify(id)}`);
  }
  return { country: match[1], kind: match[2] as RecordKind, nativeId: match[3] };
}
