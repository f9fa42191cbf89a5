import table from './levels.json' with { type: 'json' };
import type { AqrfBasis } from '../contract/enums.js';

/** What Rantau may claim about a national qualification's AQRF level, and why. */
export interface AqrfReading {
  level: number | null;
  basis: AqrfBasis;
  derivation: string;
}

interface FrameworkRow {
  country: string;
  framework: string;
  basis: AqrfBasis;
  levels: Record<string, number>;
  derivation: string;
  sources: string[];
}

const rows = table.frameworks as FrameworkRow[];

export function aqrfFramework(country: string): FrameworkRow | undefined {
  return rows.find((row) => row.country === country);
}

/**
 * Reads the table for one national level. A level the table does not list (an Okupasi scheme,
 * a COC) is NOT_REFERENCED with no level: never pretend a mapping exists.
 */
export function aqrfLevelFor(country: string, nationalLevel: string | number | null): AqrfReading {
  const row = aqrfFramework(country);
  if (!row) return { level: null, basis: 'NOT_REFERENCED', derivation: `No national framework of ${country} is in the AQRF table.` };
  const level = nationalLevel === null ? undefined : row.levels[String(nationalLevel)];
  if (level === undefined) {
    return { level: null, basis: 'NOT_REFERENCED', derivation: `${row.framework} ${nationalLevel ?? '(no level)'} has no AQRF level. ${row.derivation}` };
  }
  return { level, basis: row.basis, derivation: row.derivation };
}
