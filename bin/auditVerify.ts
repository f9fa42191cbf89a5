// `npm run audit:verify`: checks every writer's hash chain in the configured audit log and names
// each altered, removed or reordered entry. Exit status 0 when every chain holds, 1 when not.
import { readConfig } from '../platform/config.js';
import { AuditLog, auditLocation, verifyAudit } from '../platform/audit/index.js';

const config = readConfig();
const log = await AuditLog.open(auditLocation(config.audit));
try {
  const result = await verifyAudit(log.db);
  for (const [writer, count] of Object.entries(result.writers)) console.log(`${writer}: ${count} entries`);
  for (const problem of result.problems) console.log(`${problem.kind.toUpperCase()}: ${problem.writer} entry ${problem.seq}: ${problem.detail}`);
  console.log(result.ok ? `audit log ${log.db.description}: every chain verifies` : `audit log ${log.db.description}: ${result.problems.length} problem(s)`);
  process.exitCode = result.ok ? 0 : 1;
} finally {
  await log.close();
}
