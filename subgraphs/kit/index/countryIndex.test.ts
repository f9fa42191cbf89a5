import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqlDatabase } from '../../../platform/sql/database.js';
import { RegistryClient } from '../registryClient.js';
import { registrySource, type RecordSource } from '../registrySource.js';
import type { ContractRecord } from '../records.js';
import { bnspAdapter } from '../../idn/bnsp.adapter.js';
import { tkaAdapter } from '../../idn/tka.adapter.js';
import { bnspSimulator } from '../../idn/sandbox/bnsp.simulator.js';
import { tkaSimulator } from '../../idn/sandbox/tka.simulator.js';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/postgresDatabase.js';
import { IdentityDigest } from './identityDigest.js';
import { IndexStore } from './indexStore.js';
import { RegistrySync } from './registrySync.js';
import { countryIndex } from './countryIndex.js';
import type { BnspRecord } from '../../idn/bnsp.native.js';

// The country index against Indonesia's two registries, over real HTTP, on both engines it runs on:
// a PostgreSQL server (a database of its own per run) and the embedded PGlite on disk.
const quiet = () => undefined;
const sourceOf = (adapter: typeof bnspAdapter | typeof tkaAdapter, url: string): RecordSource =>
  registrySource('IDN', adapter, new RegistryClient({ country: 'IDN', registry: adapter.profile.key, baseUrl: url, timeoutMs: 5000, maxConcurrency: 2, ratePerSecond: 1000 }));
const syncOptions = { intervalMs: 0, reconcileS: 86_400, log: quiet };
/** A control call once more when the simulator closed the kept-alive connection under it (the previous engine's tests may idle past its keep-alive). */
const control = async (call: () => Promise<void>) => call().catch(() => call());

let bnsp: TestSimulator;
let tka: TestSimulator;
let postgres: TestDatabase;
let folder: string;

beforeAll(async () => {
  [bnsp, tka, postgres] = await Promise.all([startTestSimulator(bnspSimulator), startTestSimulator(tkaSimulator), createTestDatabase()]);
  folder = mkdtempSync(join(tmpdir(), 'rantau-index-'));
});
afterAll(async () => {
  await Promise.all([bnsp?.close(), tka?.close(), postgres?.drop()]);
  rmSync(folder, { recursive: true, force: true });
});

/** Every record a registry serves, read as the kit reads it (for what the index must and must not hold). */
async function everything(source: RecordSource): Promise<ContractRecord[]> {
  const all: ContractRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await source.listPage!(cursor);
    all.push(...page.records);
    cursor = page.next;
  } while (cursor !== null);
  return all;
}

describe.each([
  ['PostgreSQL', () => postgres.url],
  ['PGlite on disk', () => join(folder, 'pglite')],
])('the country index on %s', (_engine, location) => {
  let db: SqlDatabase;
  let store: IndexStore;
  const digest = new IdentityDigest('test-key');

  beforeAll(async () => {
    db = await openDatabase(location());
    store = await IndexStore.open(db, 'IDN', digest);
  });
  afterAll(async () => db?.close());

  it('resumes a full pass killed mid-pass at the first page it had not finished, reading no finished page again', async () => {
    await control(() => bnsp.resetStats());
    const first = new RegistrySync(store, sourceOf(bnspAdapter, bnsp.url), syncOptions);
    expect(await first.step()).toBe('page');
    // Killed: the process and its database connection go away after one page.
    await db.close();
    db = await openDatabase(location());
    store = await IndexStore.open(db, 'IDN', digest);
    const resumed = await store.state('bnsp');
    expect(resumed).toMatchObject({ passInProgress: true, pagesInPass: 1, cursor: '2' });
    await new RegistrySync(store, sourceOf(bnspAdapter, bnsp.url), syncOptions).runPass();
    const pages = Math.ceil((await everything(sourceOf(bnspAdapter, bnsp.url))).length / bnspAdapter.profile.bulk!.pageSize);
    expect(pages).toBeGreaterThan(1);
    // Each page of the registry read once by the sync (plus the reading the test itself just did).
    expect((await bnsp.stats()).routes['GET /sertifikat/cari']).toBe(pages * 2);
    expect(await store.countRecords('bnsp')).toBe((await everything(sourceOf(bnspAdapter, bnsp.url))).length);
    expect((await store.state('bnsp')).syncedAt).not.toBeNull();
  });

  it('finds every identity of the registries without a search call, and only those records', async () => {
    await new RegistrySync(store, sourceOf(tkaAdapter, tka.url), syncOptions).runPass();
    const index = countryIndex(store, digest, { freshnessS: 60, indexedRegistries: ['bnsp', 'tka'], certificationRegistry: 'bnsp' });
    const permits = await everything(sourceOf(tkaAdapter, tka.url));
    const identities = permits.slice(0, 20).map((p) => ({ nationality: p.holderNationality!, documentNumber: p.holderDocumentNumber!, dateOfBirth: null }));
    await control(() => tka.resetStats());
    const found = await index.locate(identities, ['bnsp', 'tka']);
    expect((await tka.stats()).total).toBe(0);
    identities.forEach((identity, i) => {
      const ids = found.get(`${identity.nationality}:${identity.documentNumber}:`)!.get('tka')!;
      expect(ids).toContain(permits[i].nativeId);
      for (const id of ids) {
        const record = permits.find((p) => p.nativeId === id)!;
        expect(record.holderDocumentNumber).toBe(identity.documentNumber);
      }
    });
    const status = await index.status();
    expect(status.get('tka')).toMatchObject({ fresh: true });
  });

  it('holds no name and no document number in clear, in any row of any table', async () => {
    const records = [...(await everything(sourceOf(bnspAdapter, bnsp.url))), ...(await everything(sourceOf(tkaAdapter, tka.url)))];
    const secrets = new Set(records.flatMap((r) => [r.holderName, r.holderDocumentNumber, ...(r.holderOtherDocumentNumbers ?? [])]).filter((s): s is string => typeof s === 'string' && s.length >= 5).map((s) => s.toUpperCase()));
    expect(secrets.size).toBeGreaterThan(100);
    let rows = 0;
    for (const table of store.tables) {
      for (const row of await db.query<{ line: string }>(`SELECT t::text AS line FROM ${table} t`)) {
        rows += 1;
        const line = row.line.toUpperCase();
        for (const secret of secrets) expect(line.includes(secret), `${table} holds a name or document number`).toBe(false);
      }
    }
    expect(rows).toBeGreaterThan(records.length);
  });

  it('keeps a record issued after the full pass once the change feed is read, re-reading it by number', async () => {
    const sync = new RegistrySync(store, sourceOf(bnspAdapter, bnsp.url), syncOptions);
    const template = bnsp.simulator.store.all()[0] as BnspRecord;
    const serial = String(Date.now()).slice(-7);
    const passport = `X${serial}`;
    const issued: BnspRecord = { ...template, nomor_sertifikat: `88888.1234.5.${serial}.2026`, nomor_paspor: passport, kewarganegaraan: 'WNA', negara_asal: 'PHL' };
    await control(() => bnsp.upsert([issued]));
    const index = countryIndex(store, digest, { freshnessS: 60, indexedRegistries: ['bnsp'], certificationRegistry: 'bnsp' });
    const identity = { nationality: 'PHL', documentNumber: passport, dateOfBirth: null };
    const key = `PHL:${passport}:`;
    expect((await index.locate([identity], ['bnsp'])).get(key)!.get('bnsp')).toBeUndefined();
    await control(() => bnsp.resetStats());
    await sync.runIncremental();
    expect((await index.locate([identity], ['bnsp'])).get(key)!.get('bnsp')).toEqual([issued.nomor_sertifikat]);
    const calls = (await bnsp.stats()).routes;
    expect(calls['GET /perubahan']).toBe(1);
    expect(calls['POST /sertifikat/batch']).toBe(1);
    expect(calls['GET /sertifikat/cari']).toBeUndefined();
  });

  it('empties an index written under another key, instead of answering from identities it cannot read', async () => {
    const other = await IndexStore.open(db, 'IDN', new IdentityDigest('another-key'));
    expect(await other.countRecords('bnsp')).toBe(0);
    expect((await other.state('bnsp')).syncedAt).toBeNull();
    // Opened again under the deployment's key: emptied once more, and synchronised again.
    store = await IndexStore.open(db, 'IDN', digest);
    expect(await store.countRecords('bnsp')).toBe(0);
    await new RegistrySync(store, sourceOf(bnspAdapter, bnsp.url), syncOptions).runPass();
    expect(await store.countRecords('bnsp')).toBeGreaterThan(0);
  });

  it('answers the qualifications certified in an occupation, most issued first, from facts alone', async () => {
    const certificates = await everything(sourceOf(bnspAdapter, bnsp.url));
    const isco = certificates.find((c) => c.occupation.isco)!.occupation.isco!;
    const index = countryIndex(store, digest, { freshnessS: 60, indexedRegistries: ['bnsp'], certificationRegistry: 'bnsp' });
    const found = (await index.qualifications(isco, null, 50))!;
    const expected = certificates.filter((c) => c.occupation.isco === isco).length;
    expect(found.reduce((sum, q) => sum + q.issued, 0)).toBe(expected);
    expect(found.map((q) => q.issued)).toEqual([...found.map((q) => q.issued)].sort((a, b) => b - a));
    const level = found.find((q) => q.nationalLevel !== null)?.nationalLevel;
    if (level) expect((await index.qualifications(isco, [level], 50))!.every((q) => q.nationalLevel === level)).toBe(true);
  });
});

describe('a sync that meets a failing registry or a broken record', () => {
  let db: SqlDatabase;
  let store: IndexStore;
  const digest = new IdentityDigest('test-key');
  beforeAll(async () => {
    db = await openDatabase('memory://');
    store = await IndexStore.open(db, 'IDN', digest);
  });
  afterAll(async () => db?.close());

  it('slows down while the registry answers 503 and 429, and completes its pass once it recovers', async () => {
    await control(() => tka.configure({ down: true }));
    const lines: string[] = [];
    const sync = new RegistrySync(store, sourceOf(tkaAdapter, tka.url), { ...syncOptions, intervalMs: 60_000, log: (line) => lines.push(line) });
    sync.start();
    await new Promise((r) => setTimeout(r, 1500));
    expect(lines.some((line) => line.includes('sync slowed: REGISTRY_UNAVAILABLE'))).toBe(true);
    expect((await store.state('tka')).syncedAt).toBeNull();
    // Back, but with a rate limit of one request a second: 429s with Retry-After, waited out.
    await control(() => tka.configure({ down: false, ratePerSecond: 1 }));
    for (let i = 0; i < 100 && (await store.state('tka')).syncedAt === null; i++) await new Promise((r) => setTimeout(r, 100));
    await sync.stop();
    await control(() => tka.configure({ ratePerSecond: 1000 }));
    expect((await store.state('tka')).syncedAt).not.toBeNull();
    expect(await store.countRecords('tka')).toBe(tka.simulator.store.all().length);
    // Log lines say what happened, never whose record.
    for (const line of lines) for (const record of tka.simulator.store.all() as Array<{ paspor: string; nama_tka: string }>) expect(line.includes(record.paspor) || line.includes(record.nama_tka)).toBe(false);
  });

  it('leaves out only a record that cannot be read, naming it by its number in the log', async () => {
    const broken = { ...(bnsp.simulator.store.all()[1] as BnspRecord), nomor_sertifikat: '77777.0000.0.0000001.2026', status: 'TIDAK_DIKENAL' };
    await control(() => bnsp.upsert([broken]));
    const lines: string[] = [];
    await new RegistrySync(store, sourceOf(bnspAdapter, bnsp.url), { ...syncOptions, log: (line) => lines.push(line) }).runPass();
    expect(lines).toContainEqual(expect.stringContaining(`record "${broken.nomor_sertifikat}" could not be read (RECORD_UNREADABLE)`));
    const held = await db.query<{ native_id: string }>(`SELECT native_id FROM rantau_index_idn.records WHERE registry = 'bnsp'`);
    expect(held.map((r) => r.native_id)).not.toContain(broken.nomor_sertifikat);
    expect(held.length).toBe(bnsp.simulator.store.all().length - 1);
  });
});
