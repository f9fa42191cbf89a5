// The country index in SQL: one PostgreSQL schema per country (`rantau_index_<cc>`), created and
// upgraded by the versioned migrations beside this file, the same SQL on a PostgreSQL server and
// on the embedded PGlite. Pages are written in one transaction with the cursor of the next page,
// so a sync stopped anywhere resumes at the first page it had not finished.
import { fileURLToPath } from 'node:url';
import { migrate, migrationsIn } from '../../../platform/sql/migrate.js';
import type { SqlDatabase, SqlQueryable } from '../../../platform/sql/database.js';
import type { ContractRecord } from '../records.js';
import { factsOf, fingerprintOf, type RecordFacts } from './facts.js';
import type { IdentityDigest } from './identityDigest.js';
import { ACTIVE_PERMIT_STATUSES, COUNT_DIMENSIONS, type CountDimension, type CountFilter, type CountGroup } from './recordCounts.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface SyncState {
  registry: string;
  pass: number;
  passInProgress: boolean;
  /** Cursor of the next page of the pass in progress (null: its first page). */
  cursor: string | null;
  passStartedAt: string | null;
  pagesInPass: number;
  /** Start of the last full pass that completed: every record older than this was seen. */
  completeSince: string | null;
  /** The index holds the registry as it was at this instant (null until a first full pass completed). */
  syncedAt: string | null;
  /** Where the change feed is read from next. */
  feedSince: string | null;
}

/** One record to write, with the instant it changed when the change feed says so. */
export interface IndexEntry {
  record: ContractRecord;
  changedAt?: string;
}

export interface QualificationCount {
  qualificationCode: string | null;
  title: string;
  nationalLevel: string | null;
  issued: number;
}

export interface IndexedRecordId {
  identity: string;
  registry: string;
  nativeId: string;
}

const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/** The schema of a country's index: `rantau_index_idn`. */
export function indexSchemaName(country: string): string {
  if (!/^[A-Z]{3}$/.test(country)) throw new Error(`index: expected an ISO alpha-3 country code, got ${JSON.stringify(country)}`);
  return `rantau_index_${country.toLowerCase()}`;
}

export class IndexStore {
  private readonly schema: string;

  private constructor(
    readonly db: SqlDatabase,
    readonly country: string,
    private readonly digest: IdentityDigest,
  ) {
    this.schema = indexSchemaName(country);
  }

  /** Opens (and migrates) a country's index in a database. */
  static async open(db: SqlDatabase, country: string, digest: IdentityDigest): Promise<IndexStore> {
    const store = new IndexStore(db, country, digest);
    const migrations = migrationsIn(MIGRATIONS).map((m) => ({ ...m, sql: m.sql.replaceAll('{{schema}}', store.schema) }));
    await migrate(db, `index:${country}`, migrations);
    await store.claimKey();
    return store;
  }

  /** An index written under another HMAC key cannot be read: it is emptied, and the sync starts again. */
  private async claimKey(): Promise<void> {
    const check = this.digest.keyCheck();
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ key_check: string }>(`SELECT key_check FROM ${this.schema}.index_key FOR UPDATE`);
      if (row?.key_check === check) return;
      await tx.query(`DELETE FROM ${this.schema}.identities`);
      await tx.query(`DELETE FROM ${this.schema}.records`);
      await tx.query(`DELETE FROM ${this.schema}.sync_state`);
      await tx.query(`INSERT INTO ${this.schema}.index_key (only_row, key_check) VALUES (true, $1) ON CONFLICT (only_row) DO UPDATE SET key_check = EXCLUDED.key_check`, [check]);
    });
  }

  /** Table names of this country's index (the privacy test scans them all). */
  get tables(): string[] {
    return ['records', 'identities', 'sync_state', 'index_key'].map((t) => `${this.schema}.${t}`);
  }

  async state(registry: string): Promise<SyncState> {
    await this.db.query(`INSERT INTO ${this.schema}.sync_state (registry) VALUES ($1) ON CONFLICT (registry) DO NOTHING`, [registry]);
    const [row] = await this.db.query<Record<string, unknown>>(`SELECT * FROM ${this.schema}.sync_state WHERE registry = $1`, [registry]);
    return {
      registry,
      pass: Number(row.pass),
      passInProgress: Boolean(row.pass_in_progress),
      cursor: (row.cursor as string | null) ?? null,
      passStartedAt: iso(row.pass_started_at),
      pagesInPass: Number(row.pages_in_pass),
      completeSince: iso(row.complete_since),
      syncedAt: iso(row.synced_at),
      feedSince: (row.feed_since as string | null) ?? null,
    };
  }

  /** The instant each registry's index is complete to (registries never synced are absent). */
  async syncedAt(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ registry: string; synced_at: unknown }>(`SELECT registry, synced_at FROM ${this.schema}.sync_state WHERE synced_at IS NOT NULL`);
    return new Map(rows.map((row) => [row.registry, iso(row.synced_at)!]));
  }

  async beginPass(registry: string, startedAt: string): Promise<SyncState> {
    await this.state(registry);
    await this.db.query(`UPDATE ${this.schema}.sync_state SET pass = pass + 1, pass_in_progress = true, cursor = NULL, pass_started_at = $2, pages_in_pass = 0 WHERE registry = $1`, [registry, startedAt]);
    return this.state(registry);
  }

  /** Writes one page of a full pass and where the next one starts, atomically. */
  async writePage(registry: string, pass: number, entries: readonly IndexEntry[], next: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.upsert(tx, registry, pass, entries);
      await tx.query(`UPDATE ${this.schema}.sync_state SET cursor = $2, pages_in_pass = pages_in_pass + 1 WHERE registry = $1`, [registry, next]);
    });
  }

  /** Ends a full pass: records it did not see are gone from the registry, and the index is complete as of its start. */
  async endPass(registry: string, pass: number, startedAt: string): Promise<number> {
    const removed = await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM ${this.schema}.identities i USING ${this.schema}.records r WHERE r.registry = $1 AND r.pass < $2 AND i.registry = r.registry AND i.native_id = r.native_id`, [registry, pass]);
      const removed = await tx.query(`DELETE FROM ${this.schema}.records WHERE registry = $1 AND pass < $2 RETURNING native_id`, [registry, pass]);
      await tx.query(
        `UPDATE ${this.schema}.sync_state SET pass_in_progress = false, cursor = NULL, complete_since = $2,
           synced_at = GREATEST(COALESCE(synced_at, $2), $2), feed_since = COALESCE(feed_since, $3) WHERE registry = $1`,
        [registry, startedAt, startedAt],
      );
      return removed.length;
    });
    // A full pass rewrites the whole registry: the planner's statistics are refreshed with it.
    // PostgreSQL's autovacuum would get there in time; the embedded PGlite has none, and without
    // statistics it reads a kind that is most of the table through an index.
    await this.db.query(`ANALYZE ${this.schema}.records, ${this.schema}.identities`);
    return removed;
  }

  /** Records re-read between full passes (change feed or issue-date window), and those the registry no longer holds. */
  async applyChanges(registry: string, pass: number, entries: readonly IndexEntry[], removed: readonly string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.upsert(tx, registry, pass, entries);
      if (removed.length > 0) {
        await tx.query(`DELETE FROM ${this.schema}.identities WHERE registry = $1 AND native_id = ANY($2::text[])`, [registry, removed]);
        await tx.query(`DELETE FROM ${this.schema}.records WHERE registry = $1 AND native_id = ANY($2::text[])`, [registry, removed]);
      }
    });
  }

  /** The index is complete for `registry` as of `syncedAt`; the feed is read from `feedSince` next. */
  async advance(registry: string, syncedAt: string, feedSince?: string): Promise<void> {
    await this.db.query(`UPDATE ${this.schema}.sync_state SET synced_at = GREATEST(COALESCE(synced_at, $2), $2), feed_since = COALESCE($3, feed_since) WHERE registry = $1`, [registry, syncedAt, feedSince ?? null]);
  }

  private async upsert(tx: SqlQueryable, registry: string, pass: number, entries: readonly IndexEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const now = new Date().toISOString();
    // The last version of a record wins when a page or a feed names it twice.
    const byId = new Map<string, { facts: RecordFacts; identities: string[]; changedAt: string }>();
    for (const { record, changedAt } of entries) {
      const facts = factsOf(record);
      byId.set(facts.nativeId, { facts, identities: this.digest.ofRecord(record), changedAt: changedAt ?? now });
    }
    const rows = [...byId.values()];
    const column = <T>(read: (row: (typeof rows)[number]) => T) => rows.map(read);
    await tx.query(
      `INSERT INTO ${this.schema}.records AS r (registry, native_id, kind, country, changed_at, indexed_at, pass, fingerprint, holder_nationality, status, native_status,
         native_type, permit_class, national_level, aqrf_level, aqrf_basis, isco, issued_on, valid_from, valid_until, sector, qualification_code, qualification_title)
       SELECT $1, u.native_id, u.kind, u.country, u.changed_at, $2, $3, u.fingerprint, u.holder_nationality, u.status, u.native_status, u.native_type, u.permit_class,
         u.national_level, u.aqrf_level, u.aqrf_basis, u.isco, u.issued_on, u.valid_from, u.valid_until, u.sector, u.qualification_code, u.qualification_title
       FROM unnest($4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
         $15::int[], $16::text[], $17::text[], $18::date[], $19::date[], $20::date[], $21::text[], $22::text[], $23::text[])
         AS u(native_id, kind, country, changed_at, fingerprint, holder_nationality, status, native_status, native_type, permit_class, national_level,
           aqrf_level, aqrf_basis, isco, issued_on, valid_from, valid_until, sector, qualification_code, qualification_title)
       ON CONFLICT (registry, native_id) DO UPDATE SET
         changed_at = CASE WHEN r.fingerprint IS DISTINCT FROM EXCLUDED.fingerprint THEN EXCLUDED.changed_at ELSE r.changed_at END,
         indexed_at = EXCLUDED.indexed_at, pass = GREATEST(r.pass, EXCLUDED.pass), fingerprint = EXCLUDED.fingerprint, kind = EXCLUDED.kind, country = EXCLUDED.country,
         holder_nationality = EXCLUDED.holder_nationality, status = EXCLUDED.status, native_status = EXCLUDED.native_status, native_type = EXCLUDED.native_type,
         permit_class = EXCLUDED.permit_class, national_level = EXCLUDED.national_level, aqrf_level = EXCLUDED.aqrf_level, aqrf_basis = EXCLUDED.aqrf_basis,
         isco = EXCLUDED.isco, issued_on = EXCLUDED.issued_on, valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, sector = EXCLUDED.sector,
         qualification_code = EXCLUDED.qualification_code, qualification_title = EXCLUDED.qualification_title`,
      [
        registry, now, pass,
        column((r) => r.facts.nativeId), column((r) => r.facts.kind), column((r) => r.facts.country), column((r) => r.changedAt),
        column((r) => fingerprintOf(r.facts, r.identities)), column((r) => r.facts.holderNationality), column((r) => r.facts.status), column((r) => r.facts.nativeStatus),
        column((r) => r.facts.nativeType), column((r) => r.facts.permitClass), column((r) => r.facts.nationalLevel), column((r) => r.facts.aqrfLevel),
        column((r) => r.facts.aqrfBasis), column((r) => r.facts.isco), column((r) => r.facts.issuedOn), column((r) => r.facts.validFrom), column((r) => r.facts.validUntil),
        column((r) => r.facts.sector), column((r) => r.facts.qualificationCode), column((r) => r.facts.qualificationTitle),
      ],
    );
    const ids = column((r) => r.facts.nativeId);
    await tx.query(`DELETE FROM ${this.schema}.identities WHERE registry = $1 AND native_id = ANY($2::text[])`, [registry, ids]);
    const pairs = rows.flatMap((r) => r.identities.map((identity) => [identity, r.facts.nativeId] as const));
    if (pairs.length > 0) {
      await tx.query(
        `INSERT INTO ${this.schema}.identities (identity, registry, native_id) SELECT u.identity, $1, u.native_id FROM unnest($2::text[], $3::text[]) AS u(identity, native_id) ON CONFLICT DO NOTHING`,
        [registry, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    }
  }

  /** Record numbers under any of the digests, in the registries named: one query for a whole batch of identities. */
  async recordsFor(digests: readonly string[], registries: readonly string[]): Promise<IndexedRecordId[]> {
    if (digests.length === 0 || registries.length === 0) return [];
    const rows = await this.db.query<{ identity: string; registry: string; native_id: string }>(
      `SELECT identity, registry, native_id FROM ${this.schema}.identities WHERE identity = ANY($1::text[]) AND registry = ANY($2::text[])`,
      [digests, registries],
    );
    return rows.map((row) => ({ identity: row.identity, registry: row.registry, nativeId: row.native_id }));
  }

  async countRecords(registry: string): Promise<number> {
    const [row] = await this.db.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${this.schema}.records WHERE registry = $1`, [registry]);
    return Number(row.n);
  }

  /** Qualifications certified in an ISCO unit group, most issued first: no personal data, counts only. */
  async qualifications(isco: string, nationalLevels: readonly string[] | null, first: number): Promise<QualificationCount[]> {
    const rows = await this.db.query<{ qualification_code: string | null; qualification_title: string; national_level: string | null; issued: unknown }>(
      `SELECT qualification_code, qualification_title, national_level, count(*) AS issued FROM ${this.schema}.records
       WHERE kind = 'CERT' AND isco = $1 AND qualification_title IS NOT NULL AND ($2::text[] IS NULL OR national_level = ANY($2::text[]))
       GROUP BY qualification_code, qualification_title, national_level ORDER BY issued DESC, qualification_title, qualification_code LIMIT $3`,
      [isco, nationalLevels, first],
    );
    return rows.map((row) => ({ qualificationCode: row.qualification_code, title: row.qualification_title, nationalLevel: row.national_level, issued: Number(row.issued) }));
  }

  /** Records counted per group of the dimensions named (raw counts: the regional subgraph suppresses small ones after merging). */
  async recordCounts(dimensions: readonly CountDimension[], filter: CountFilter): Promise<CountGroup[]> {
    const columns = dimensions.map((dimension, i) => `${COUNT_DIMENSIONS[dimension]} AS d${i}`);
    const where = ['kind = $1'];
    const params: unknown[] = [filter.kind];
    if (filter.activeOn) {
      params.push(filter.activeOn, [...ACTIVE_PERMIT_STATUSES]);
      where.push(`(valid_from IS NULL OR valid_from <= $${params.length - 1}::date) AND (valid_until IS NULL OR valid_until >= $${params.length - 1}::date) AND status = ANY($${params.length}::text[])`);
    }
    if (filter.issuedFrom) {
      params.push(filter.issuedFrom);
      where.push(`issued_on >= $${params.length}::date`);
    }
    if (filter.issuedTo) {
      params.push(filter.issuedTo);
      where.push(`issued_on <= $${params.length}::date`);
    }
    const grouping = dimensions.length > 0 ? ` GROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}` : '';
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT ${[...columns, 'count(*) AS n'].join(', ')} FROM ${this.schema}.records WHERE ${where.join(' AND ')}${grouping}`,
      params,
    );
    return rows
      .map((row) => ({ values: dimensions.map((_, i) => (row[`d${i}`] === null || row[`d${i}`] === undefined ? null : String(row[`d${i}`]))), count: Number(row.n) }))
      .filter((group) => group.count > 0);
  }
}
