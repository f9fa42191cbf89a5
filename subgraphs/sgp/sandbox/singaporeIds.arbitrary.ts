// Singapore identity numbers across the whole space the specification publishes, for the
// generators: NRIC (S, T) and FIN (F, G, M), the check letter right for S, T, F and G and any letter
// for M (checked by format only).
import fc from 'fast-check';
import { checkLetter } from '../singaporeId.js';

const idIn = (series: readonly string[]) =>
  fc.record({ series: fc.constantFrom(...series), digits: fc.stringMatching(/^[0-9]{7}$/), letter: fc.stringMatching(/^[A-Z]$/) }).map(({ series, digits, letter }) => `${series}${digits}${checkLetter(series, digits) ?? letter}`);

export const nricNumber = idIn(['S', 'T']);
export const finNumber = idIn(['F', 'G', 'M']);
