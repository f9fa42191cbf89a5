// The audit log, usable from any service: open it, take a writer, append events; verify and export.
export { AuditLog, AuditWriter, type StoredEntry } from './auditLog.js';
export { canonicalJson, chainHash, identityHmac, operationHash, GENESIS_HASH, type AuditEvent, type AuditEntry, type AuditLevel, type AuditOutcome, type AuditAction } from './entry.js';
export { verifyAudit, type AuditVerification, type AuditProblem } from './verify.js';
export { exportExtract, type SignedExtract } from './exportExtract.js';
export { auditLocation, auditHmacKey, auditExportKeyPem } from './settings.js';
export { leaseAuditLog, type AuditLogLease } from './sharedLog.js';
export { serviceAudit, auditUnavailable, type ServiceAudit } from './serviceAudit.js';
