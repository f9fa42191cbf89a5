// The MLSW work-permit extract as subgraphs/lao/README.md publishes it: its columns, one row, the
// manifest, and where the extract is downloaded.

/** The columns of the extract, in the order the README publishes them. */
export const MLSW_COLUMNS = [
  'permit_no',
  'card_no',
  'full_name',
  'passport',
  'nationality',
  'dob',
  'employer',
  'employer_license',
  'province',
  'position',
  'isco',
  'issued',
  'expires',
  'status',
] as const;

export type MlswColumn = (typeof MLSW_COLUMNS)[number];

/**
 * One row of the extract as an object keyed by column name. Every value is CSV text: dates `YYYY-MM-DD`, nationality ISO
 * alpha-3, names `FAMILY, GIVEN`.
 */
export type MlswRow = Record<MlswColumn, string>;

/** `ACTIVE`, `EXPIRED`, `CANCELLED`, or `TEMPORARY` (a 3-, 6- or 12-month registration). */
export type MlswStatus = 'ACTIVE' | 'EXPIRED' | 'CANCELLED' | 'TEMPORARY';

/** `GET /mlsw/extract/manifest.json`. */
export interface MlswManifest {
  generatedAt: string;
  rows: number;
  sha256: string;
}

export const MLSW_EXTRACT_PATH = '/mlsw/extract/latest.csv';
export const MLSW_EXTRACT_ROUTE = `GET ${MLSW_EXTRACT_PATH}`;
