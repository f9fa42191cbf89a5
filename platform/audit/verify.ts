// `npm run audit:verify`'s check: walks every writer's chain in order and names each entry that
// was altered (its hash or its columns no longer match its body), removed (a gap in the sequence,
// or a chain shorter than its recorded head) or reordered (an entry whose body says another place).
import { GENESIS_HASH, chainHash, type AuditEntry } from './entry.js';
import type { SqlQueryable } from '../sql/database.js';
import type { EntryRow } from './auditLog.js';

export type AuditProblemKind = 'altered' | 'removed' | 'reordered';

export interface AuditProblem {
  kind: AuditProblemKind;
  writer: string;
  /** The place in the writer's chain where the problem is. */
  seq: number;
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  writers: Record<string, number>;
  problems: AuditProblem[];
}

type Row = EntryRow;

/** Reads the chains page by page (a chain may hold millions of entries). */
export async function verifyAudit(db: SqlQueryable, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const writers: Record<string, number> = {};
  const heads = new Map((await db.query<{ writer: string; seq: string | number; hash: string }>('SELECT writer, seq, hash FROM audit_heads')).map((h) => [h.writer, { seq: Number(h.seq), hash: h.hash }]));
  const names = (await db.query<{ writer: string }>('SELECT DISTINCT writer FROM audit_entries UNION SELECT writer FROM audit_heads')).map((r) => r.writer).sort();
  for (const writer of names) {
    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let count = 0;
    let after = 0;
    // An entry after one already named is not named again for no longer following it.
    let previousNamed = false;
    for (;;) {
      const rows = await db.query<Row>('SELECT * FROM audit_entries WHERE writer = $1 AND seq > $2 ORDER BY seq LIMIT $3', [writer, after, pageSize]);
      for (const row of rows) {
        const seq = Number(row.seq);
        const before = problems.length;
        count += 1;
        if (seq > expectedSeq) problems.push({ kind: 'removed', writer, seq: expectedSeq, detail: seq - expectedSeq === 1 ? `entry ${expectedSeq} is missing` : `entries ${expectedSeq}–${seq - 1} are missing` });
        let body: AuditEntry | null = null;
        try {
          body = JSON.parse(row.body) as AuditEntry;
        } catch {
          problems.push({ kind: 'altered', writer, seq, detail: 'its body is not JSON' });
        }
        if (chainHash(row.prev_hash, row.body) !== row.hash) {
          problems.push({ kind: 'altered', writer, seq, detail: 'its content does not match its hash' });
        } else if (body && (body.seq !== seq || body.writer !== writer)) {
          problems.push({ kind: 'reordered', writer, seq, detail: `it was written as ${body.writer} entry ${body.seq}` });
        } else if (row.prev_hash !== previousHash && seq === expectedSeq && !previousNamed) {
          problems.push({ kind: 'reordered', writer, seq, detail: 'it does not follow the entry before it in the chain' });
        } else if (body && (new Date(row.at).getTime() !== new Date(body.at).getTime() || [...row.subjects].sort().join() !== [...body.subjects].sort().join())) {
          problems.push({ kind: 'altered', writer, seq, detail: 'its time or subjects columns differ from what was written' });
        }
        previousNamed = problems.length > before;
        previousHash = row.hash;
        expectedSeq = seq + 1;
        after = seq;
      }
      if (rows.length < pageSize) break;
    }
    writers[writer] = count;
    const head = heads.get(writer);
    if (!head) problems.push({ kind: 'altered', writer, seq: expectedSeq - 1, detail: 'the chain has no recorded head' });
    else if (head.seq >= expectedSeq) problems.push({ kind: 'removed', writer, seq: expectedSeq, detail: `the chain ends at ${expectedSeq - 1} but its head says ${head.seq}` });
    else if (head.seq === expectedSeq - 1 && head.hash !== previousHash) problems.push({ kind: 'altered', writer, seq: head.seq, detail: 'the last entry does not match the recorded head' });
  }
  return { ok: problems.length === 0, writers, problems };
}
