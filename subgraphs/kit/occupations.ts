// Occupations of registries that code them in ISCO-08 alone and state no length (subgraphs/khm and
// subgraphs/mmr READMEs show 4-digit examples only). ISCO-08 codes are one to four digits (major
// group to unit group); the contract's `isco` is the unit group, so a shorter code is kept as the
// registry's own and the unit group is null rather than guessed.
import type { Occupation } from '../../schema/contract/index.js';

/** An ISCO-08 code as the registry gives it; anything but 1–4 digits fails the record (through its reader's `fail`). */
export function iscoCodedOccupation(code: unknown, title: string | null, fail: (message: string) => Error, field = 'iscoCode'): Occupation {
  if (typeof code !== 'string' || !/^\d{1,4}$/.test(code)) throw fail(`${field}: expected an ISCO-08 code (1 to 4 digits), got ${JSON.stringify(code)}`);
  return { isco: code.length === 4 ? code : null, national: code, scheme: 'ISCO-08', title };
}
