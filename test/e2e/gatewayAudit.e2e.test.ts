// Issue 10, item 6: the gateway writes its own audit chain (`gateway`) beside the owners' — and
// it is the only trace of an answer its response cache gives without asking any owner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestStack, testConfig, type TestStack } from './testStack.js';
import { countryEntries } from '../../subgraphs/countries.js';
import { sampleCandidates } from '../../bin/sampleWorker.js';
import { defaultPopulation } from '../../sandbox/population/population.js';
import { AuditLog, identityHmac, leaseAuditLog, verifyAudit } from '../../platform/audit/index.js';
import { createTestDatabase, POSTGRES_URL, type TestDatabase } from '../support/testDatabase.js';
import { metric } from '../support/metrics.js';

const HMAC_KEY = 'gateway-audit-test-key';
const COUNTRIES = countryEntries.filter((entry) => ['IDN', 'MYS', 'PHL', 'SGP', 'THA'].includes(entry.code));
const population = defaultPopulation();
const [worker] = sampleCandidates(population, COUNTRIES.map((entry) => entry.code), 2, 1);
const WORKER = 'query W($n: String!, $d: String!, $b: Date) { worker(nationality: $n, documentNumber: $d, dateOfBirth: $b) { id certifications { id status } permits { id status } } }';
const vars = { n: worker.nationality, d: worker.documentNumber, b: worker.dateOfBirth };

describe('the gateway audit chain', () => {
  let database: TestDatabase;
  let stack: TestStack;
  let log: AuditLog;
  const count = (writer: string) => log.count(writer);
  /** Answers the gateway's fast path gave (gateway/fastPath.ts): a cache hit answered before parsing. */
  const fastHits = async () => metric(stack.gateway.url, 'rantau_cache_events_total', { cache: 'response', kind: 'fast', outcome: 'hit' }, { authorization: `Bearer ${await stack.token({ role: 'operator' })}` });
  const gatewayEntries = async () => (await log.between(new Date(0), new Date(Date.now() + 60_000))).filter((entry) => entry.writer === 'gateway');

  beforeAll(async () => {
    database = await createTestDatabase();
    const base = testConfig();
    // Change feeds polled every 30 s: answers are cached that long, which the fail-closed test needs.
    stack = await startTestStack({ countries: COUNTRIES, config: testConfig({ responseTtlS: 300, changePollMs: 30_000 }, { audit: { ...base.audit, databaseUrl: database.url, hmacKey: HMAC_KEY } }) });
    log = await AuditLog.open(database.url);
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await log?.close().catch(() => undefined);
    await leaseAuditLog(database.url).release().catch(() => undefined);
    await database?.drop();
  });

  it('writes who asked, for what, about whom (as a keyed HMAC) and which records left, before the answer', async () => {
    const answer = await stack.query<{ worker: { certifications: Array<{ id: string }>; permits: Array<{ id: string }> } }>(WORKER, vars);
    expect(answer.errors).toBeUndefined();
    const ids = [...answer.data!.worker.certifications, ...answer.data!.worker.permits].map((record) => record.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    const [entry] = await gatewayEntries();
    expect(entry).toMatchObject({ writer: 'gateway', action: 'QUERY', role: 'case-officer', memberState: 'IDN', purpose: 'PERMIT_APPLICATION', outcome: 'RELEASED', level: null });
    expect([...entry.recordIds].sort()).toEqual(ids);
    expect(entry.subjects).toEqual([identityHmac(HMAC_KEY, worker.nationality, worker.documentNumber)]);
    expect(JSON.stringify(entry)).not.toContain(worker.documentNumber);
    // The owners' entries for the same request carry the same request id.
    const owners = (await log.between(new Date(0), new Date(Date.now() + 60_000))).filter((e) => e.writer.startsWith('country:') && e.requestId === entry.requestId);
    expect(owners.length).toBeGreaterThan(0);
  });

  it('writes an answer the response cache gives without asking any owner', async () => {
    const owners = await Promise.all(COUNTRIES.map((entry) => count(`country:${entry.code}`)));
    const before = await count('gateway');
    const hitsBefore = await fastHits();
    const again = await stack.query(WORKER, vars);
    expect(again.errors).toBeUndefined();
    // Answered before parsing, by the fast path, and written all the same.
    expect(await fastHits()).toBe(hitsBefore + 1);
    expect(await Promise.all(COUNTRIES.map((entry) => count(`country:${entry.code}`)))).toEqual(owners);
    expect(await count('gateway')).toBe(before + 1);
    const latest = (await gatewayEntries()).at(-1)!;
    expect(latest.outcome).toBe('RELEASED');
  });

  it('writes a refused attempt by an authenticated caller as WITHHELD, and nothing for anonymous callers', async () => {
    const before = await count('gateway');
    const verifier = await stack.token({ role: 'verifier', memberState: 'MYS' });
    const refused = await stack.query(WORKER, vars, { token: verifier });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count('gateway')).toBe(before + 1);
    expect((await gatewayEntries()).at(-1)).toMatchObject({ role: 'verifier', outcome: 'WITHHELD', recordIds: [] });
    const anonymous = await stack.query(WORKER, vars, { token: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count('gateway')).toBe(before + 1);
    expect((await verifyAudit(log.db)).problems).toEqual([]);
  });

  it('refuses even a cached answer when its entry cannot be written (fail closed)', async () => {
    // Another selection, answered and written just now, so that the fast path finds it cached
    // (for its max-age) once the log is gone.
    const CACHED = WORKER.replace('permits { id status }', 'permits { id }');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await stack.token()}`, 'rantau-purpose': 'PERMIT_APPLICATION' };
    const cached = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: CACHED, variables: vars }) });
    expect(cached.status).toBe(200);
    expect(cached.headers.get('cache-control')).toMatch(/max-age=[1-9]/);
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${database.name} WITH (FORCE)`);
    await admin.end();
    const person = population.people.find((p) => p.passportNo === worker.documentNumber)!;
    const hitsBefore = await fastHits();
    const response = await fetch(`${stack.gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: CACHED, variables: vars }) });
    const raw = await response.text();
    // The answer was cached (the fast path found it); its entry could not be written, so it is refused.
    expect(await fastHits()).toBe(hitsBefore + 1);
    expect(response.status).toBe(503);
    const body = JSON.parse(raw) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('AUDIT_UNAVAILABLE');
    expect(raw).not.toContain(worker.documentNumber);
    expect(raw).not.toContain(person.fullName);
  });
});
