// Which root fields are personal data, and which of them each role may ask for. The gateway
// decides only this much; what each member state shares with whom is decided by that state's
// own subgraph (its policy), never widened here. Root fields not listed as personal are public
// (introspection, reference data): an anonymous caller may reach them.
import type { Role } from '../../platform/caller.js';

/** The regional subgraph's entry points: every answer names or points at workers. */
export const PERSONAL_ROOT_FIELDS: ReadonlySet<string> = new Set(['worker', 'workers', 'node', 'nodes', 'searchPermits', 'searchCertifications']);

/**
 * Counts across member states: no personal data (so no purpose is asked for), but not public
 * either. Only the roles whose set below lists them reach them, once authenticated.
 */
export const STATISTICS_ROOT_FIELDS: ReadonlySet<string> = new Set(['permitStatistics', 'certificationStatistics', 'corridors']);

export const ROLE_ROOT_FIELDS: Readonly<Record<Role, ReadonlySet<string>>> = {
  // Is this certificate or permit valid? By its id only; the country subgraph limits the fields.
  verifier: new Set(['node', 'nodes']),
  'case-officer': new Set(['worker', 'workers', 'node', 'nodes']),
  // Its own member state's records: the owner's policy applies the limit. Only an inspector searches records by their facts.
  inspector: new Set(['worker', 'workers', 'node', 'nodes', 'searchPermits', 'searchCertifications', ...STATISTICS_ROOT_FIELDS]),
  // Statistics only, never personal data.
  analyst: new Set([...STATISTICS_ROOT_FIELDS]),
  // Their own identity only (checked against the token's worker claim), in every member state.
  subject: new Set(['worker', 'workers']),
  // Health, metrics, administration, and the statistics that show how the region is served.
  operator: new Set([...STATISTICS_ROOT_FIELDS]),
};
