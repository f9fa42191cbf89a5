// The audit writer API for any service other than a country subgraph (the gateway's own chain,
// `gateway`): one call per personal-data access, awaited before the answer leaves. The country
// subgraphs use the same pieces through their audit-trail plugin.
import { RantauError } from '../../schema/errors/index.js';
import type { AuditSettings } from '../config.js';
import { identityHmac, operationHash, type AuditEvent } from './entry.js';
import { auditHmacKey, auditLocation } from './settings.js';
import { leaseAuditLog } from './sharedLog.js';

export interface ServiceAudit {
  /** This service's chain name. */
  readonly writer: string;
  /**
   * Appends one event to the chain; resolves once it is committed. When it rejects, the service
   * must refuse the personal-data answer with `auditUnavailable(writer)` (fail closed).
   */
  record(event: AuditEvent): Promise<void>;
  /** A worker's identity as the log keeps it (keyed HMAC), for `AuditEvent.subjects`. */
  subject(nationality: string, documentNumber: string): string;
  /** SHA-256 of an operation's text, for `AuditEvent.operation`. */
  operation(text: string | undefined | null): string | null;
  close(): Promise<void>;
}

export function auditUnavailable(writer: string): RantauError {
  return new RantauError('AUDIT_UNAVAILABLE', 'the audit log could not record this access, so no personal data is released', { writer });
}

/** Opens (lazily, shared per process) the configured audit log for one writer, e.g. `serviceAudit(config.audit, 'gateway')`. */
export function serviceAudit(settings: AuditSettings, writer: string): ServiceAudit {
  const lease = leaseAuditLog(auditLocation(settings));
  const key = auditHmacKey(settings);
  return {
    writer,
    record: async (event) => (await lease.log()).writer(writer).append(event),
    subject: (nationality, documentNumber) => identityHmac(key, nationality, documentNumber),
    operation: operationHash,
    close: () => lease.release(),
  };
}
