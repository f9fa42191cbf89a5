// The TESDA Registry of Certified Workers record exactly as subgraphs/phl/README.md publishes it.
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
