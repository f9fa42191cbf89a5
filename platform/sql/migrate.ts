// Versioned schema migrations, shared by every store Rantau keeps in SQL (the audit log; the
// country index later). Each component keeps its migrations as numbered `.sql` files in its own
// folder (`001_name.sql`, …); each is applied once, in order, inside a transaction, and recorded in
// `schema_migrations`. Several processes may start at once: a transaction-scoped advisory lock
// lets one of them migrate while the others wait.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDatabase } from './database.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNN_name.sql` files from a folder, in version order. */
export function migrationsIn(folder: string): Migration[] {
  return readdirSync(folder)
    .filter((file) => /^\d+_.+\.sql$/.test(file))
    .map((file) => ({ version: Number(file.split('_')[0]), name: file.replace(/\.sql$/, ''), sql: readFileSync(join(folder, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** Applies the component's migrations not applied yet; returns the versions it applied. */
export async function migrate(db: SqlDatabase, component: string, migrations: Migration[]): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    component text NOT NULL, version integer NOT NULL, name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (component, version))`).catch(async (error) => {
    // Two processes creating the table at once: the loser sees a duplicate; the table is there either way.
    if (!/already exists|duplicate key/.test(String(error))) throw error;
  });
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`migrate:${component}`]);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE component = $1', [component])).map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (component, version, name) VALUES ($1, $2, $3)', [component, migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
