// The fields a BDNAC certificate and an LPA worker line both carry, checked the same way in both
// adapters (subgraphs/brn/README.md writes them alike): `warganegara` as ISO alpha-3, `kodISCO` as
// an ISCO-08 code (Brunei has no national classification), and Brunei identity card
// numbers. Each refusal goes through the record's own `fail`, so the error names the record.
import { isAlpha3 } from '../../schema/countries/index.js';
import type { Occupation } from '../../schema/contract/index.js';

type Fail = (message: string) => Error;

/** Brunei identity card numbers, as the specification writes them (`01-234567`). */
export const BRUNEI_IC = /^\d{2}-\d{6}$/;

export function warganegaraOf(value: string, fail: Fail): string {
  if (!isAlpha3(value)) throw fail(`warganegara: expected an ISO 3166-1 alpha-3 code, got ${JSON.stringify(value)}`);
  return value;
}

/** Refuses a malformed card number; the number itself stays out of the contract (an identity number). */
export function checkIdentityCard(field: 'noIC' | 'noICHijau', value: string, fail: Fail): void {
  if (!BRUNEI_IC.test(value)) throw fail(`${field}: expected a Brunei identity card number NN-NNNNNN, got ${JSON.stringify(value)}`);
}

/**
 * `kodISCO` as the occupation: an ISCO-08 code, which by ISCO's own definition is 1 to 4 digits
 * (major group to unit group); the specification states no length. The contract's `isco` is a
 * unit group, so a shorter code is kept as the national code only.
 */
export function iscoCodeOccupation(code: string, title: string | null, fail: Fail): Occupation {
  if (typeof code !== 'string' || !/^\d{1,4}$/.test(code)) throw fail(`kodISCO: expected an ISCO-08 code of 1 to 4 digits, got ${JSON.stringify(code)}`);
  return { isco: code.length === 4 ? code : null, national: code, scheme: 'ISCO-08', title };
}
