import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient, type RegistryAttempt } from '../kit/registryClient.js';
import { registrySource } from '../kit/registrySource.js';
import type { ContractRecord } from '../kit/records.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, testAdapter, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { numbersOfEveryPage } from '../../sandbox/testing/recordChecks.js';
import { createMlswAdapter, mlswAdapter, mlswNative } from './mlsw.adapter.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS, indexExtract, type ExtractIndexOptions } from './mlsw.extract.js';
import { mlswSimulator } from './sandbox/mlsw.simulator.js';
import { MLSW_COLUMNS, MLSW_EXTRACT_ROUTE, type MlswRow } from './mlsw.native.js';

// The header and example row of subgraphs/lao/README.md, exactly as the extract carries them.
const HEADER = 'permit_no,card_no,full_name,passport,nationality,dob,employer,employer_license,province,position,isco,issued,expires,status';
const EXAMPLE_LINE = 'WP-VTE-2024-00871,C-2024-00871,"WANG, XIAOMING",E12345678,CHN,1987-05-06,"Lao-China Railway Co., Ltd.",ENT-0123,Vientiane Capital,Signal Engineer,2151,2024-03-01,2026-02-28,ACTIVE';
const EXAMPLE_CSV = `${HEADER}\r\n${EXAMPLE_LINE}\r\n`;

const { clientFor, offline, protocolError, registryError, unreadable, read } = registryTestKit('LAO', 'mlsw');
const fail = (message: string) => offline.error('REGISTRY_PROTOCOL_ERROR', message);
const example = (): MlswRow => indexExtract(EXAMPLE_CSV, { etag: null, generatedAt: '2026-11-22T19:00:00.000Z' }, fail).byPermitNo.get('WP-VTE-2024-00871')!.row;
const STAMP = { generatedAt: '2026-11-22T19:00:00.000Z', checkedAt: '2026-11-23T06:10:00.000Z', stale: false };
const AT = Date.parse('2026-11-23T07:15:00.000Z');
/** One row read as the kit reads it, answered from an extract stamped `stamp` at `at`. */
const mlswToContract = (row: MlswRow, stamp = STAMP, at = AT) => read(mlswAdapter, mlswNative({ row, problem: null }, stamp, at));

/** The adapter as the kit runs it over `client`, with the extract index it keeps for that client. */
function run(client: RegistryClient, options: ExtractIndexOptions = {}) {
  const adapter = createMlswAdapter(options);
  const kit = testAdapter(registrySource('LAO', adapter, client));
  const fetchByIds = kit.fetchByIds as (ids: readonly string[]) => Promise<Map<string, ContractRecord & Record<string, unknown>>>;
  return { ...kit, fetchByIds, extract: adapter.indexFor(client) };
}

describe('reading MLSW extract rows', () => {
  it('normalises the published example row and says how old the extract is', () => {
    const record = mlswToContract(example());
    expect(record).toMatchObject({
      __typename: 'LaoWorkPermit',
      id: 'LAO:PERMIT:WP-VTE-2024-00871',
      country: 'LAO',
      registry: 'mlsw',
      nativeId: 'WP-VTE-2024-00871',
      holderName: 'WANG, XIAOMING',
      holderNationality: 'CHN',
      holderDocumentNumber: 'E12345678',
      holderDateOfBirth: '1987-05-06',
      permitClass: 'PROFESSIONAL',
      nativeType: 'WORK_PERMIT_CARD',
      status: 'ACTIVE',
      nativeStatus: 'ACTIVE',
      validFrom: '2024-03-01',
      validUntil: '2026-02-28',
      employer: { name: 'Lao-China Railway Co., Ltd.', registrationNumber: 'ENT-0123' },
      occupation: { isco: '2151', national: '2151', scheme: 'ISCO-08', title: 'Signal Engineer' },
      sector: null,
      cardNo: 'C-2024-00871',
      province: 'Vientiane Capital',
      extractGeneratedAt: '2026-11-22T19:00:00.000Z',
      extractAgeHours: 12.3,
      retrievedAt: '2026-11-23T06:10:00.000Z',
      stale: false,
    });
    expect(record.permitClassDerivation).toBe('PROFESSIONAL from ISCO-08 major group 2 of the position (2151); the MLSW extract names no permit type.');
  });

  it.each([
    ['ACTIVE', 'ACTIVE'],
    ['TEMPORARY', 'ACTIVE'],
    ['EXPIRED', 'EXPIRED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(mlswToContract({ ...example(), status: native })).toMatchObject({ status: shared, nativeStatus: native, nativeType: 'WORK_PERMIT_CARD' });
  });

  it.each([
    ['1321', 'PROFESSIONAL'],
    ['3113', 'SKILLED'],
    ['7411', 'OTHER'],
    ['9313', 'OTHER'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (isco, permitClass) => {
    expect(mlswToContract({ ...example(), isco })).toMatchObject({ permitClass });
  });

  it('marks answers from an extract whose refresh failed as stale', () => {
    expect(mlswToContract(example(), { ...STAMP, stale: true }, AT + 48 * 3_600_000)).toMatchObject({ stale: true, extractAgeHours: 60.3 });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => mlswToContract({ ...example(), status: 'REVOKED' })).toThrow(/permit WP-VTE-2024-00871: unknown status "REVOKED" \(expected one of ACTIVE, EXPIRED, CANCELLED, TEMPORARY\)/);
    expect(() => mlswToContract({ ...example(), nationality: 'Chinese' })).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "Chinese"/);
    expect(() => mlswToContract({ ...example(), isco: 'ENG' })).toThrow(unreadable('WP-VTE-2024-00871'));
    // An ISCO code above the unit group is an ISCO code still: the national code, and the class from its major group.
    expect(mlswToContract({ ...example(), isco: '21' })).toMatchObject({ permitClass: 'PROFESSIONAL', occupation: { isco: null, national: '21' } });
    expect(() => mlswToContract({ ...example(), expires: '28/02/2026' })).toThrow(/expires: expected a date as YYYY-MM-DD, got "28\/02\/2026"/);
    expect(() => mlswToContract({ ...example(), dob: '' })).toThrow(/dob: expected a date as YYYY-MM-DD/);
  });

  it('reads a pending registration without dates and a row without an employer', () => {
    expect(mlswToContract({ ...example(), status: 'TEMPORARY', issued: '', expires: '', employer: '', employer_license: '' })).toMatchObject({ status: 'ACTIVE', validFrom: null, validUntil: null, employer: null });
  });
});

describe('indexExtract', () => {
  it('indexes rows by permit number and by normalised passport', () => {
    const second = EXAMPLE_LINE.replace('WP-VTE-2024-00871', 'WP-LPB-2025-00901').replace('E12345678', 'e1234-5678');
    const extract = indexExtract(`${EXAMPLE_CSV}${second}\r\n`, { etag: '"v1"', generatedAt: STAMP.generatedAt }, fail);
    expect([...extract.byPermitNo.keys()]).toEqual(['WP-VTE-2024-00871', 'WP-LPB-2025-00901']);
    expect(extract.byDocument.get('E12345678')!.map((e) => e.row.permit_no)).toEqual(['WP-VTE-2024-00871', 'WP-LPB-2025-00901']);
    expect(Object.keys(extract.byPermitNo.get('WP-VTE-2024-00871')!.row)).toEqual([...MLSW_COLUMNS]);
  });

  it('refuses an extract that is not the register at all', () => {
    const meta = { etag: null, generatedAt: STAMP.generatedAt };
    expect(() => indexExtract(`${HEADER.replace('isco', 'isco08')}\r\n${EXAMPLE_LINE}\r\n`, meta, fail)).toThrow(/the extract's header is ".*isco08.*", which lacks isco \(expected ".*,isco,.*"\)/);
    expect(() => indexExtract(`${EXAMPLE_CSV}WP-VTE-2024-00872,C-2024-00872,"WANG, XIAO`, meta, fail)).toThrow(/the extract is not RFC 4180 CSV: line 3: quoted field is not closed/);
    expect(() => indexExtract('', meta, fail)).toThrow(protocolError);
  });

  it('reads the extract as RFC 4180 allows: blank lines, a header in another case, a BOM, LF record ends', () => {
    const meta = { etag: null, generatedAt: STAMP.generatedAt };
    const text = `\uFEFF${HEADER.toUpperCase()}\n\n${EXAMPLE_LINE}\n\r\n${EXAMPLE_LINE.replace('WP-VTE-2024-00871', 'WP-VTE-2024-00872')}\n\n`;
    const extract = indexExtract(text, meta, fail);
    expect([...extract.byPermitNo.keys()]).toEqual(['WP-VTE-2024-00871', 'WP-VTE-2024-00872']);
    expect([...extract.byPermitNo.values()].every((e) => e.problem === null)).toBe(true);
  });

  it('keeps the row issued last for a permit repeated by a renewal, whatever the row order', () => {
    const meta = { etag: null, generatedAt: STAMP.generatedAt };
    const renewal = EXAMPLE_LINE.replace('C-2024-00871', 'C-2026-00871').replace('2024-03-01,2026-02-28', '2026-03-01,2028-02-28');
    for (const rows of [[EXAMPLE_LINE, renewal], [renewal, EXAMPLE_LINE]]) {
      const extract = indexExtract(`${HEADER}\r\n${rows.join('\r\n')}\r\n`, meta, fail);
      expect(extract.byPermitNo.get('WP-VTE-2024-00871')!.row).toMatchObject({ card_no: 'C-2026-00871', issued: '2026-03-01', expires: '2028-02-28' });
      expect(extract.byDocument.get('E12345678')).toHaveLength(1);
    }
  });

  it('lets a bad row cost only its own permit', () => {
    const meta = { etag: null, generatedAt: STAMP.generatedAt };
    const short = 'WP-VTE-2024-00872,C-2024-00872,WANG';
    const strayQuote = 'WP-VTE-2024-00873,C-2024-00873,WANG "XM",E1,CHN,1987-05-06,x,y,z,p,2151,2024-03-01,2026-02-28,ACTIVE';
    const extract = indexExtract(`${HEADER}\r\n${short}\r\n${strayQuote}\r\n,,,,,,,,,,,,,\r\n${EXAMPLE_LINE}\r\n`, meta, fail);
    expect(extract.byPermitNo.get('WP-VTE-2024-00871')!.problem).toBeNull();
    expect(extract.byPermitNo.get('WP-VTE-2024-00872')!.problem).toBe('row 2 has 3 fields, expected 14');
    expect(extract.byPermitNo.get('WP-VTE-2024-00873')!.problem).toMatch(/line 3: a double quote inside an unquoted field/);
    const native = mlswNative(extract.byPermitNo.get('WP-VTE-2024-00872')!, STAMP, AT);
    expect(() => read(mlswAdapter, native)).toThrow(unreadable('WP-VTE-2024-00872'));
  });
});

describe('mlswAdapter against the simulated MLSW extract', () => {
  let sim: TestSimulator;
  let client: RegistryClient;
  const downloads = async () => (await sim.stats()).routes[MLSW_EXTRACT_ROUTE] ?? 0;
  const natives = () => sim.simulator.store.all() as MlswRow[];

  beforeAll(async () => {
    sim = await startTestSimulator(mlswSimulator);
    client = clientFor(sim.url, 2000);
  });
  beforeEach(() => sim.resetStats());
  afterAll(() => sim.close());

  it('answers a thousand permits, and unknown numbers, from one download', async () => {
    const adapter = run(client);
    const numbers = natives().slice(0, 999).map((r) => r.permit_no);
    const records = await adapter.fetchByIds([...numbers, 'WP-VTE-2099-99999']);
    expect([...records.keys()]).toEqual(numbers);
    const first = natives()[0];
    expect(records.get(first.permit_no)).toMatchObject({ holderName: first.full_name, holderDocumentNumber: first.passport, validFrom: first.issued || null, validUntil: first.expires || null, nativeStatus: first.status, cardNo: first.card_no, stale: false });
    expect(await downloads()).toBe(1);
    // Past the 1000 numbers one call answers, the kit splits the look-up; the index still costs one download.
    const many = await adapter.loadMany(Array.from({ length: 1001 }, (_, i) => `WP-VTE-2099-${String(i).padStart(5, '0')}`));
    expect(many.every((r) => r === null)).toBe(true);
    expect(await downloads()).toBe(1);
  });

  it('reads every permit of the extract through the kit, with one download for concurrent callers', async () => {
    const adapter = run(client);
    const numbers = natives().map((r) => r.permit_no);
    const [all, ...holders] = await Promise.all([adapter.loadMany(numbers), ...natives().slice(0, 5).map((r) => adapter.findByHolder({ nationality: r.nationality, documentNumber: r.passport, dateOfBirth: null }))]);
    expect(all.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
    holders.forEach((found, i) => expect((found as Array<{ nativeId: string }>).map((r) => r.nativeId)).toContain(natives()[i].permit_no));
    expect(await downloads()).toBe(1);
  });

  it('finds a foreign worker by passport, however it is typed', async () => {
    const native = natives()[0];
    const found = await run(client).findByHolder({ nationality: native.nationality, documentNumber: ` ${native.passport.toLowerCase()} `.replace(/(\d{3})/, '$1-'), dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.permit_no);
    expect(await run(client).findByHolder({ nationality: 'CHN', documentNumber: 'X00000000', dateOfBirth: null })).toEqual([]);
  });

  it('says how old the extract is: its Last-Modified, and when it was last confirmed', async () => {
    const response = await fetch(`${sim.url}/mlsw/extract/latest.csv`);
    const generatedAt = new Date(response.headers.get('last-modified')!).toISOString();
    const record = (await run(client).fetchByIds([natives()[0].permit_no])).get(natives()[0].permit_no)!;
    expect(record.extractGeneratedAt).toBe(generatedAt);
    expect(record.extractAgeHours).toBeCloseTo((Date.now() - Date.parse(generatedAt)) / 3_600_000, 0);
    expect(record.extractAgeHours).toBeLessThan(24);
    expect(Date.now() - Date.parse(record.retrievedAt)).toBeLessThan(5000);
  });

  it('checks for a new extract at most every refresh interval, and answers from it once it changed', async () => {
    let now = Date.now();
    const adapter = run(client, { refreshAfterMs: 60_000, now: () => now });
    const permitNo = natives()[1].permit_no;
    expect((await adapter.fetchByIds([permitNo])).get(permitNo)!.nativeStatus).not.toBe('CANCELLED');
    const before = await adapter.extract.current();

    await sim.upsert([{ ...natives()[1], status: 'CANCELLED' }]);
    now += 59_000;
    expect((await adapter.fetchByIds([permitNo])).get(permitNo)!.nativeStatus).not.toBe('CANCELLED');
    expect(await downloads()).toBe(1);

    now += 1_000;
    // Due: this call still answers from the index in hand and starts the refresh, which later calls share.
    await adapter.fetchByIds([permitNo]);
    const refreshed = await adapter.extract.refresh();
    expect(await downloads()).toBe(2);
    expect(refreshed.etag).not.toBe(before.extract.etag);
    expect(refreshed.generatedAt > before.generatedAt).toBe(true);
    expect((await adapter.fetchByIds([permitNo])).get(permitNo)).toMatchObject({ status: 'CANCELLED', nativeStatus: 'CANCELLED', extractGeneratedAt: refreshed.generatedAt });
  });

  it('refreshes an unchanged extract for the cost of a 304, keeping the parsed index', async () => {
    const attempts: RegistryAttempt[] = [];
    // The kit's client with its attempt hook, which sees each HTTP status the registry answered.
    const watched = new RegistryClient({ country: 'LAO', registry: 'mlsw', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 2, ratePerSecond: 1000, onAttempt: (attempt) => attempts.push(attempt) });
    let now = Date.now();
    const adapter = run(watched, { refreshAfterMs: 1000, now: () => now });
    const permitNo = natives()[4].permit_no;
    const first = (await adapter.fetchByIds([permitNo])).get(permitNo)!;
    const index = (await adapter.extract.current()).extract;

    now += 1000;
    const confirmedAfter = Date.now();
    expect(await adapter.extract.refresh()).toBe(index);
    expect(attempts.map((a) => [a.route, a.status])).toEqual([
      [MLSW_EXTRACT_ROUTE, 200],
      [MLSW_EXTRACT_ROUTE, 304],
    ]);
    expect(await downloads()).toBe(2);
    const again = (await adapter.fetchByIds([permitNo])).get(permitNo)!;
    expect(again).toMatchObject({ nativeStatus: first.nativeStatus, extractGeneratedAt: first.extractGeneratedAt, stale: false });
    // A 304 is the registry confirming the extract: the answers say so.
    expect(Date.parse(again.retrievedAt)).toBeGreaterThanOrEqual(confirmedAfter);
  });

  it('gives the download its own budget, longer than a lookup\'s, and ends a hung download at it', async () => {
    expect(DEFAULT_DOWNLOAD_TIMEOUT_MS).toBeGreaterThanOrEqual(2 * 3000);
    await sim.configure({ latencyMs: [300, 300] });
    try {
      // 300 ms is past this client's 150 ms budget, and within the download's.
      const hurried = clientFor(sim.url, 150);
      expect((await run(hurried).fetchByIds([natives()[0].permit_no])).size).toBe(1);
    } finally {
      await sim.configure({ latencyMs: [0, 0] });
    }
    await sim.configure({ hangRate: 1 });
    try {
      const started = Date.now();
      const failure = await run(clientFor(sim.url, 10_000), { downloadTimeoutMs: 400 }).fetchByIds([natives()[0].permit_no]).catch((error: unknown) => error);
      expect(failure).toEqual(registryError('REGISTRY_UNAVAILABLE', { reason: 'timeout' }));
      expect((failure as Error).message).toContain(`${MLSW_EXTRACT_ROUTE} did not answer within 400 ms`);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await sim.configure({ hangRate: 0 });
    }
  });

  it('answers lookups from the index in hand while a slow refresh downloads', async () => {
    let now = Date.now();
    const adapter = run(client, { refreshAfterMs: 1000, now: () => now });
    const native = natives()[5];
    await adapter.fetchByIds([native.permit_no]);
    await sim.configure({ latencyMs: [600, 600] });
    try {
      now += 1000;
      const started = Date.now();
      expect((await adapter.fetchByIds([native.permit_no])).size).toBe(1);
      expect(await adapter.findByHolder({ nationality: native.nationality, documentNumber: native.passport, dateOfBirth: null })).not.toEqual([]);
      expect(Date.now() - started).toBeLessThan(300);
      // The refresh those lookups started is still on its way; waiting for it shares it.
      await adapter.extract.refresh();
      expect(await downloads()).toBe(2);
    } finally {
      await sim.configure({ latencyMs: [0, 0] });
    }
  });

  it('keeps answering from the older index, marked stale, when a refresh fails, until one succeeds', async () => {
    let now = Date.now();
    const adapter = run(client, { refreshAfterMs: 1000, now: () => now });
    const permitNo = natives()[2].permit_no;
    await adapter.fetchByIds([permitNo]);
    await sim.configure({ faultRate: 1 });
    try {
      now += 1000;
      await expect(adapter.extract.refresh()).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'LAO', registry: 'mlsw', reason: 'http-503' } });
      expect((await adapter.fetchByIds([permitNo])).get(permitNo)).toMatchObject({ nativeId: permitNo, stale: true });
      expect((await adapter.findByHolder({ nationality: natives()[2].nationality, documentNumber: natives()[2].passport, dateOfBirth: null }))[0]).toMatchObject({ stale: true });
    } finally {
      await sim.configure({ faultRate: 0 });
    }
    await adapter.extract.refresh();
    expect((await adapter.fetchByIds([permitNo])).get(permitNo)).toMatchObject({ stale: false });
  });

  it('refuses a row the registry holds in a form the specification does not allow, and only for that permit', async () => {
    await sim.upsert([{ ...natives()[3], permit_no: 'WP-VTE-2024-99998', nationality: 'Chinese' }]);
    const adapter = run(client);
    await expect(adapter.fetchByIds(['WP-VTE-2024-99998'])).rejects.toThrow(/permit WP-VTE-2024-99998: nationality: expected an ISO 3166-1 alpha-3 code, got "Chinese"/);
    expect((await adapter.fetchByIds([natives()[3].permit_no])).size).toBe(1);
    const outcomes = await adapter.loadMany([natives()[3].permit_no, 'WP-VTE-2024-99998']);
    expect(outcomes[0]).toMatchObject({ nativeId: natives()[3].permit_no });
    expect(outcomes[1]).toEqual(unreadable('WP-VTE-2024-99998'));
  });

  it('loses only the unreadable permit of a holder\'s answer, naming it', async () => {
    const holder = natives()[6];
    await sim.upsert([{ ...holder, permit_no: 'WP-VTE-2024-99997', status: 'REVOKED' }]);
    const answer = await run(client).source.findByHolder({ nationality: holder.nationality, documentNumber: holder.passport, dateOfBirth: null });
    expect(answer.records.map((r) => r.nativeId)).toContain(holder.permit_no);
    expect(answer.unreadable).toEqual([unreadable('WP-VTE-2024-99997')]);
  });

  it('reads the whole extract page by page, every permit once, from one download', async () => {
    const seen = await numbersOfEveryPage(run(client).source);
    expect(seen.sort()).toEqual([...new Set(natives().map((r) => r.permit_no))].sort());
    expect(await downloads()).toBe(1);
  });
});

describe('mlswAdapter against a registry that breaks its specification', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(() => registry.close());

  const LAST_MODIFIED = 'Sun, 22 Nov 2026 19:00:00 GMT';
  const extract = (body: string, headers: Record<string, string> = { etag: '"v1"', 'last-modified': LAST_MODIFIED }) => registry.reply(200, body, { 'content-type': 'text/csv', ...headers });

  it('keeps the parsed index when a registry that ignores If-None-Match answers the same ETag again', async () => {
    extract(EXAMPLE_CSV);
    const adapter = run(clientFor(registry.url));
    const first = await adapter.extract.refresh();
    const asked = registry.asked.length;
    expect(await adapter.extract.refresh()).toBe(first);
    expect(registry.asked.length).toBe(asked + 1);
  });

  it('refuses a 304 to a request that asked for no version', async () => {
    registry.reply(304, '');
    await expect(run(clientFor(registry.url)).fetchByIds(['WP-VTE-2024-00871'])).rejects.toThrow(/answered 304 Not Modified to a request without If-None-Match/);
  });

  it('refuses an extract without Last-Modified, whose age cannot be told', async () => {
    extract(EXAMPLE_CSV, { etag: '"v1"' });
    await expect(run(clientFor(registry.url)).fetchByIds(['WP-VTE-2024-00871'])).rejects.toThrow(/answered 200 without a Last-Modified date/);
  });

  it('refuses a truncated download and keeps the index it has', async () => {
    extract(EXAMPLE_CSV);
    const adapter = run(clientFor(registry.url));
    await adapter.extract.refresh();
    extract(EXAMPLE_CSV.slice(0, -40), { etag: '"v2"', 'last-modified': LAST_MODIFIED });
    await expect(adapter.extract.refresh()).rejects.toThrow(protocolError);
    expect((await adapter.fetchByIds(['WP-VTE-2024-00871'])).get('WP-VTE-2024-00871')).toMatchObject({ status: 'ACTIVE', stale: true });
  });

  it('refuses a 404 for the extract', async () => {
    registry.reply(404, 'Not Found', { 'content-type': 'text/plain' });
    await expect(run(clientFor(registry.url)).findByHolder({ nationality: 'CHN', documentNumber: 'E12345678', dateOfBirth: null })).rejects.toThrow(/GET \/mlsw\/extract\/latest.csv: answered 404: Not Found/);
  });
});

describeRegistryFaults({
  country: 'LAO',
  simulator: mlswSimulator,
  // Each call from a cold index, as a subgraph starting up makes it: one index shares one download
  // among concurrent lookups (tested above), and the suite's rate-limit case needs every call to ask.
  // The download's own budget is cut to the suite's client budgets, so its hang ends in test time.
  adapter: { ...mlswAdapter, connect: (client) => ({ ...mlswAdapter.connect(client), fetchByIds: (ids) => createMlswAdapter({ downloadTimeoutMs: 300 }).connect(client).fetchByIds(ids) }) },
  route: MLSW_EXTRACT_ROUTE,
  call: (adapter, records) => adapter.fetchByIds([records[0].permit_no]),
});
