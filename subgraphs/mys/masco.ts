// MASCO 2020, the occupation code both Malaysian registries write (`7212-01`). The specification
// says only that its first four digits are the ISCO-08 unit group (subgraphs/mys/README.md), so
// the ISCO code is read from them and the rest of the code is kept as written, not checked.
import type { Occupation } from '../../schema/contract/index.js';

const MASCO_CODE = /^(\d{4})/;

/** The contract occupation of a MASCO code, or null when the code does not start with four digits. */
export function occupationFromMasco(code: string, title: string): Occupation | null {
  const match = MASCO_CODE.exec(code);
  return match ? { isco: match[1], national: code, scheme: 'MASCO 2020', title } : null;
}

/** For the simulators: the MASCO job code both registries write for an ISCO unit group (its first job title, `-01`). */
export function mascoFor(isco: string): string {
  return `${isco}-01`;
}
