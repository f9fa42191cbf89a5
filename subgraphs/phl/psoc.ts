// Both Philippine registries code the post on PSOC 2012 (subgraphs/phl/README.md).
import type { Occupation } from '../../schema/contract/index.js';

/**
 * Both Philippine registries code the post on PSOC 2012, which is aligned with ISCO-08 to the unit
 * group: the 4-digit code is at once the national code and the ISCO one. Anything else is refused
 * (through the record's own `fail`, so the error names the certificate or permit).
 */
export function psocOccupation(psocCode: string, title: string | null, fail: (message: string) => Error): Occupation {
  if (!/^\d{4}$/.test(psocCode)) throw fail(`psocCode: expected a PSOC unit group of 4 digits, got ${JSON.stringify(psocCode)}`);
  return { isco: psocCode, national: psocCode, scheme: 'PSOC 2012', title };
}
