// Occupations of registries that code them in ISCO-08 alone and state no length (subgraphs/khm and
// subgraphs/mmr READMEs show 4-digit examples only). ISCO-08 codes are one to four digits (major
// group to unit group); the contract's `isco` is the unit group, so a shorter code is kept as the
// registry's own and the unit group is null rather than guessed.
import type { Occupation } from '../../schema/contract/index.js';

/** An ISCO-08 code as the registry gives it, or undefined when it is not one (1–4 digits). */
export function iscoCodedOccupation(code: unknown, title: string | null): Occupation | undefined {
  if (typeof code !== 'string' || !/^\d{1,4}$/.test(code)) return undefined;
  return { isco: code.length === 4 ? code : null, national: code, scheme: 'ISCO-08', title };
}
