// The NVQF certificate record exactly as subgraphs/lao/README.md publishes it.

/** One certificate as NVQF sends it. */
export interface NvqfRecord {
  certNo: string;
  /** The holder's name in Lao script. */
  nameLao: string;
  nameLatin: string;
  /** The holder search's key; may be absent or null for a holder NVQF knows without a passport. */
  passport?: string | null;
  /** ISO 3166-1 alpha-3. */
  nationality: string;
  /** `DD/MM/YYYY`, like every NVQF date. */
  dob: string;
  /** NVQF level `L1`–`L5`. */
  level: string;
  qualification: string;
  /** An ISCO-08 code (the example is a unit group, `7411`). */
  iscoCode: string;
  college: string;
  issued: string;
  /** `false` means the certificate was withdrawn; certificates do not expire. */
  valid: boolean;
}

export const NVQF_DATE_FORMAT = 'DD/MM/YYYY';
