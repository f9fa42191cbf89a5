// The DOE e-Work Permit record exactly as subgraphs/tha/README.md publishes it, and its date format.
import type { NativeDateFormat } from '../../schema/dates/index.js';

/** The DOE e-Work Permit record exactly as subgraphs/tha/README.md publishes it. */
export interface DoeRecord {
  permit_no: string;
  worker_type: 'GENERAL' | 'MOU' | 'BOI' | 'BORDER' | 'MINORITY';
  name_en: string;
  /** MOU workers from Cambodia, Laos and Myanmar often hold a certificate of identity (CI) instead of a passport. */
  doc_type: 'PASSPORT' | 'CI';
  doc_no: string;
  /** ISO 3166-1 alpha-2. */
  nationality: string;
  birth_date: string;
  employer: { name_th: string; tax_id: string };
  province: string;
  occupation_code: string;
  /** Null while the permit is PENDING: the specification marks no field optional, and a pending permit has no dates yet. */
  issue_date: string | null;
  expire_date: string | null;
  status: 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'REVOKED';
}

export type DoeDocumentType = DoeRecord['doc_type'];

/** Every DOE date is ISO-shaped with a Buddhist-Era year: `2567-03-01` is 1 March 2024. */
export const DOE_DATE: NativeDateFormat = 'BBBB-MM-DD';
