// One small SQL interface over the two PostgreSQL engines Rantau speaks to: a PostgreSQL server
// through `pg` (deployments, tests) and PGlite, PostgreSQL compiled to WebAssembly, on disk or in
// memory (the embedded default of `npm start`, which must need nothing installed). Both run the
// same SQL, so a store and its migrations are written once.
import { mkdirSync } from 'node:fs';

export interface SqlQueryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDatabase extends SqlQueryable {
  /** Where the data lives, without credentials (for logs and banners). */
  readonly description: string;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `postgres://…` or `postgresql://…` → a PostgreSQL server; `memory://` → PGlite in memory; anything else → PGlite in that folder. */
export async function openDatabase(location: string): Promise<SqlDatabase> {
  return /^postgres(ql)?:\/\//.test(location) ? openPostgres(location) : openPglite(location);
}

async function openPostgres(url: string): Promise<SqlDatabase> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle client that loses its server must not crash the process: the next query fails instead (fail closed).
  pool.on('error', () => undefined);
  const parsed = new URL(url);
  return {
    description: `postgresql://${parsed.host}${parsed.pathname}`,
    query: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[] });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<SqlDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir);
  await db.waitReady;
  return {
    description: dataDir === 'memory://' ? 'PGlite in memory' : `PGlite in ${dataDir}`,
    query: async <T>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows,
    transaction: <T>(work: (tx: SqlQueryable) => Promise<T>) => db.transaction((tx) => work({ query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows })),
    close: () => db.close(),
  };
}
