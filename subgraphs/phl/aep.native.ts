// The DOLE Alien Employment Permit record exactly as subgraphs/phl/README.md publishes it.
/** The DOLE Alien Employment Permit record exactly as subgraphs/phl/README.md publishes it. */
export interface AepRecord {
  /** `AEP-<region>-<year>-<6 digits>`, or `COE-…` for a certificate of exemption. */
  aepNo: string;
  foreignNational: {
    surname: string;
    givenName: string;
    /** An English demonym in capitals (`JAPANESE`), not a country code. */
    nationality: string;
    passportNo: string;
    /** ISO date. */
    birthDate: string;
  };
  position: string;
  /** PSOC code of the position, ISCO-08 aligned (4 digits). */
  psocCode: string;
  employer: { name: string; tin: string };
  regionalOffice: string;
  validFrom: string;
  validUntil: string;
  status: 'PENDING' | 'ISSUED' | 'EXPIRED' | 'REVOKED' | 'CANCELLED' | 'EXEMPT';
}
