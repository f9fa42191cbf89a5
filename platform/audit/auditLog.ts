// The audit store: append-only hash chains in PostgreSQL (or PGlite, which speaks the same SQL),
// usable from any service. A writer appends through `AuditLog.writer(name)`: appends made in the
// same moment are written together in one transaction, and each `append` resolves only once its
// entry is committed, so a service can hold an answer back until its audit entry is durable.
import { fileURLToPath } from 'node:url';
import { openDatabase, type SqlDatabase, type SqlQueryable } from '../sql/database.js';
import { migrate, migrationsIn } from '../sql/migrate.js';
import { GENESIS_HASH, canonicalJson, chainHash, type AuditEntry, type AuditEvent } from './entry.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Most entries one transaction appends; more wait for the next one. */
const MAX_BATCH = 1000;

/** A row of `audit_entries` as the drivers return it. */
export interface EntryRow {
  writer: string;
  seq: string | number;
  at: Date | string;
  subjects: string[];
  body: string;
  prev_hash: string;
  hash: string;
}

export interface StoredEntry extends AuditEntry {
  hash: string;
}

function toStored(row: EntryRow): StoredEntry {
  return { ...(JSON.parse(row.body) as AuditEntry), hash: row.hash };
}

/** Appends one writer's entries to its chain, in the order `append` was called. */
export class AuditWriter {
  private pending: Array<{ event: AuditEvent; at: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: SqlDatabase,
    readonly name: string,
  ) {}

  /** Resolves once the entry is committed; rejects when it could not be (the caller must then fail closed). */
  append(event: AuditEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ event, at: new Date().toISOString(), resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.flushing || this.pending.length === 0) return;
    this.flushing = this.flush().finally(() => {
      this.flushing = null;
      this.kick();
    });
  }

  private async flush(): Promise<void> {
    // Appends that arrive while a batch is being written wait for the next batch: one writer, one transaction at a time.
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      try {
        await this.db.transaction((tx) => this.write(tx, batch.map(({ event, at }) => ({ event, at }))));
        batch.forEach((item) => item.resolve());
      } catch (error) {
        batch.forEach((item) => item.reject(error));
      }
    }
  }

  private async write(tx: SqlQueryable, batch: Array<{ event: AuditEvent; at: string }>): Promise<void> {
    // Other processes may write under the same name (replicas, a restarted service): the database
    // orders them, one transaction per writer at a time, and each continues the chain it finds.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${this.name}`]);
    const head = (await tx.query<{ seq: string | number; hash: string }>('SELECT seq, hash FROM audit_heads WHERE writer = $1', [this.name]))[0];
    let seq = head ? Number(head.seq) : 0;
    let previous = head?.hash ?? GENESIS_HASH;
    const columns: unknown[] = [];
    const rows: string[] = [];
    for (const { event, at } of batch) {
      seq += 1;
      const entry: AuditEntry = { ...event, writer: this.name, seq, at };
      const body = canonicalJson(entry);
      const hash = chainHash(previous, body);
      const n = columns.length;
      rows.push(`($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7})`);
      columns.push(this.name, seq, at, entry.subjects, body, previous, hash);
      previous = hash;
    }
    await tx.query(`INSERT INTO audit_entries (writer, seq, at, subjects, body, prev_hash, hash) VALUES ${rows.join(', ')}`, columns);
    await tx.query(
      'INSERT INTO audit_heads (writer, seq, hash) VALUES ($1, $2, $3) ON CONFLICT (writer) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash',
      [this.name, seq, previous],
    );
  }
}

export class AuditLog {
  private readonly writers = new Map<string, AuditWriter>();

  private constructor(readonly db: SqlDatabase) {}

  /** Opens (and migrates) the store at a PostgreSQL URL, a PGlite folder or `memory://`. */
  static async open(location: string): Promise<AuditLog> {
    return AuditLog.over(await openDatabase(location));
  }

  static async over(db: SqlDatabase): Promise<AuditLog> {
    await migrate(db, 'audit', migrationsIn(MIGRATIONS));
    return new AuditLog(db);
  }

  /** The writer of one chain; one per service (`gateway`, `country:SGP`). */
  writer(name: string): AuditWriter {
    let writer = this.writers.get(name);
    if (!writer) this.writers.set(name, (writer = new AuditWriter(this.db, name)));
    return writer;
  }

  /** Entries naming a worker (by identity HMAC), newest first; optionally only one writer's. */
  async entriesFor(subject: string, writer?: string, limit = 500): Promise<StoredEntry[]> {
    const rows = writer
      ? await this.db.query<EntryRow>('SELECT * FROM audit_entries WHERE $1 = ANY(subjects) AND writer = $2 ORDER BY at DESC, seq DESC LIMIT $3', [subject, writer, limit])
      : await this.db.query<EntryRow>('SELECT * FROM audit_entries WHERE $1 = ANY(subjects) ORDER BY at DESC, seq DESC LIMIT $2', [subject, limit]);
    return rows.map(toStored);
  }

  /** Every entry written in [from, to), by writer and chain order. */
  async between(from: Date, to: Date): Promise<StoredEntry[]> {
    return (await this.db.query<EntryRow>('SELECT * FROM audit_entries WHERE at >= $1 AND at < $2 ORDER BY writer, seq', [from.toISOString(), to.toISOString()])).map(toStored);
  }

  async count(writer?: string): Promise<number> {
    const rows = writer
      ? await this.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_entries WHERE writer = $1', [writer])
      : await this.db.query<{ n: string }>('SELECT count(*) AS n FROM audit_entries');
    return Number(rows[0].n);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
