/** The SSG WSQ credential record exactly as subgraphs/sgp/README.md publishes it. */
export interface SsgRecord {
  credentialId: string;
  holder: {
    name: string;
    /** NRIC for citizens and permanent residents, FIN for foreigners holding a pass. */
    idType: 'FIN' | 'NRIC';
    idNumber: string;
    /** Recorded for foreigners; citizens have none here. */
    passportNo: string | null;
    /** ISO 3166-1 alpha-3. */
    nationality: string;
    dateOfBirth: string;
  };
  /** `SOA` (statement of attainment, one module) or `QUALIFICATION`. */
  type: 'SOA' | 'QUALIFICATION';
  qualificationCode: string;
  title: string;
  level: 'CERTIFICATE' | 'HIGHER_CERTIFICATE' | 'ADVANCED_CERTIFICATE' | 'DIPLOMA' | 'SPECIALIST_DIPLOMA' | 'GRADUATE_CERTIFICATE' | 'GRADUATE_DIPLOMA';
  frameworkSector: string;
  /** SSOC 2024, five digits; the first four are the ISCO-08 unit group. */
  ssocCode: string;
  trainingProvider: string;
  issuedOn: string;
  opencertsMerkleRoot: string;
  /** Credentials never expire; revocation is the only other state. */
  revoked: boolean;
}

