import type { NativeResponse } from '../../sandbox/simulator/simulator.js';

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

/** Regional offices are NCR, CAR, BARMM or a Roman numeral, IV-A and IV-B included. */
export const AEP_NUMBER = /^(AEP|COE)-(NCR|CAR|BARMM|[IVX]+(?:-[AB])?)-\d{4}-\d{6}$/;

export const aepNotFound: NativeResponse = { status: 404, json: { status: 404, error: 'AEP_NOT_FOUND' } };
export const rateLimit: NativeResponse = { status: 429, json: { status: 429, error: 'RATE_LIMIT' } };
// The specification gives no 400 body; this one follows the shape of the bodies it does give.
export const badRequest = (message: string): NativeResponse => ({ status: 400, json: { status: 400, error: 'BAD_REQUEST', message } });
