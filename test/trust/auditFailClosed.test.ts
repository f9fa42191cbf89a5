// No audit entry, no personal data: when the owner's audit store goes away, the owner refuses the
// answer it computed instead of sending it unrecorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { defaultPopulation, holdingsIn } from '../../sandbox/population/population.js';
import { leaseAuditLog } from '../../platform/audit/index.js';
import { startTrustedCountry, testCaller, type TrustedCountry } from '../support/trustedCountries.js';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/testDatabase.js';

describe('the audit fails closed', () => {
  let database: TestDatabase;
  let country: TrustedCountry;

  beforeAll(async () => {
    database = await createTestDatabase();
    country = await startTrustedCountry('PHL', { location: database.url, hmacKey: 'fail-closed-test' });
  }, 60_000);
  afterAll(async () => {
    await country?.close();
    await leaseAuditLog(database.url).release();
    await database?.drop();
  });

  it('answers AUDIT_UNAVAILABLE, with no record in the raw answer, once the audit database is gone', async () => {
    const officer = testCaller('case-officer', 'IDN', 'PERMIT_APPLICATION');
    const person = holdingsIn(defaultPopulation(), 'PHL', 'PERMIT').map(({ person }) => person).find((p) => p.passportNo !== null && p.nationality !== 'PHL')!;
    const locate = () => country.ask(officer, 'query ($ids: [PhlIdentityInput!]!) { phlLocate(identities: $ids) { permitIds } }', { ids: [{ nationality: person.nationality, documentNumber: person.passportNo, dateOfBirth: person.dateOfBirth }] });
    const before = await locate();
    const [permitId] = (before.body.data!.phlLocate as Array<{ permitIds: string[] }>)[0].permitIds;
    expect(permitId).toEqual(expect.any(String));
    const read = () => country.ask(officer, 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on WorkPermit { id holderName holderDocumentNumber } } }', { reps: [{ __typename: 'PhlWorkPermit', id: permitId }] });
    const released = await read();
    const name = (released.body.data!._entities as Array<{ holderName: string }>)[0].holderName;

    // The store goes down: its database is dropped under the open connections.
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${database.name} WITH (FORCE)`);
    await admin.end();

    for (const answer of [await read(), await locate()]) {
      expect(answer.body.data ?? null).toBeNull();
      expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'AUDIT_UNAVAILABLE' }) })]);
      expect(answer.raw).not.toContain(name);
      expect(answer.raw).not.toContain(permitId);
      expect(answer.raw).not.toContain(person.passportNo!);
    }
  });
});
