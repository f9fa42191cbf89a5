// Raw grouped counts of a country's indexed records, for the regional statistics (issue 13).
// Only de-identified facts are grouped; no suppression here: raw counts never leave the service
// mesh (the internal field that answers them needs the signed caller context), and suppression is
// decided by the regional subgraph once every country's counts are merged.

/** What a count can be grouped by, and the SQL that reads it from the `records` table (a fixed list: nothing from the caller reaches the SQL). */
export const COUNT_DIMENSIONS = {
  country: 'country',
  holderNationality: 'holder_nationality',
  permitClass: 'permit_class',
  nativeType: 'native_type',
  status: 'status',
  sector: 'sector',
  iscoMajorGroup: 'substr(isco, 1, 1)',
  validFromYear: 'CAST(EXTRACT(YEAR FROM valid_from) AS text)',
  aqrfLevel: 'CAST(aqrf_level AS text)',
  aqrfBasis: 'aqrf_basis',
  issuedYear: 'CAST(EXTRACT(YEAR FROM issued_on) AS text)',
} as const;

export type CountDimension = keyof typeof COUNT_DIMENSIONS;

export function isCountDimension(name: string): name is CountDimension {
  return Object.hasOwn(COUNT_DIMENSIONS, name);
}

/** Which records are counted. Dates are ISO `YYYY-MM-DD`. */
export interface CountFilter {
  kind: 'PERMIT' | 'CERT';
  /** Permits in force on this day: valid_from ≤ day ≤ valid_until (a missing bound is open) and status ACTIVE. */
  activeOn?: string | null;
  /** Certifications issued on or after / on or before. */
  issuedFrom?: string | null;
  issuedTo?: string | null;
}

/** One group: its values in the order of the dimensions asked (null where the record does not say). */
export interface CountGroup {
  values: Array<string | null>;
  count: number;
}

/** The statuses a permit is in force under. */
export const ACTIVE_PERMIT_STATUSES = ['ACTIVE'] as const;
