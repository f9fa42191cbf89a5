// The embedded stack runs eleven country subgraphs in one process; they share one database per
// location (a PGlite folder can be opened by one instance only), each in its own schema. Opened on
// first use, closed when the last country lets it go.
import { openDatabase, type SqlDatabase } from '../../../platform/sql/database.js';

const open = new Map<string, { db: Promise<SqlDatabase>; users: number }>();

export async function acquireDatabase(location: string): Promise<SqlDatabase> {
  let entry = open.get(location);
  if (!entry) {
    entry = { db: openDatabase(location), users: 0 };
    open.set(location, entry);
    entry.db.catch(() => open.delete(location));
  }
  entry.users += 1;
  return entry.db;
}

export async function releaseDatabase(location: string): Promise<void> {
  const entry = open.get(location);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  open.delete(location);
  await (await entry.db.catch(() => null))?.close();
}
