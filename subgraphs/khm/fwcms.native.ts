// The FWCMS work permit record exactly as subgraphs/khm/README.md publishes it.
/** The FWCMS work permit record exactly as subgraphs/khm/README.md publishes it. */
export interface FwcmsRecord {
  workPermitNo: string;
  /** The employment card issued with the permit. */
  employmentCardNo: string;
  worker: {
    name: string;
    passportNo: string;
    /** ISO 3166-1 alpha-3. */
    nationality: string;
    dateOfBirth: string;
  };
  employer: { name: string; registrationNo: string };
  /** Which of the employer's quotas the worker counts against (office 3%, skilled 6%, unskilled 1% of staff). */
  quotaCategory: 'OFFICE' | 'SKILLED' | 'UNSKILLED';
  position: string;
  iscoCode: string;
  /** Permits are annual: the record carries the year, never dates. */
  year: number;
  status: 'APPLIED' | 'VALID' | 'EXPIRED' | 'CANCELLED';
}
