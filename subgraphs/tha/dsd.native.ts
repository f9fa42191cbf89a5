// The DSD skill certificate record exactly as subgraphs/tha/README.md publishes it, and its date format.
import type { NativeDateFormat } from '../../schema/dates/index.js';

/** The DSD national skill standard certificate exactly as subgraphs/tha/README.md publishes it. */
export interface DsdRecord {
  cert_no: string;
  full_name_th: string;
  full_name_en: string;
  /** The 13-digit Thai national id card number; citizens only, null for foreigners. */
  id_card: string | null;
  /** Null for a citizen who has no passport (the registry is also searchable by `id_card`). */
  passport_no: string | null;
  /** ISO 3166-1 alpha-2; citizens are `TH`. */
  nationality: string;
  birth_date: string;
  /** TSCO, aligned with ISCO-08 (4 digits). */
  occupation_code: string;
  occupation_name: string;
  skill_level: number;
  test_center: string;
  issue_date: string;
  /** Null for the many standards whose certificates do not expire. */
  expire_date: string | null;
  status: 'ใช้งาน' | 'หมดอายุ' | 'เพิกถอน';
}

/** Every DSD date is day/month/Buddhist-Era year: `21/08/2567` is 21 August 2024. */
export const DSD_DATE: NativeDateFormat = 'DD/MM/BBBB';
