import type { Occupation } from '../../schema/contract/index.js';

/**
 * MASCO 2020, the occupation code both Malaysian registries write (`7212-01`): six digits whose
 * first four are the ISCO-08 unit group (docs/domain.md), so the ISCO code is read, not looked up.
 */
const MASCO_CODE = /^(\d{4})-\d{2}$/;

/** The contract occupation of a MASCO code, or null when the code is not in MASCO's shape. */
export function occupationFromMasco(code: string, title: string): Occupation | null {
  const match = MASCO_CODE.exec(code);
  return match ? { isco: match[1], national: code, scheme: 'MASCO 2020', title } : null;
}

/** For the simulators: the MASCO job code both registries write for an ISCO unit group (its first job title, `-01`). */
export function mascoFor(isco: string): string {
  return `${isco}-01`;
}
