import type { AqrfBasis } from '../contract/enums.js';
import { qualificationFrameworks } from '../reference/referenceData.js';

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

// One table, in schema/reference/qualificationFrameworks.json: the levels a certification registry
// writes (`nationalLevel`) that carry an AQRF claim. Framework levels no registry issues (a degree
// level) and levels with no claim (a COC, every WSQ level) are not in a row, so they read as below.
const rows: FrameworkRow[] = qualificationFrameworks().map((framework) => ({
  country: framework.country,
  framework: framework.framework,
  basis: framework.basis,
  levels: Object.fromEntries(
    framework.levels.flatMap((level) => (level.nationalLevel !== null && level.aqrfLevel !== null ? [[level.nationalLevel, level.aqrfLevel]] : [])),
  ),
  derivation: framework.derivation,
  sources: framework.sources.map((source) => source.source),
}));

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
