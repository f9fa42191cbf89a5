// One audit log per process and location, shared by the writers of every service the process runs
// (the embedded stack runs eleven country subgraphs): opened on first use, closed with its last user.
import { AuditLog } from './auditLog.js';

const users = new Map<string, number>();
const logs = new Map<string, Promise<AuditLog>>();

export interface AuditLogLease {
  /** Rejects when the store cannot be opened; the next use tries again (a store may come back). */
  log(): Promise<AuditLog>;
  release(): Promise<void>;
}

export function leaseAuditLog(location: string): AuditLogLease {
  users.set(location, (users.get(location) ?? 0) + 1);
  let released = false;
  return {
    log() {
      let log = logs.get(location);
      if (!log) {
        const opening = AuditLog.open(location);
        logs.set(location, (log = opening));
        opening.catch(() => {
          if (logs.get(location) === opening) logs.delete(location);
        });
      }
      return log;
    },
    async release() {
      if (released) return;
      released = true;
      const left = (users.get(location) ?? 1) - 1;
      if (left > 0) {
        users.set(location, left);
        return;
      }
      users.delete(location);
      const log = logs.get(location);
      logs.delete(location);
      await (await log?.catch(() => null))?.close();
    },
  };
}
