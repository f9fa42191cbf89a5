// The NSSA certificate record exactly as subgraphs/mmr/README.md publishes it.
/** The NSSA certificate record exactly as subgraphs/mmr/README.md publishes it. */
export interface NssaRecord {
  certNo: string;
  /** The holder's name in Myanmar script. */
  nameMy: string;
  nameEn: string;
  /** National Registration Card number, e.g. `12/DAGANA(N)123456`. */
  nrc: string;
  /** Null for a holder who has no passport (the registry is also searchable by NRC). */
  passportNo: string | null;
  dateOfBirth: string;
  occupation: string;
  iscoCode: string;
  level: number;
  assessmentCentre: string;
  issueDate: string;
  expiryDate: string;
  status: 'VALID' | 'EXPIRED' | 'CANCELLED';
}
