// The owner's audit as a country plugin: every personal-data access a request makes (records read
// by id, people located by identity, ids checked) is written to the country's chain in the audit
// log before the answer leaves — in willSendResponse, which Apollo Server awaits before sending.
// If the entry cannot be written, the answer is replaced by AUDIT_UNAVAILABLE (fail closed). Workers
// appear only as keyed HMACs of their identity; "who looked at me" reads them back for a subject.
import type { ApolloServerPlugin } from '@apollo/server';
import { RantauError } from '../../../schema/errors/index.js';
import { auditUnavailable as unavailable, identityHmac, operationHash, type AuditEvent, type AuditLevel, type AuditOutcome, type AuditAction } from '../../../platform/audit/index.js';
import type { AuditLogLease } from '../../../platform/audit/index.js';
import type { AccessView, CountryContext, RecordAccess } from '../countryContext.js';
import type { ContractRecord } from '../records.js';
import { releaseNoteOf } from './ownerPolicy.js';
import type { CountryPlugin } from './plugin.js';

export interface AuditTrailOptions {
  /** The process's audit log (platform/audit leaseAuditLog). */
  lease: AuditLogLease;
  /** This subgraph's chain, e.g. `country:SGP`. */
  writer: string;
  /** Key of the identity HMACs, shared with every writer of the log. */
  hmacKey: string;
}

interface Access {
  action: AuditAction;
  level: AuditLevel | null;
  outcome: AuditOutcome;
  recordIds: string[];
  subjects: string[];
}

export function auditTrail(options: AuditTrailOptions): CountryPlugin {
  const { lease, writer, hmacKey } = options;
  // On the context itself, not in a WeakMap keyed by it: Apollo Server hands plugins a shallow copy of the context.
  const ACCESSES = Symbol('audited accesses');
  const accessesOf = (context: CountryContext) => (context as unknown as Record<symbol, Access[] | undefined>)[ACCESSES];
  const hmac = (nationality: string | null, documentNumber: string | null) => (nationality && documentNumber ? [identityHmac(hmacKey, nationality, documentNumber)] : []);

  const noteRecord = (record: ContractRecord): Access => {
    const note = releaseNoteOf(record);
    const holder = note?.holder ?? { nationality: record.holderNationality, documentNumber: record.holderDocumentNumber };
    return { action: 'READ', level: note?.level ?? null, outcome: 'RELEASED', recordIds: [record.id], subjects: hmac(holder.nationality, holder.documentNumber) };
  };

  const outcomeOf = (error: unknown): AuditOutcome => (error instanceof RantauError && error.code === 'POLICY_WITHHELD' ? 'WITHHELD' : 'ERROR');

  const recorded = (inner: RecordAccess, context: CountryContext): RecordAccess => {
    const log: Access[] = [];
    Object.defineProperty(context, ACCESSES, { value: log, enumerable: true });
    return {
      code: inner.code,
      async record(globalId) {
        try {
          const record = await inner.record(globalId);
          log.push(record ? noteRecord(record) : { action: 'READ', level: null, outcome: 'NOT_FOUND', recordIds: [globalId], subjects: [] });
          return record;
        } catch (error) {
          log.push({ action: 'READ', level: outcomeOf(error) === 'WITHHELD' ? 'NONE' : null, outcome: outcomeOf(error), recordIds: [globalId], subjects: [] });
          throw error;
        }
      },
      async locate(identities, consistency) {
        const subjects = identities.flatMap((identity) => hmac(identity.nationality, identity.documentNumber));
        try {
          const located = await inner.locate(identities, consistency);
          const refused = located.some((view) => view.failures.some((failure) => failure.code === 'POLICY_WITHHELD'));
          const recordIds = located.flatMap((view) => [...view.certificationIds, ...view.permitIds]);
          log.push({ action: 'LOCATE', level: null, outcome: refused ? 'WITHHELD' : recordIds.length > 0 ? 'RELEASED' : 'NOT_FOUND', recordIds, subjects });
          return located;
        } catch (error) {
          log.push({ action: 'LOCATE', level: null, outcome: outcomeOf(error), recordIds: [], subjects });
          throw error;
        }
      },
      async check(ids) {
        try {
          const checks = await inner.check(ids);
          const refused = checks.some((check) => check.failure?.code === 'POLICY_WITHHELD');
          log.push({ action: 'CHECK', level: null, outcome: refused ? 'WITHHELD' : 'RELEASED', recordIds: checks.filter((check) => check.found).map((check) => check.id), subjects: [] });
          return checks;
        } catch (error) {
          log.push({ action: 'CHECK', level: null, outcome: outcomeOf(error), recordIds: [], subjects: [] });
          throw error;
        }
      },
      async search(kind, question) {
        // The index knows no holder, so the entry names the records found; reading them (READ) names their holders.
        try {
          const page = await inner.search(kind, question);
          const recordIds = page?.records.map((record) => record.id) ?? [];
          log.push({ action: 'SEARCH', level: null, outcome: page === null ? 'ERROR' : recordIds.length > 0 ? 'RELEASED' : 'NOT_FOUND', recordIds, subjects: [] });
          return page;
        } catch (error) {
          log.push({ action: 'SEARCH', level: outcomeOf(error) === 'WITHHELD' ? 'NONE' : null, outcome: outcomeOf(error), recordIds: [], subjects: [] });
          throw error;
        }
      },
      // Counts of qualifications name no one: nothing to audit.
      qualifications: (isco, levels, first) => inner.qualifications(isco, levels, first),
      // Counts name no one either.
      recordCounts: (dimensions, filter) => inner.recordCounts(dimensions, filter),
      async accessHistory(): Promise<AccessView[]> {
        const caller = context.caller;
        if (caller?.role !== 'subject' || caller.subject === null) {
          throw new RantauError('POLICY_WITHHELD', 'only a subject may ask who looked at their records, and only at their own', { country: inner.code });
        }
        let entries;
        try {
          entries = await (await lease.log()).entriesFor(identityHmac(hmacKey, caller.subject.nationality, caller.subject.documentNumber), writer);
        } catch {
          throw unavailable(writer);
        }
        return entries.map((entry) => ({ at: entry.at, memberState: entry.memberState, role: entry.role, purpose: entry.purpose, action: entry.action, recordIds: entry.recordIds, level: entry.level, outcome: entry.outcome }));
      },
    };
  };

  /** One entry per kind of access in the request, naming every record and worker concerned. */
  const events = (context: CountryContext, operation: string | null): AuditEvent[] => {
    const groups = new Map<string, Access>();
    for (const access of accessesOf(context) ?? []) {
      const key = `${access.action}/${access.level}/${access.outcome}`;
      const group = groups.get(key);
      if (!group) groups.set(key, { ...access, recordIds: [...access.recordIds], subjects: [...access.subjects] });
      else {
        group.recordIds.push(...access.recordIds);
        group.subjects.push(...access.subjects);
      }
    }
    const caller = context.caller;
    return [...groups.values()].map((group) => ({
      requestId: caller?.requestId ?? null,
      client: caller?.client ?? null,
      memberState: caller?.memberState ?? null,
      role: caller?.role ?? null,
      officer: caller?.officer ?? null,
      purpose: caller?.purpose ?? null,
      operation,
      action: group.action,
      subjects: [...new Set(group.subjects)].sort(),
      recordIds: [...new Set(group.recordIds)].sort(),
      level: group.level,
      outcome: group.outcome,
    }));
  };

  const serverPlugin: ApolloServerPlugin<CountryContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, source }) {
          const pending = events(contextValue, operationHash(source));
          if (pending.length === 0) return;
          try {
            const chain = (await lease.log()).writer(writer);
            await Promise.all(pending.map((event) => chain.append(event)));
          } catch {
            // Fail closed: the personal data computed for this answer never leaves without its entry.
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [unavailable(writer).toJSON()];
            }
            response.http.headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };

  return {
    name: 'audit-trail',
    // Opens the log at start (an embedded PGlite takes seconds to start), not on the first request; a failure here is retried then.
    start: () => {
      lease.log().catch(() => undefined);
      return [];
    },
    wrapRequest: recorded,
    serverPlugins: () => [serverPlugin],
    close: () => lease.release(),
  };
}
