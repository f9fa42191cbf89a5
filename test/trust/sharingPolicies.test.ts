// What each member state's subgraph lets out, read on its raw HTTP answer (not the gateway's):
// every country's records asked by an Indonesian case officer for a permit application come back
// exactly as that country's policy.json says, and the roles' fixed limits hold everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { countryCodes } from '../../subgraphs/countries.js';
import { holdingsIn, defaultPopulation, type Person } from '../../sandbox/population/population.js';
import { identityHmac, leaseAuditLog } from '../../platform/audit/index.js';
import { internalFieldNames } from '../../subgraphs/kit/country.js';
import { startTrustedCountry, testCaller, testTrust, type TrustedCountry } from '../support/trustedCountries.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';
import { buildRegionalSubgraph, startRegionalSubgraph } from '../../subgraphs/regional/index.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import type { Caller } from '../../platform/caller.js';

/**
 * Stands in for the signed caller context between the regional subgraph and the countries, until
 * that lands: forwards every request to `target` with the test caller header added.
 */

const HMAC_KEY = 'sharing-policies-test-key';
const PERMIT_FIELDS = 'id country status nativeStatus validFrom validUntil holderName holderNationality holderDocumentNumber employer { name registrationNumber }';

/** What an Indonesian case officer asking for PERMIT_APPLICATION gets of a permit, per owner, from each policy.json. */
const IDN_CASE_OFFICER: Record<string, { level: 'FULL' | 'VERIFY'; employer: 'released' | 'withheld' | 'without registration number'; document: 'clear' | 'masked'; withheldExtras?: string[] }> = {
  IDN: { level: 'FULL', employer: 'released', document: 'clear' },
  SGP: { level: 'FULL', employer: 'withheld', document: 'masked', withheldExtras: ['monthlySalaryBand'] },
  MYS: { level: 'FULL', employer: 'without registration number', document: 'clear', withheldExtras: ['salaryBand'] },
  PHL: { level: 'FULL', employer: 'without registration number', document: 'clear' },
  THA: { level: 'FULL', employer: 'withheld', document: 'clear' },
  KHM: { level: 'FULL', employer: 'released', document: 'clear', withheldExtras: ['employmentCardNo'] },
  BRN: { level: 'FULL', employer: 'released', document: 'clear' },
  LAO: { level: 'VERIFY', employer: 'withheld', document: 'clear' },
  VNM: { level: 'VERIFY', employer: 'withheld', document: 'clear' },
  MMR: { level: 'VERIFY', employer: 'withheld', document: 'clear' },
  TLS: { level: 'VERIFY', employer: 'withheld', document: 'clear' },
};

interface PermitView {
  id: string;
  status: string;
  validUntil: string | null;
  holderName: string | null;
  holderNationality: string | null;
  holderDocumentNumber: string | null;
  employer: { name: string; registrationNumber: string | null } | null;
  [extra: string]: unknown;
}

describe('sharing policies, enforced by each owner on its raw answers', () => {
  let database: TestDatabase;
  const countries = new Map<string, TrustedCountry>();
  /** Per country: a foreign worker holding a permit there, and that permit as the owner's own inspector sees it. */
  const samples = new Map<string, { person: Person; permitId: string; full: PermitView; typename: string }>();
  let sql: pg.Client;

  const entities = async (country: TrustedCountry, caller: ReturnType<typeof testCaller> | null, typename: string, id: string, fields = PERMIT_FIELDS) =>
    country.ask(caller, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on WorkPermit { ${fields} } ... on ${typename} { __typename } } }`, { reps: [{ __typename: typename, id }] });

  beforeAll(async () => {
    database = await createTestDatabase();
    const population = defaultPopulation();
    const codes = countryCodes();
    for (const code of codes) countries.set(code, await startTrustedCountry(code, { location: database.url, hmacKey: HMAC_KEY }));
    for (const code of codes) {
      const country = countries.get(code)!;
      const names = internalFieldNames(code);
      const inspector = testCaller('inspector', code, 'LABOUR_INSPECTION');
      for (const { person } of holdingsIn(population, code, 'PERMIT').filter(({ person }) => person.passportNo !== null && person.nationality !== code).slice(0, 20)) {
        const located = await country.ask(inspector, `query ($ids: [${names.identityInput}!]!) { ${names.locate}(identities: $ids) { permitIds failures { code } } }`, { ids: [{ nationality: person.nationality, documentNumber: person.passportNo, dateOfBirth: person.dateOfBirth }] });
        const permitId = (located.body.data?.[names.locate] as Array<{ permitIds: string[] }> | undefined)?.[0]?.permitIds[0];
        if (!permitId) continue;
        const full = await entities(country, inspector, names.permitType, permitId);
        samples.set(code, { person, permitId, typename: names.permitType, full: (full.body.data!._entities as PermitView[])[0] });
        break;
      }
    }
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
  }, 240_000);

  afterAll(async () => {
    await sql?.end();
    await Promise.all([...countries.values()].map((country) => country.close()));
    await leaseAuditLog(database.url).release();
    await database?.drop();
  });

  it('found a sample permit in every member state, seen in full by its own inspector', () => {
    expect([...samples.keys()].sort()).toEqual(countryCodes().sort());
    for (const { full } of samples.values()) expect(full.holderName).toEqual(expect.any(String));
  });

  it.each(Object.keys(IDN_CASE_OFFICER))('an Indonesian case officer for PERMIT_APPLICATION gets %s\'s permit as its policy says', async (code) => {
    const expected = IDN_CASE_OFFICER[code];
    const { permitId, full, typename, person } = samples.get(code)!;
    const officer = testCaller('case-officer', 'IDN', 'PERMIT_APPLICATION');
    const answer = await entities(countries.get(code)!, officer, typename, permitId);
    expect(answer.body.errors).toBeUndefined();
    const permit = (answer.body.data!._entities as PermitView[])[0];
    expect(permit).toMatchObject({ id: permitId, status: full.status, validUntil: full.validUntil });
    if (expected.level === 'VERIFY') {
      expect(permit).toMatchObject({ holderName: null, holderNationality: null, holderDocumentNumber: null, employer: null });
      expect(answer.raw).not.toContain(full.holderName!);
      expect(answer.raw).not.toContain(person.passportNo!);
    } else {
      expect(permit.holderName).toBe(full.holderName);
      if (expected.document === 'masked') {
        expect(permit.holderDocumentNumber).toMatch(/^\*+\d{3}[A-Z]?$/);
        expect(permit.holderDocumentNumber!.slice(-3)).toBe(full.holderDocumentNumber!.replace(/[A-Z]$/, '').slice(-3));
        expect(answer.raw).not.toContain(full.holderDocumentNumber!);
      } else expect(permit.holderDocumentNumber).toBe(full.holderDocumentNumber);
    }
    if (expected.employer === 'withheld') {
      expect(permit.employer).toBeNull();
      if (full.employer) expect(answer.raw).not.toContain(JSON.stringify(full.employer.name));
    } else if (expected.employer === 'without registration number') {
      expect(permit.employer).toEqual({ name: full.employer!.name, registrationNumber: null });
      if (full.employer!.registrationNumber) expect(answer.raw).not.toContain(full.employer!.registrationNumber);
    } else expect(permit.employer).toEqual(full.employer);
    for (const extra of expected.withheldExtras ?? []) {
      const inspector = await entities(countries.get(code)!, testCaller('inspector', code, 'LABOUR_INSPECTION'), typename, permitId, `id ... on ${typename} { ${extra} }`);
      const released = (inspector.body.data!._entities as PermitView[])[0][extra];
      expect(released).toEqual(expect.any(String));
      const asked = await entities(countries.get(code)!, officer, typename, permitId, `id ... on ${typename} { ${extra} }`);
      expect((asked.body.data!._entities as PermitView[])[0][extra]).toBeNull();
      expect(asked.raw).not.toContain(JSON.stringify(released));
    }
  });

  it('decides by purpose and by the requesting member state, as each policy says', async () => {
    // Lao PDR releases to other member states' case officers for skills recognition, not for a permit application.
    const lao = samples.get('LAO')!;
    const asked = (purpose: 'PERMIT_APPLICATION' | 'SKILLS_RECOGNITION') => entities(countries.get('LAO')!, testCaller('case-officer', 'IDN', purpose), lao.typename, lao.permitId, `${PERMIT_FIELDS} ... on ${lao.typename} { cardNo }`);
    const [forPermit, forRecognition] = await Promise.all([asked('PERMIT_APPLICATION'), asked('SKILLS_RECOGNITION')]);
    expect((forPermit.body.data!._entities as PermitView[])[0]).toMatchObject({ status: lao.full.status, holderName: null, employer: null, cardNo: null });
    expect(forPermit.raw).not.toContain(lao.full.holderName!);
    expect((forRecognition.body.data!._entities as PermitView[])[0]).toMatchObject({ holderName: lao.full.holderName, employer: null, cardNo: null });
    // Thailand's own inspectors see the employer; another member state's inspector gets a verification answer.
    const tha = samples.get('THA')!;
    const foreignInspector = await entities(countries.get('THA')!, testCaller('inspector', 'MYS', 'LABOUR_INSPECTION'), tha.typename, tha.permitId);
    expect((foreignInspector.body.data!._entities as PermitView[])[0]).toMatchObject({ status: tha.full.status, holderName: null, employer: null });
    expect(tha.full.employer).not.toBeNull();
  });

  it('gives a verifier statuses only, and a country field it does not release is refused by name', async () => {
    const { permitId, full, typename } = samples.get('MYS')!;
    const country = countries.get('MYS')!;
    const verifier = testCaller('verifier', 'SGP', null);
    const answer = await entities(country, verifier, typename, permitId);
    expect((answer.body.data!._entities as PermitView[])[0]).toMatchObject({ id: permitId, status: full.status, holderName: null, holderDocumentNumber: null, employer: null });
    const extra = await entities(country, verifier, typename, permitId, `id ... on ${typename} { passType }`);
    expect(extra.body.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_WITHHELD', country: 'MYS', field: 'passType' });
    expect(extra.raw).not.toContain(full.holderName!);
  });

  it('lets a verifier check an id but not find a person by passport', async () => {
    const { permitId, person } = samples.get('PHL')!;
    const country = countries.get('PHL')!;
    const verifier = testCaller('verifier', 'SGP', null);
    const checked = await country.ask(verifier, 'query ($ids: [ID!]!) { phlCheck(ids: $ids) { id found failure { code } } }', { ids: [permitId] });
    expect(checked.body.data!.phlCheck).toEqual([{ id: permitId, found: true, failure: null }]);
    const located = await country.ask(verifier, 'query ($ids: [PhlIdentityInput!]!) { phlLocate(identities: $ids) { permitIds failures { code } } }', { ids: [{ nationality: person.nationality, documentNumber: person.passportNo, dateOfBirth: person.dateOfBirth }] });
    expect(located.body.data!.phlLocate).toEqual([{ permitIds: [], failures: [{ code: 'POLICY_WITHHELD' }] }]);
  });

  it('gives an analyst no record, and no check either', async () => {
    const { permitId, typename, full } = samples.get('IDN')!;
    const country = countries.get('IDN')!;
    const analyst = testCaller('analyst', 'IDN', 'PERMIT_APPLICATION');
    const answer = await entities(country, analyst, typename, permitId);
    expect(answer.body.data!._entities).toEqual([null]);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'POLICY_WITHHELD', country: 'IDN' });
    expect(answer.raw).not.toContain(full.holderName!);
    const checked = await country.ask(analyst, 'query ($ids: [ID!]!) { idnCheck(ids: $ids) { found failure { code } } }', { ids: [permitId] });
    expect(checked.body.data!.idnCheck).toEqual([{ found: false, failure: { code: 'POLICY_WITHHELD' } }]);
  });

  it('gives a case officer who declared no purpose a verification answer only, and a request with no caller nothing', async () => {
    const { permitId, typename, full } = samples.get('SGP')!;
    const country = countries.get('SGP')!;
    const undeclared = await entities(country, testCaller('case-officer', 'IDN', null), typename, permitId);
    expect((undeclared.body.data!._entities as PermitView[])[0]).toMatchObject({ id: permitId, status: full.status, holderName: null, holderDocumentNumber: null });
    // A purpose the token does not allow counts as none.
    const notAllowed = await entities(country, testCaller('case-officer', 'IDN', 'PERMIT_APPLICATION', { purposes: ['SKILLS_RECOGNITION'] }), typename, permitId);
    expect((notAllowed.body.data!._entities as PermitView[])[0]).toMatchObject({ holderName: null });
    const anonymous = await entities(country, null, typename, permitId);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('POLICY_WITHHELD');
    for (const answer of [undeclared, notAllowed, anonymous]) expect(answer.raw).not.toContain(full.holderName!);
  });

  it('gives a subject all of their own records in full, nobody else\'s, and who looked at them', async () => {
    const { permitId, typename, full, person } = samples.get('VNM')!;
    const country = countries.get('VNM')!;
    const subject = testCaller('subject', person.nationality, 'WORKER_REQUEST', { subject: { nationality: person.nationality, documentNumber: person.passportNo! } });
    const own = await entities(country, subject, typename, permitId);
    expect((own.body.data!._entities as PermitView[])[0]).toEqual(full);
    const located = await country.ask(subject, 'query ($ids: [VnmIdentityInput!]!) { vnmLocate(identities: $ids) { permitIds failures { code } } }', { ids: [{ nationality: person.nationality, documentNumber: person.passportNo, dateOfBirth: null }] });
    expect((located.body.data!.vnmLocate as Array<{ permitIds: string[] }>)[0].permitIds).toContain(permitId);
    const other = samples.get('MMR')!;
    const someoneElse = testCaller('subject', other.person.nationality, 'WORKER_REQUEST', { subject: { nationality: other.person.nationality, documentNumber: other.person.passportNo! } });
    const refused = await entities(country, someoneElse, typename, permitId);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('POLICY_WITHHELD');
    expect(refused.raw).not.toContain(full.holderName!);

    const history = await country.ask(subject, '{ vnmAccessHistory { at memberState role purpose action recordIds level outcome } }');
    const accesses = history.body.data!.vnmAccessHistory as Array<Record<string, unknown>>;
    // The owner's inspector (sampling), the Indonesian case officer, and the subject themself.
    expect(accesses).toEqual(expect.arrayContaining([
      expect.objectContaining({ memberState: 'VNM', role: 'inspector', purpose: 'LABOUR_INSPECTION', action: 'READ', recordIds: [permitId], level: 'FULL', outcome: 'RELEASED' }),
      expect.objectContaining({ memberState: 'IDN', role: 'case-officer', purpose: 'PERMIT_APPLICATION', action: 'READ', recordIds: [permitId], level: 'VERIFY', outcome: 'RELEASED' }),
      expect.objectContaining({ role: 'subject', action: 'READ', level: 'SUBJECT' }),
    ]));
    const notSubject = await country.ask(testCaller('case-officer', 'IDN', 'PERMIT_APPLICATION'), '{ vnmAccessHistory { at } }');
    expect(notSubject.body.errors?.[0]?.extensions?.code).toBe('POLICY_WITHHELD');
  });

  it('answers a subject\'s myAccessHistory at the regional subgraph from every owner\'s log, and nobody else\'s', async () => {
    const { permitId, person } = samples.get('VNM')!;
    const subject = testCaller('subject', person.nationality, 'WORKER_REQUEST', { subject: { nationality: person.nationality, documentNumber: person.passportNo! } });
    // As the gateway asks: a context signed for the regional subgraph, which re-signs the caller for each country.
    const trust = await testTrust;
    const ask = async (caller: Caller) => {
      const regional = await startRegionalSubgraph(await buildRegionalSubgraph({ countries: [...countries.values()].map((country) => ({ code: country.code, url: country.server.url })), countryTimeoutMs: 10_000, signer: trust.regionalSigner }), 0, trust.verifierFor('regional'));
      try {
        const url = `${regional.url}/graphql`;
        return await graphqlRequest<{ myAccessHistory: Array<Record<string, unknown>> }>(url, '{ myAccessHistory { at owner memberState role purpose action recordIds level outcome } }', {}, 20_000, (body) => trust.gateway.signer.headerFor({ caller }, 'regional', url, body));
      } finally {
        await regional.close();
      }
    };
    const mine = await ask(subject);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myAccessHistory).toEqual(expect.arrayContaining([
      expect.objectContaining({ owner: 'VNM', memberState: 'IDN', role: 'case-officer', purpose: 'PERMIT_APPLICATION', recordIds: [permitId], level: 'VERIFY' }),
    ]));
    const times = mine.data!.myAccessHistory.map((access) => access.at as string);
    expect(times).toEqual([...times].sort().reverse());
    const officer = await ask(testCaller('case-officer', 'IDN', 'PERMIT_APPLICATION'));
    expect(officer.errors?.map((error) => error.extensions?.code)).toEqual(['POLICY_WITHHELD']);
  });

  it('writes every access to the owner\'s chain with the caller, the purpose, the level and the worker only as a keyed HMAC', async () => {
    const { permitId, person } = samples.get('SGP')!;
    const rows = (await sql.query<{ body: string; subjects: string[] }>(`SELECT body, subjects FROM audit_entries WHERE writer = 'country:SGP'`)).rows;
    const entries = rows.map((row) => JSON.parse(row.body) as Record<string, unknown>);
    expect(entries).toEqual(expect.arrayContaining([
      expect.objectContaining({ writer: 'country:SGP', client: 'idn-case-officer-client', memberState: 'IDN', role: 'case-officer', officer: 'IDN-officer-1', purpose: 'PERMIT_APPLICATION', action: 'READ', recordIds: [permitId], level: 'FULL', outcome: 'RELEASED', subjects: [identityHmac(HMAC_KEY, person.nationality, person.passportNo!)], operation: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(person.passportNo!);
    expect(dump).not.toContain(samples.get('SGP')!.full.holderName!);
  });
});
