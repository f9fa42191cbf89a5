import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * With BENCH_AUDIT_POSTGRES_URL, every Rantau process writes its audit to a PostgreSQL database of
 * its own on that server (AUDIT_DATABASE_URL), as a deployment does, instead of an embedded PGlite
 * log: created for the run, dropped at its end. One database per process: each keeps its own
 * chains, as each embedded log does.
 */
export class AuditDatabases {
  private readonly names: string[] = [];
  private readonly runId = randomBytes(4).toString('hex');

  constructor(private readonly server: string) {}

  private async admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.server });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** A new database for one process; its URL. */
  async create(label: string): Promise<string> {
    const name = `rantau_bench_${this.runId}_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
    await this.admin((client) => client.query(`CREATE DATABASE ${name}`));
    this.names.push(name);
    const url = new URL(this.server);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async dropAll(): Promise<void> {
    const names = this.names.splice(0);
    await this.admin(async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  }
}
