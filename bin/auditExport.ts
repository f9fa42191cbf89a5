// `npm run audit:export -- --from 2026-01-01T00:00:00Z --to 2026-02-01T00:00:00Z [--out file]`:
// a signed extract of the audit log for a time range (an operator's task), as JSON on standard
// output or in a file.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from '../platform/config.js';
import { AuditLog, auditExportKeyPem, auditLocation, exportExtract } from '../platform/audit/index.js';

function instant(name: string, value: string | undefined): Date {
  const date = new Date(value ?? '');
  if (!value || Number.isNaN(date.getTime())) {
    console.error(`--${name}: expected an ISO 8601 date or time, got ${JSON.stringify(value ?? '')}`);
    process.exit(2);
  }
  return date;
}

const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } } });
const from = instant('from', values.from);
const to = instant('to', values.to);
const config = readConfig();
const log = await AuditLog.open(auditLocation(config.audit));
try {
  const signed = await exportExtract(log, from, to, auditExportKeyPem(config.audit));
  const json = JSON.stringify(signed, null, 2);
  if (values.out) {
    writeFileSync(values.out, json);
    console.error(`${signed.entries} entries from ${signed.from} to ${signed.to} written to ${values.out}`);
  } else console.log(json);
} finally {
  await log.close();
}
