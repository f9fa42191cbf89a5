/** The Immigration Department pass record exactly as subgraphs/mys/README.md publishes it. */
export interface ImiRecord {
  passNo: string;
  passType: 'EP-I' | 'EP-II' | 'EP-III' | 'PVP' | 'RP-T' | 'PLKS';
  /** PLKS only (the sector the worker is admitted to), null for every other pass. */
  sector: string | null;
  holder: {
    name: string;
    passportNo: string;
    /** ISO 3166-1 alpha-3. */
    nationality: string;
    dateOfBirth: string;
  };
  employer: {
    name: string;
    /** Companies Commission of Malaysia (SSM) registration number, 12 digits. */
    ssmNo: string;
  };
  occupation: {
    /** MASCO 2020, e.g. `8212-02`. */
    masco: string;
    title: string;
  };
  salaryBand: string;
  issueDate: string;
  expiryDate: string;
  status: 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'CANCELLED' | 'BLACKLISTED';
}

/** One entry of `GET /v2/changes`. */
export interface ImiChange {
  passNo: string;
  /** ISO instant. */
  changedAt: string;
}
