// A writer process for the crash test (platform/audit/auditLog.test.ts): appends entries as fast
// as it can under concurrent load and prints the count of each committed append, until killed.
import { AuditLog } from './auditLog.js';

const [url, writerName] = process.argv.slice(2);
const log = await AuditLog.open(url);
const writer = log.writer(writerName);
let committed = 0;
const event = (i: number) => ({ requestId: `r${i}`, client: 'crash-test', memberState: 'IDN', role: 'case-officer', officer: null, purpose: 'PERMIT_APPLICATION', operation: null, action: 'READ' as const, subjects: [], recordIds: [`IDN:CERT:${i}`], level: 'FULL' as const, outcome: 'RELEASED' as const });
let i = 0;
// Eight concurrent request loops, as a loaded subgraph would have.
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (;;) {
      await writer.append(event(i++));
      committed += 1;
      process.stdout.write(`${committed}\n`);
    }
  }),
);
