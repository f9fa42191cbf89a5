/** The MOM work pass record exactly as subgraphs/sgp/README.md publishes it. */
export interface MomRecord {
  passId: string;
  fin: string;
  passType: 'EP' | 'SP' | 'WP' | 'PEP' | 'ONEP' | 'LOC';
  holderName: string;
  passportNo: string;
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  dateOfBirth: string;
  /** `uen`: Singapore's Unique Entity Number. */
  employer: { uen: string; name: string };
  /** SSOC 2024, five digits. */
  ssocCode: string;
  sector: 'CONSTRUCTION' | 'MARINE_SHIPYARD' | 'PROCESS' | 'MANUFACTURING' | 'SERVICES' | 'DOMESTIC' | 'OTHER';
  monthlySalaryBand: string;
  issueDate: string;
  expiryDate: string;
  status: 'IPA' | 'ISSUED' | 'CANCELLED' | 'EXPIRED' | 'REVOKED';
}

/** An enquiry as MOM takes it: a FIN or a passport (with nationality), always with the date of birth. */
export type MomEnquiry = { fin: string; dateOfBirth: string } | { passportNo: string; nationality: string; dateOfBirth: string };

