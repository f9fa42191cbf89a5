import { registerEnumType } from 'type-graphql';

/** The shared certification lifecycle. Withdrawn and cancelled certificates are REVOKED. */
export const CertificationStatus = {
  VALID: 'VALID',
  EXPIRED: 'EXPIRED',
  SUSPENDED: 'SUSPENDED',
  REVOKED: 'REVOKED',
} as const;
export type CertificationStatus = (typeof CertificationStatus)[keyof typeof CertificationStatus];

/** The shared permit lifecycle: PENDING → APPROVED_IN_PRINCIPLE → ACTIVE → EXPIRED, or CANCELLED / REVOKED; EXEMPT for exemption certificates. */
export const PermitStatus = {
  PENDING: 'PENDING',
  APPROVED_IN_PRINCIPLE: 'APPROVED_IN_PRINCIPLE',
  ACTIVE: 'ACTIVE',
  EXPIRED: 'EXPIRED',
  CANCELLED: 'CANCELLED',
  REVOKED: 'REVOKED',
  EXEMPT: 'EXEMPT',
} as const;
export type PermitStatus = (typeof PermitStatus)[keyof typeof PermitStatus];

/** A shared permit class so analysts can compare countries; the native type stays beside it. */
export const PermitClass = {
  PROFESSIONAL: 'PROFESSIONAL',
  SKILLED: 'SKILLED',
  LOWER_SKILLED: 'LOWER_SKILLED',
  OTHER: 'OTHER',
} as const;
export type PermitClass = (typeof PermitClass)[keyof typeof PermitClass];

export const AqrfBasis = {
  REFERENCED: 'REFERENCED',
  INDICATIVE: 'INDICATIVE',
  NOT_REFERENCED: 'NOT_REFERENCED',
} as const;
export type AqrfBasis = (typeof AqrfBasis)[keyof typeof AqrfBasis];

registerEnumType(CertificationStatus, {
  name: 'CertificationStatus',
  description: 'One status vocabulary for certifications in every country. The registry\'s own word is in `nativeStatus`.',
  valuesConfig: {
    VALID: { description: 'In force.' },
    EXPIRED: { description: 'Past its validity date.' },
    SUSPENDED: { description: 'Temporarily not in force (for example BNSP "DIBEKUKAN", JPK "GANTUNG").' },
    REVOKED: { description: 'Withdrawn, cancelled or revoked by the issuer.' },
  },
});

registerEnumType(PermitStatus, {
  name: 'PermitStatus',
  description: 'One lifecycle for work permits in every country. The registry\'s own word is in `nativeStatus`.',
  valuesConfig: {
    PENDING: { description: 'Applied for, not yet decided.' },
    APPROVED_IN_PRINCIPLE: { description: 'Approved, not yet issued (for example MOM in-principle approval).' },
    ACTIVE: { description: 'Issued and in force (including extended permits).' },
    EXPIRED: { description: 'Past its end date.' },
    CANCELLED: { description: 'Ended early by the employer, the worker or the authority.' },
    REVOKED: { description: 'Withdrawn by the authority as a sanction (including blacklisting).' },
    EXEMPT: { description: 'An exemption certificate: the worker needs no permit for this post.' },
  },
});

registerEnumType(PermitClass, {
  name: 'PermitClass',
  description: 'A shared class of permit, mapped from the native type per country (see docs/domain.md). Never guessed: OTHER where the native type does not say.',
  valuesConfig: {
    PROFESSIONAL: { description: 'Managers, experts and professionals (SGP EP, MYS EP-I/II, IDN TKA approvals, …).' },
    SKILLED: { description: 'Skilled and technical workers (SGP S Pass, MYS EP-III, THA BOI, …).' },
    LOWER_SKILLED: { description: 'Lower-skilled workers (SGP Work Permit, MYS PLKS, THA MOU, …).' },
    OTHER: { description: 'Not classifiable from what the registry says.' },
  },
});

registerEnumType(AqrfBasis, {
  name: 'AqrfBasis',
  description: 'How far an AQRF level can be trusted.',
  valuesConfig: {
    REFERENCED: { description: 'The national framework is referenced to the AQRF by a report the AQRF Committee accepted.' },
    INDICATIVE: { description: 'Rantau\'s reading of the national level; no official level-to-level table exists. See `aqrfDerivation`.' },
    NOT_REFERENCED: { description: 'No AQRF level is claimed.' },
  },
});
