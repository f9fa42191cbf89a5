import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import fc from 'fast-check';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { countryEntries } from '../../subgraphs/countries.js';
import { internalFieldNames } from '../../subgraphs/kit/country.js';
import type { CountryIndexPlugin } from '../../subgraphs/kit/plugins/index.js';
import { indexSchemaName } from '../../subgraphs/kit/index/indexStore.js';
import { graphqlRequest } from '../../platform/graphqlRequest.js';
import { createTestDatabase, type TestDatabase } from '../support/postgresDatabase.js';
import type { Caller } from '../../platform/caller.js';
import type { TkaRecord } from '../../subgraphs/idn/tka.native.js';
import { EXAMPLES_DIR } from '../../gateway/ide/examples.js';

// Record search for labour inspectors, end to end over real HTTP with the country index on:
// Indonesia and Malaysia (both registries indexed) beside Laos (whose certification registry
// publishes no bulk interface, so it has no index to search). The index lives in a PostgreSQL
// database of its own; the background sync is slow here, so the test decides when an increment runs.
const PERMITS = `query($filter: PermitSearchFilter!, $first: Int, $after: String) {
  searchPermits(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id ... on WorkPermit { status holderNationality permitClass holderName } } }
  }
}`;
const CERTIFICATIONS = `query($filter: CertificationSearchFilter!, $first: Int, $after: String) {
  searchCertifications(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id ... on Certification { status holderNationality aqrfLevel } } }
  }
}`;

interface PermitNode { id: string; status: string; holderNationality: string | null; permitClass: string; holderName: string | null }
interface Connection<N> { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: N | null }> }
type Errors = Array<{ message: string; extensions?: Record<string, unknown> }> | undefined;

describe('record search for inspectors', () => {
  let stack: TestStack;
  let database: TestDatabase;
  let audit: pg.Client;
  let inspector: string;
  let tka: TkaRecord[];
  /** Every Indonesian permit as the registry holds it now, read live through the owner (the truth the index is checked against). */
  let truth: PermitNode[];

  const asInspector = (memberState = 'IDN') => stack.token({ role: 'inspector', memberState, purposes: ['LABOUR_INSPECTION'], officer: `${memberState}-inspector-1` });
  const searchPermits = (filter: Record<string, unknown>, first?: number, after?: string | null, token = inspector) =>
    stack.query<{ searchPermits: Connection<PermitNode> }>(PERMITS, { filter, first, after }, { token, purpose: 'LABOUR_INSPECTION' });

  /** Every page of a search, in order, with the ids each page listed. */
  async function allPages(filter: Record<string, unknown>, first: number, token = inspector): Promise<Array<Connection<PermitNode>>> {
    const pages: Array<Connection<PermitNode>> = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const answer = await searchPermits(filter, first, after, token);
      expect(answer.errors).toBeUndefined();
      const page = answer.data!.searchPermits;
      pages.push(page);
      if (!page.pageInfo.hasNextPage) return pages;
      after = page.pageInfo.endCursor;
    }
    throw new Error('more than 100 pages');
  }
  const idsOf = (pages: Array<Connection<{ id: string }>>) => pages.flatMap((page) => page.edges.map((edge) => edge.node!.id));

  async function readTruth(): Promise<PermitNode[]> {
    const ids = (stack.simulators.get('IDN/tka')!.store.all() as TkaRecord[]).map((record) => `IDN:PERMIT:${record.nomor_pengesahan}`);
    const answer = await stack.query<{ nodes: Array<PermitNode | null> }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id ... on WorkPermit { status holderNationality permitClass holderName } } }',
      { ids },
      { token: inspector, purpose: 'LABOUR_INSPECTION' },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.nodes.filter((node): node is PermitNode => node !== null);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // The default caches, response cache included: a search must never be answered from it.
    const config = testConfig({}, {});
    config.index = { ...config.index, enabled: true, databaseUrl: database.url, hmacKey: 'e2e-search-key', freshnessS: 600, syncIntervalMs: 600_000, syncRateShare: 0.3 };
    // A bound other than the default, so that the setting is seen to reach the regional subgraph.
    config.limits = { ...config.limits, searchMaxPage: 90 };
    stack = await startTestStack({ countries: countryEntries.filter((e) => ['IDN', 'MYS', 'LAO'].includes(e.code)), config });
    for (const code of ['IDN', 'MYS']) {
      const index = stack.countries.get(code)!.plugins.find((p) => p.name === 'country-index') as CountryIndexPlugin;
      await index.ready;
      for (let i = 0; i < 600 && ![...(await index.index.status()).values()].every((s) => s.fresh); i++) await new Promise((r) => setTimeout(r, 100));
      expect([...(await index.index.status()).values()].every((s) => s.fresh)).toBe(true);
    }
    inspector = await asInspector();
    tka = stack.simulators.get('IDN/tka')!.store.all() as TkaRecord[];
    truth = await readTruth();
    expect(truth.length).toBeGreaterThan(50);
    audit = new pg.Client({ connectionString: process.env.AUDIT_DATABASE_URL });
    await audit.connect();
  }, 180_000);
  afterAll(async () => {
    await audit?.end();
    await stack?.close();
    await database?.drop();
  });

  it('lists exactly the permits the registry holds for a filter, each once, across pages', async () => {
    const counts = new Map<string, number>();
    for (const permit of truth.filter((p) => p.status === 'ACTIVE')) counts.set(permit.holderNationality ?? '', (counts.get(permit.holderNationality ?? '') ?? 0) + 1);
    const [nationality] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const expected = truth.filter((p) => p.status === 'ACTIVE' && p.holderNationality === nationality).map((p) => p.id).sort();
    expect(expected.length).toBeGreaterThan(7);

    const pages = await allPages({ statuses: ['ACTIVE'], nationalities: [nationality.toLowerCase()] }, 7);
    const ids = idsOf(pages);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / 7));
    for (const page of pages) {
      expect(page.totalCount).toBe(expected.length);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      // The records themselves came from the owner, in full for its own inspector.
      for (const { node } of page.edges) expect(node).toMatchObject({ status: 'ACTIVE', holderNationality: nationality, holderName: expect.any(String) });
    }
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    // The order is one total order: the same search twice lists the same sequence.
    expect(idsOf(await allPages({ statuses: ['ACTIVE'], nationalities: [nationality] }, 7))).toEqual(ids);
  });

  it('lists certifications by status and holder nationality, with the shared filter fields', async () => {
    const all = await stack.query<{ searchCertifications: Connection<{ id: string; status: string; holderNationality: string | null; aqrfLevel: number | null }> }>(CERTIFICATIONS, { filter: { statuses: ['VALID'] }, first: 90 }, { token: inspector, purpose: 'LABOUR_INSPECTION' });
    expect(all.errors).toBeUndefined();
    const connection = all.data!.searchCertifications;
    expect(connection.totalCount).toBeGreaterThan(0);
    for (const { node } of connection.edges) expect(node!.status).toBe('VALID');
    const nationality = connection.edges[0].node!.holderNationality!;
    const narrowed = await stack.query<{ searchCertifications: Connection<{ id: string; holderNationality: string | null }> }>(CERTIFICATIONS, { filter: { statuses: ['VALID'], holderNationalities: [nationality] }, first: 90 }, { token: inspector, purpose: 'LABOUR_INSPECTION' });
    expect(narrowed.errors).toBeUndefined();
    expect(narrowed.data!.searchCertifications.totalCount).toBeLessThanOrEqual(connection.totalCount);
    expect(narrowed.data!.searchCertifications.edges.length).toBeGreaterThan(0);
    for (const { node } of narrowed.data!.searchCertifications.edges) expect(node!.holderNationality).toBe(nationality);

    const level = connection.edges.find((edge) => edge.node!.aqrfLevel !== null)!.node!.aqrfLevel!;
    const dated = await stack.query<{ searchCertifications: Connection<{ aqrfLevel: number; issuedOn: string }> }>(
      'query($f: CertificationSearchFilter!) { searchCertifications(filter: $f, first: 90) { totalCount edges { node { ... on Certification { aqrfLevel issuedOn } } } } }',
      { f: { aqrfLevels: [level], issuedFrom: '2020-01-01', issuedTo: '2024-12-31' } },
      { token: inspector, purpose: 'LABOUR_INSPECTION' },
    );
    expect(dated.errors).toBeUndefined();
    expect(dated.data!.searchCertifications.totalCount).toBeGreaterThan(0);
    for (const { node } of dated.data!.searchCertifications.edges) {
      expect(node!.aqrfLevel).toBe(level);
      expect(node!.issuedOn >= '2020-01-01' && node!.issuedOn <= '2024-12-31').toBe(true);
    }
  });

  it('keeps its cursors stable while records are added, changed and removed between pages: no unchanged record skipped or listed twice', async () => {
    const filter = { statuses: ['ACTIVE'] };
    const before = idsOf(await allPages(filter, 90));
    const first = (await searchPermits(filter, 10)).data!.searchPermits;
    const seen = first.edges.map((edge) => edge.node!.id);
    const last = seen.at(-1)!.slice('IDN:PERMIT:'.length);
    const later = before.slice(10);
    expect(later.length).toBeGreaterThan(10);

    // Between the pages: a permit issued that sorts before the cursor and one after it, one later
    // permit cancelled (it leaves the filter), and one later permit gone from the registry.
    const active = tka.find((record) => record.status === 'DISAHKAN')!;
    const early = { ...active, nomor_pengesahan: '0.1/PPTKA/PTK/2026', paspor: `E${randomUUID().slice(0, 7)}` };
    const late = { ...active, nomor_pengesahan: 'ZZ.999999/PPTKA/PTK/2026', paspor: `E${randomUUID().slice(0, 7)}` };
    expect([early.nomor_pengesahan < last, late.nomor_pengesahan > before.at(-1)!.slice('IDN:PERMIT:'.length)], JSON.stringify([last, before.slice(-3)])).toEqual([true, true]);
    const cancelledId = later[3];
    const cancelled = { ...tka.find((record) => `IDN:PERMIT:${record.nomor_pengesahan}` === cancelledId)!, status: 'DIBATALKAN' as const };
    await stack.upsert('IDN/tka', [early, late, cancelled]);
    const { syncs } = await (stack.countries.get('IDN')!.plugins.find((p) => p.name === 'country-index') as CountryIndexPlugin).ready;
    await syncs.find((sync) => sync.registry === 'tka')!.runIncremental();
    const removedId = later[5];
    const sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    await sql.query(`DELETE FROM ${indexSchemaName('IDN')}.records WHERE registry = 'tka' AND native_id = $1`, [removedId.slice('IDN:PERMIT:'.length)]);
    await sql.end();
    await new Promise((r) => setTimeout(r, 1100)); // the index's status is reused for a second

    const rest: string[] = [];
    let after: string | null = first.pageInfo.endCursor;
    let totalCount = 0;
    while (after !== null) {
      const answer = await searchPermits(filter, 10, after);
      expect(answer.errors).toBeUndefined();
      const page = answer.data!.searchPermits;
      rest.push(...page.edges.map((edge) => edge.node!.id));
      totalCount = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    }
    const listed = [...seen, ...rest];
    expect(new Set(listed).size).toBe(listed.length);
    const unchanged = before.filter((id) => id !== cancelledId && id !== removedId);
    for (const id of unchanged) expect(listed.filter((x) => x === id)).toHaveLength(1);
    expect(rest).toContain(`IDN:PERMIT:${late.nomor_pengesahan}`);
    expect(listed).not.toContain(`IDN:PERMIT:${early.nomor_pengesahan}`); // before the cursor: the next search lists it
    expect(rest).not.toContain(cancelledId);
    expect(rest).not.toContain(removedId);
    expect(totalCount).toBe(before.length + 2 - 2);
    expect(idsOf(await allPages(filter, 90))).toContain(`IDN:PERMIT:${early.nomor_pengesahan}`);
  });

  it('is for inspectors only, with the purpose LABOUR_INSPECTION', async () => {
    const query = (token: string | null, purpose: string | null) => fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(purpose ? { 'rantau-purpose': purpose } : {}) },
      body: JSON.stringify({ query: '{ searchPermits(filter: {}) { totalCount } }' }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: unknown; errors?: Errors } }));
    const anonymous = await query(null, 'LABOUR_INSPECTION');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    for (const role of ['analyst', 'case-officer', 'verifier', 'operator'] as const) {
      const answer = await query(await stack.token({ role }), role === 'case-officer' ? 'PERMIT_APPLICATION' : null);
      expect(answer.status).toBe(403);
      expect(answer.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', role, field: 'searchPermits' });
    }
    expect((await query(inspector, null)).body.errors![0].extensions!.code).toBe('PURPOSE_REQUIRED');
    expect((await query(inspector, 'PERMIT_APPLICATION')).body.errors![0].extensions!.code).toBe('PURPOSE_NOT_ALLOWED');
    // Hidden behind an alias in a fragment, still personal data.
    const hidden = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ...F } fragment F on Query { s: searchCertifications(filter: {}) { totalCount } }' }) });
    expect(hidden.status).toBe(401);
  });

  it("searches only the inspector's own member state, whose owner refuses everyone else", async () => {
    const malaysian = await asInspector('MYS');
    const mys = await searchPermits({}, 90, null, malaysian);
    expect(mys.errors).toBeUndefined();
    expect(mys.data!.searchPermits.totalCount).toBeGreaterThan(0);
    expect(mys.data!.searchPermits.edges.every((edge) => edge.node!.id.startsWith('MYS:PERMIT:'))).toBe(true);
    // An Indonesian cursor means nothing to a Malaysian search.
    const idnCursor = (await searchPermits({}, 1)).data!.searchPermits.pageInfo.endCursor;
    const foreign = await searchPermits({}, 10, idnCursor, malaysian);
    expect(foreign.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });

    // Straight to Indonesia's subgraph, past the gateway and the regional subgraph: the owner itself refuses.
    const names = internalFieldNames('IDN');
    const direct = `query { ${names.search}(kind: "PERMIT", filter: {}, first: 5) { records { id } totalCount } }`;
    for (const caller of [callerOf('inspector', 'MYS', 'LABOUR_INSPECTION'), callerOf('case-officer', 'IDN', 'PERMIT_APPLICATION'), callerOf('inspector', 'IDN', null)]) {
      const refused = await askCountry('IDN', caller, direct);
      expect(refused.errors?.[0].extensions?.code).toBe('POLICY_WITHHELD');
      expect(refused.data ?? null).toBeNull();
    }
    const own = await askCountry('IDN', callerOf('inspector', 'IDN', 'LABOUR_INSPECTION'), direct);
    expect(own.errors).toBeUndefined();
  });

  it('filters by sector (case ignored), ISCO-08 major group and validity date as the records say', async () => {
    const token = await asInspector('MYS');
    const ask = (filter: Record<string, unknown>) => stack.query<{ searchPermits: Connection<{ id: string; sector: string | null; validFrom: string | null; validUntil: string | null; occupation: { isco: string } | null }> }>(
      'query($f: PermitSearchFilter!) { searchPermits(filter: $f, first: 90) { totalCount edges { node { id ... on WorkPermit { sector validFrom validUntil occupation { isco } } } } } }',
      { f: filter },
      { token, purpose: 'LABOUR_INSPECTION' },
    );
    const construction = (await ask({ sector: 'pembinaan' })).data!.searchPermits;
    expect(construction.totalCount).toBeGreaterThan(0);
    for (const { node } of construction.edges) expect(node!.sector).toBe('PEMBINAAN');
    const crafts = (await ask({ iscoMajorGroup: '7' })).data!.searchPermits;
    expect(crafts.totalCount).toBeGreaterThan(0);
    for (const { node } of crafts.edges) expect(node!.occupation!.isco[0]).toBe('7');
    const on = '2025-06-30';
    const valid = (await ask({ validOn: on })).data!.searchPermits;
    expect(valid.totalCount).toBeGreaterThan(0);
    for (const { node } of valid.edges) expect((node!.validFrom ?? on) <= on && (node!.validUntil ?? on) >= on).toBe(true);
    const all = (await ask({})).data!.searchPermits.totalCount;
    expect(valid.totalCount).toBeLessThan(all);
  });

  it("answers the IDE's saved example for a Malaysian inspector, page after page", async () => {
    const example = readFileSync(join(EXAMPLES_DIR, 'searchPermits.graphql'), 'utf8');
    const token = await asInspector('MYS');
    const first = await stack.query<{ searchPermits: Connection<PermitNode & { holderNationality: string }> }>(example, {}, { token, purpose: 'LABOUR_INSPECTION' });
    expect(first.errors).toBeUndefined();
    const page = first.data!.searchPermits;
    expect(page.totalCount).toBeGreaterThan(0);
    for (const { node } of page.edges) expect(node).toMatchObject({ status: 'ACTIVE', permitClass: 'LOWER_SKILLED', holderNationality: 'MMR' });
    if (page.pageInfo.hasNextPage) {
      const next = await stack.query<{ searchPermits: Connection<PermitNode> }>(example, { after: page.pageInfo.endCursor }, { token, purpose: 'LABOUR_INSPECTION' });
      expect(next.errors).toBeUndefined();
      expect(next.data!.searchPermits.edges.map((e) => e.node!.id)).not.toContain(page.edges[0].node!.id);
    }
  });

  it('says INDEX_UNAVAILABLE, naming the country, where the member state keeps no index to search', async () => {
    const lao = await stack.query(CERTIFICATIONS, { filter: {} }, { token: await asInspector('LAO'), purpose: 'LABOUR_INSPECTION' });
    expect(lao.errors![0].extensions).toMatchObject({ code: 'INDEX_UNAVAILABLE', country: 'LAO' });
    const notServed = await stack.query(CERTIFICATIONS, { filter: {} }, { token: await asInspector('THA'), purpose: 'LABOUR_INSPECTION' });
    expect(notServed.errors![0].extensions).toMatchObject({ code: 'INDEX_UNAVAILABLE', country: 'THA' });
  });

  it('refuses bad cursors, page sizes and filters with BAD_USER_INPUT naming the argument', async () => {
    const cursor = (await searchPermits({ statuses: ['ACTIVE'] }, 2)).data!.searchPermits.pageInfo.endCursor!;
    const cases: Array<[Record<string, unknown>, number | undefined, string | null, string]> = [
      [{}, 0, null, 'first'],
      [{}, 91, null, 'first'],
      [{}, -5, null, 'first'],
      [{}, 10, 'not a cursor!', 'after'],
      [{}, 10, Buffer.from('["r1","IDN"]').toString('base64url'), 'after'],
      [{}, 10, cursor.slice(0, -3), 'after'],
      [{ statuses: ['EXPIRED'] }, 10, cursor, 'after'],
      [{ nationalities: ['XX'] }, 10, null, 'filter.nationalities'],
      [{ nationalities: [] }, 10, null, 'filter.nationalities'],
      [{ iscoMajorGroup: '12' }, 10, null, 'filter.iscoMajorGroup'],
    ];
    for (const [filter, first, after, argument] of cases) {
      const answer = await searchPermits(filter, first, after);
      expect(answer.errors?.[0].extensions, JSON.stringify([filter, first, after])).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(answer.errors![0].message).not.toContain(cursor.slice(0, 12));
    }
    const certs = await stack.query(CERTIFICATIONS, { filter: { issuedFrom: '2026-01-02', issuedTo: '2026-01-01' } }, { token: inspector, purpose: 'LABOUR_INSPECTION' });
    expect(certs.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.issuedTo' });
    const certCursor = await stack.query(CERTIFICATIONS, { filter: {}, after: cursor }, { token: inspector, purpose: 'LABOUR_INSPECTION' });
    expect(certCursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('answers generated hostile filters and cursors with documented codes only, never an internal error', async () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('\u0000', "'; DROP TABLE records; --", '%', '_', '\\', 'ＭＭＲ', '\ud800'));
    const filter = fc.record({
      nationalities: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
      sector: fc.option(text, { nil: undefined }),
      iscoMajorGroup: fc.option(text, { nil: undefined }),
      validOn: fc.option(fc.constantFrom('2026-02-30', '0000-00-00', '2026-11-01', 'today'), { nil: undefined }),
    }, { requiredKeys: [] });
    const samples = fc.sample(fc.tuple(filter, fc.option(fc.integer({ min: -5, max: 200 }), { nil: undefined }), fc.option(text, { nil: undefined })), { numRuns: 60, seed: 42 });
    for (const [f, first, after] of samples) {
      const answer = await searchPermits(f, first, after);
      for (const error of answer.errors ?? []) expect(['BAD_USER_INPUT'], JSON.stringify([f, first, after])).toContain(error.extensions?.code);
    }
  });

  it("writes every search and every record read to the owner's audit log, naming the records", async () => {
    const officer = `IDN-inspector-${randomUUID().slice(0, 8)}`;
    const token = await stack.token({ role: 'inspector', memberState: 'IDN', purposes: ['LABOUR_INSPECTION'], officer });
    const page = (await searchPermits({ statuses: ['ACTIVE'] }, 5, null, token)).data!.searchPermits;
    const ids = page.edges.map((edge) => edge.node!.id).sort();
    const rows = (await audit.query<{ body: string }>(`SELECT body FROM audit_entries WHERE writer = 'country:IDN' AND body LIKE $1`, [`%${officer}%`])).rows.map((row) => JSON.parse(row.body) as Record<string, unknown>);
    const search = rows.find((row) => row.action === 'SEARCH');
    expect(search).toMatchObject({ role: 'inspector', memberState: 'IDN', purpose: 'LABOUR_INSPECTION', outcome: 'RELEASED', recordIds: ids });
    const read = rows.find((row) => row.action === 'READ');
    expect(read).toMatchObject({ level: 'FULL', outcome: 'RELEASED', recordIds: ids });
    expect((read!.subjects as string[]).length).toBeGreaterThan(0);

    // A search the owner refuses is written down too.
    await askCountry('IDN', callerOf('case-officer', 'IDN', 'PERMIT_APPLICATION', `IDN-officer-${officer}`), `query { ${internalFieldNames('IDN').search}(kind: "PERMIT", filter: {}, first: 5) { totalCount } }`);
    const refused = (await audit.query<{ body: string }>(`SELECT body FROM audit_entries WHERE writer = 'country:IDN' AND body LIKE $1`, [`%IDN-officer-${officer}%`])).rows.map((row) => JSON.parse(row.body) as Record<string, unknown>);
    expect(refused).toContainEqual(expect.objectContaining({ action: 'SEARCH', outcome: 'WITHHELD', level: 'NONE' }));
  });

  it('is never reused from the response cache: the same search asked again is searched (and audited) again', async () => {
    const officer = `IDN-inspector-${randomUUID().slice(0, 8)}`;
    const token = await stack.token({ role: 'inspector', memberState: 'IDN', purposes: ['LABOUR_INSPECTION'], officer });
    await searchPermits({ statuses: ['EXPIRED'] }, 3, null, token);
    await searchPermits({ statuses: ['EXPIRED'] }, 3, null, token);
    const rows = (await audit.query<{ body: string }>(`SELECT body FROM audit_entries WHERE writer = 'country:IDN' AND body LIKE $1`, [`%${officer}%`])).rows.map((row) => JSON.parse(row.body) as Record<string, unknown>);
    expect(rows.filter((row) => row.action === 'SEARCH')).toHaveLength(2);
  });

  function callerOf(role: Caller['role'], memberState: string, purpose: Caller['purpose'], officer = `${memberState}-${role}-1`): Caller {
    return { client: `${memberState.toLowerCase()}-${role}`, memberState, role, purposes: purpose ? [purpose] : [], purpose, officer, subject: null, requestId: randomUUID() };
  }

  /** A query straight to one country subgraph, with a caller context signed as the gateway signs it. */
  async function askCountry(code: string, caller: Caller, query: string): Promise<{ data?: Record<string, unknown> | null; errors?: Errors }> {
    const url = `${stack.subgraphs.get(code)!.url}/graphql`;
    return graphqlRequest(url, query, {}, 20_000, (body) => stack.trust.gateway.signer.headerFor({ caller }, code.toLowerCase(), url, body));
  }
});
