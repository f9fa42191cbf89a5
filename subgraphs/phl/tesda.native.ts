import type { NativeResponse } from '../../sandbox/simulator/simulator.js';

/** The TESDA Registry of Certified Workers record exactly as subgraphs/phl/README.md publishes it. */
export interface TesdaRecord {
  certificateNumber: string;
  lastName: string;
  firstName: string;
  middleName: string;
  /** MM/DD/YYYY, month first. */
  birthDate: string;
  /** Null for about one record in six: passports were recorded only for candidates who declared one. */
  passportNo: string | null;
  /** ISO alpha-3, present only for non-Filipino holders. */
  nationality?: string;
  qualificationCode: string;
  qualificationTitle: string;
  ncLevel: 'NC I' | 'NC II' | 'NC III' | 'NC IV' | 'COC';
  sector: string;
  /** Philippine Standard Occupational Classification, ISCO-08 aligned (4 digits). */
  psocCode: string;
  assessmentCenter: string;
  /** MM/DD/YYYY. */
  dateIssued: string;
  /** MM/DD/YYYY. */
  validUntil: string;
  status: 'VALID' | 'EXPIRED' | 'REVOKED';
}

/** 14 digits: year (2), region (2), province (2), 8-digit sequence. */
export const TESDA_CERTIFICATE_NUMBER = /^\d{14}$/;

/** List answers: `{"content":[record…]}`. */
export interface TesdaContent {
  content: TesdaRecord[];
}

// The bodies the specification publishes; it gives none for 400, so the simulator answers in the style of the others.
export const noRecordFound: NativeResponse = { status: 404, json: { message: 'No record found' } };
export const tooManyRequests: NativeResponse = { status: 429, json: { message: 'Too Many Requests' } };
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { message } });
