// The Ministry of Labour foreign-employment permit record exactly as subgraphs/mmr/README.md publishes it.
/** The Ministry of Labour foreign-employment permit record exactly as subgraphs/mmr/README.md publishes it. */
export interface MolRecord {
  permitNo: string;
  /** Who approved the employment: the labour ministry, the investment commission or a special economic zone. */
  channel: 'MOL' | 'MIC' | 'SEZ';
  name: string;
  passportNo: string;
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  dateOfBirth: string;
  position: string;
  iscoCode: string;
  employer: string;
  issueDate: string;
  expiryDate: string;
  status: 'PENDING' | 'VALID' | 'EXPIRED' | 'REVOKED';
}
