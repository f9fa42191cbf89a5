import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLog, identityHmac, verifyAudit, type AuditEvent } from './index.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/testDatabase.js';

function event(i: number, subjects: string[] = []): AuditEvent {
  return { requestId: `req-${i}`, client: 'idn-portal', memberState: 'IDN', role: 'case-officer', officer: 'officer-7', purpose: 'PERMIT_APPLICATION', operation: null, action: 'READ', subjects, recordIds: [`SGP:PERMIT:${i}`], level: 'FULL', outcome: 'RELEASED' };
}

describe('the audit log on PostgreSQL', () => {
  let database: TestDatabase;
  let log: AuditLog;
  let sql: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    log = await AuditLog.open(database.url);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await log?.close();
    await database?.drop();
  });

  it('keeps 10,000 concurrent accesses in one verifiable chain, in the order they were appended', async () => {
    const writer = log.writer('country:SGP');
    await Promise.all(Array.from({ length: 10_000 }, (_, i) => writer.append(event(i))));
    const result = await verifyAudit(log.db);
    expect(result.problems).toEqual([]);
    expect(result.writers['country:SGP']).toBe(10_000);
    const rows = (await sql.query<{ body: string }>("SELECT body FROM audit_entries WHERE writer = 'country:SGP' ORDER BY seq LIMIT 3")).rows;
    expect(rows.map((row) => JSON.parse(row.body).requestId)).toEqual(['req-0', 'req-1', 'req-2']);
  }, 120_000);

  it('finds a worker by identity HMAC and never stores the document number', async () => {
    const subject = identityHmac('test-key', 'IDN', 'B 1234567');
    await log.writer('country:MYS').append(event(1, [subject]));
    const [entry] = await log.entriesFor(subject);
    expect(entry).toMatchObject({ writer: 'country:MYS', memberState: 'IDN', purpose: 'PERMIT_APPLICATION' });
    const dump = JSON.stringify((await sql.query('SELECT * FROM audit_entries')).rows);
    expect(dump).not.toContain('B1234567');
  });

  it('names an entry whose row was edited in PostgreSQL', async () => {
    const writer = log.writer('edit-test');
    for (let i = 0; i < 20; i++) await writer.append(event(i));
    await sql.query(`UPDATE audit_entries SET body = replace(body, '"purpose":"PERMIT_APPLICATION"', '"purpose":"LABOUR_INSPECTION"') WHERE writer = 'edit-test' AND seq = 7`);
    const result = await verifyAudit(log.db);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'altered', writer: 'edit-test', seq: 7 })]);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'bin/auditVerify.ts'], { env: { ...process.env, AUDIT_DATABASE_URL: database.url }, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('ALTERED: edit-test entry 7');
    // A time column edited behind the body's back is found too.
    await sql.query(`UPDATE audit_entries SET at = at - interval '1 day' WHERE writer = 'edit-test' AND seq = 12`);
    expect((await verifyAudit(log.db)).problems.map((p) => [p.kind, p.seq])).toEqual([['altered', 7], ['altered', 12]]);
  });

  it('finds removed entries, in the middle and at the end of a chain', async () => {
    const writer = log.writer('removal-test');
    for (let i = 0; i < 10; i++) await writer.append(event(i));
    await sql.query(`DELETE FROM audit_entries WHERE writer = 'removal-test' AND seq IN (4, 10)`);
    const problems = (await verifyAudit(log.db)).problems.filter((p) => p.writer === 'removal-test');
    expect(problems.map((p) => [p.kind, p.seq])).toEqual([['removed', 4], ['removed', 10]]);
  });

  it('finds reordered entries', async () => {
    const writer = log.writer('reorder-test');
    for (let i = 0; i < 10; i++) await writer.append(event(i));
    await sql.query(`UPDATE audit_entries SET seq = -seq WHERE writer = 'reorder-test' AND seq IN (3, 5)`);
    await sql.query(`UPDATE audit_entries SET seq = CASE WHEN seq = -3 THEN 5 ELSE 3 END WHERE writer = 'reorder-test' AND seq IN (-3, -5)`);
    const problems = (await verifyAudit(log.db)).problems.filter((p) => p.writer === 'reorder-test');
    expect(problems.map((p) => [p.kind, p.seq])).toEqual([['reordered', 3], ['reordered', 5]]);
  });

  it('keeps every committed entry of a writer killed with SIGKILL under load', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'platform/audit/auditWriterChild.ts', database.url, 'crash-test'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let acknowledged = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = chunk.toString().trim().split('\n');
      acknowledged = Math.max(acknowledged, Number(lines[lines.length - 1]));
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (acknowledged >= 2000) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`the writer exited by itself (${code})`));
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const result = await verifyAudit(log.db);
    expect(result.problems.filter((p) => p.writer === 'crash-test')).toEqual([]);
    expect(result.writers['crash-test']).toBeGreaterThanOrEqual(acknowledged);
  }, 120_000);
});
