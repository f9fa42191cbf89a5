// Once per test run: a fresh PostgreSQL database for the audit log of every stack the tests start
// (the embedded PGlite default is for `npm start`, one process at a time), dropped at the end.
import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './support/testDatabase.js';

let database: TestDatabase | undefined;

export async function setup(): Promise<void> {
  database = await createTestDatabase();
  process.env.AUDIT_DATABASE_URL = database.url;
  process.env.AUDIT_HMAC_KEY = randomBytes(32).toString('base64url');
}

export async function teardown(): Promise<void> {
  await database?.drop();
}
