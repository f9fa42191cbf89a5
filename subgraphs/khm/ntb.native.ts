// The NTB national certificate record exactly as subgraphs/khm/README.md publishes it.
/** The NTB national certificate record exactly as subgraphs/khm/README.md publishes it. */
export interface NtbRecord {
  certificateNo: string;
  /** The holder's name in Khmer script. */
  nameKh: string;
  nameEn: string;
  /** National identity card number (9 digits) for citizens; null for anyone else. */
  khmerId: string | null;
  /** Null for a citizen who has no passport (the registry is also searchable by `khmerId`). */
  passportNo: string | null;
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  dateOfBirth: string;
  qualification: string;
  /** CQF level 1-8; the award fixes it (C1-C3 = 1-3, TVD = 4, HTVD = 5). */
  cqfLevel: number;
  award: 'C1' | 'C2' | 'C3' | 'TVD' | 'HTVD';
  sector: string;
  iscoCode: string;
  institution: string;
  issuedDate: string;
  /** Certificates do not expire: ACTIVE until withdrawn. */
  status: 'ACTIVE' | 'WITHDRAWN';
}
