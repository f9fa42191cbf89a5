import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient, type RegistryAttempt } from '../kit/registryClient.js';
import { legacySource } from '../kit/registrySource.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { createMlswAdapter, mlswAdapter, mlswToContract } from './mlsw.adapter.js';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS, indexExtract } from './mlsw.extract.js';
import { mlswSimulator } from './sandbox/mlsw.simulator.js';
import { MLSW_COLUMNS, MLSW_EXTRACT_ROUTE, type MlswRow } from './mlsw.native.js';

// The header and example row of subgraphs/lao/README.md, exactly as the extract carries them.
const HEADER = 'permit_no,card_no,full_name,passport,nationality,dob,employer,employer_license,province,position,isco,issued,expires,status';
const EXAMPLE_LINE = 'WP-VTE-2024-00871,C-2024-00871,"WANG, XIAOMING",E12345678,CHN,1987-05-06,"Lao-China Railway Co., Ltd.",ENT-0123,Vientiane Capital,Signal Engineer,2151,2024-03-01,2026-02-28,ACTIVE';
const EXAMPLE_CSV = `${HEADER}\r\n${EXAMPLE_LINE}\r\n`;

const { clientFor, offline, protocolError, registryError } = registryTestKit('LAO', 'mlsw');
const fail = (message: string) => offline.error('REGISTRY_PROTOCOL_ERROR', message);
const example = (): MlswRow => indexExtract(EXAMPLE_CSV, { etag: null, generatedAt: '2026-11-22T19:00:00.000Z' }, fail).byPermitNo.get('WP-VTE-2024-00871')!;
const STAMP = { generatedAt: '2026-11-22T19:00:00.000Z', checkedAt: '2026-11-23T06:10:00.000Z', stale: false };
const AT = Date.parse('2026-11-23T07:15:00.000Z');

describe('mlswToContract', () => {
  it('normalises the published example row and says how old the extract is', () => {
    const record = mlswToContract(example(), STAMP, offline, AT);
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
    expect(mlswToContract({ ...example(), status: native }, STAMP, offline, AT)).toMatchObject({ status: shared, nativeStatus: native, nativeType: 'WORK_PERMIT_CARD' });
  });

  it.each([
    ['1321', 'PROFESSIONAL'],
    ['3113', 'SKILLED'],
    ['7411', 'OTHER'],
    ['9313', 'OTHER'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (isco, permitClass) => {
    expect(mlswToContract({ ...example(), isco }, STAMP, offline, AT)).toMatchObject({ permitClass });
  });

  it('marks answers from an extract whose refresh failed as stale', () => {
    expect(mlswToContract(example(), { ...STAMP, stale: true }, offline, AT + 48 * 3_600_000)).toMatchObject({ stale: true, extractAgeHours: 60.3 });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => mlswToContract({ ...example(), status: 'REVOKED' }, STAMP, offline)).toThrow(/permit WP-VTE-2024-00871: unknown status "REVOKED" \(expected one of ACTIVE, EXPIRED, CANCELLED, TEMPORARY\)/);
    expect(() => mlswToContract({ ...example(), nationality: 'Chinese' }, STAMP, offline)).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "Chinese"/);
    expect(() => mlswToContract({ ...example(), isco: '21' }, STAMP, offline)).toThrow(protocolError);
    expect(() => mlswToContract({ ...example(), expires: '28/02/2026' }, STAMP, offline)).toThrow(/expires: expected a date as YYYY-MM-DD, got "28\/02\/2026"/);
    expect(() => mlswToContract({ ...example(), dob: '' }, STAMP, offline)).toThrow(/dob: expected a date as YYYY-MM-DD/);
  });

  it('recognises permit numbers in the published shape only', () => {
    const adapter = mlswAdapter(offline);
    expect(adapter.isNativeId('WP-VTE-2024-00871')).toBe(true);
    expect(adapter.isNativeId('WP-VTE-2024-871')).toBe(false);
    expect(adapter.isNativeId('C-2024-00871')).toBe(false);
    expect(adapter.isNativeId('LA-NVQF-2023-000456')).toBe(false);
  });
});

describe('indexExtract', () => {
  it('indexes rows by permit number and by normalised passport', () => {
    const second = EXAMPLE_LINE.replace('WP-VTE-2024-00871', 'WP-LPB-2025-00901').replace('E12345678', 'e1234-5678');
    const extract = indexExtract(`${EXAMPLE_CSV}${second}\r\n`, { etag: '"v1"', generatedAt: STAMP.generatedAt }, fail);
    expect([...extract.byPermitNo.keys()]).toEqual(['WP-VTE-2024-00871', 'WP-LPB-2025-00901']);
    expect(extract.byDocument.get('E12345678')!.map((r) => r.permit_no)).toEqual(['WP-VTE-2024-00871', 'WP-LPB-2025-00901']);
    expect(Object.keys(extract.byPermitNo.get('WP-VTE-2024-00871')!)).toEqual([...MLSW_COLUMNS]);
  });

  it('refuses an extract that is not the whole register', () => {
    const meta = { etag: null, generatedAt: STAMP.generatedAt };
    expect(() => indexExtract(`${HEADER.replace('isco', 'isco08')}\r\n${EXAMPLE_LINE}\r\n`, meta, fail)).toThrow(/the extract's header is ".*isco08.*", expected ".*,isco,.*"/);
    expect(() => indexExtract(`${EXAMPLE_CSV}WP-VTE-2024-00872,C-2024-00872,WANG\r\n`, meta, fail)).toThrow('row 3 has 3 fields, expected 14');
    expect(() => indexExtract(`${EXAMPLE_CSV}${EXAMPLE_LINE}\r\n`, meta, fail)).toThrow('row 3 repeats permit "WP-VTE-2024-00871"');
    expect(() => indexExtract(`${EXAMPLE_CSV}WP-VTE-2024-00872,C-2024-00872,"WANG, XIAO`, meta, fail)).toThrow(/the extract is not RFC 4180 CSV: line 3: quoted field is not closed/);
    expect(() => indexExtract('', meta, fail)).toThrow(protocolError);
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
    const adapter = mlswAdapter(client);
    const numbers = natives().slice(0, 999).map((r) => r.permit_no);
    const records = await adapter.fetchByIds([...numbers, 'WP-VTE-2099-99999']);
    expect([...records.keys()]).toEqual(numbers);
    const first = natives()[0];
    expect(records.get(first.permit_no)).toMatchObject({ holderName: first.full_name, holderDocumentNumber: first.passport, validFrom: first.issued, validUntil: first.expires, nativeStatus: first.status, cardNo: first.card_no, stale: false });
    expect(await downloads()).toBe(1);
    await expect(adapter.fetchByIds(Array.from({ length: 1001 }, (_, i) => `WP-VTE-2024-${String(i).padStart(5, '0')}`))).rejects.toThrow('MLSW lookups take at most 1000 permit numbers, got 1001');
  });

  it('reads every permit of the extract through the kit, with one download for concurrent callers', async () => {
    const adapter = mlswAdapter(client);
    const source = legacySource('LAO', adapter);
    const numbers = natives().map((r) => r.permit_no);
    const [all, ...holders] = await Promise.all([source.loadMany(numbers), ...natives().slice(0, 5).map((r) => adapter.findByHolder({ nationality: r.nationality, documentNumber: r.passport, dateOfBirth: null }))]);
    expect(all.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
    holders.forEach((found, i) => expect(found.map((r) => r.nativeId)).toContain(natives()[i].permit_no));
    expect(await downloads()).toBe(1);
  });

  it('finds a foreign worker by passport, however it is typed', async () => {
    const native = natives()[0];
    const found = await mlswAdapter(client).findByHolder({ nationality: native.nationality, documentNumber: ` ${native.passport.toLowerCase()} `.replace(/(\d{3})/, '$1-'), dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.permit_no);
    expect(await mlswAdapter(client).findByHolder({ nationality: 'CHN', documentNumber: 'X00000000', dateOfBirth: null })).toEqual([]);
  });

  it('says how old the extract is: its Last-Modified, and when it was last confirmed', async () => {
    const response = await fetch(`${sim.url}/mlsw/extract/latest.csv`);
    const generatedAt = new Date(response.headers.get('last-modified')!).toISOString();
    const record = (await mlswAdapter(client).fetchByIds([natives()[0].permit_no])).get(natives()[0].permit_no)!;
    expect(record.extractGeneratedAt).toBe(generatedAt);
    expect(record.extractAgeHours).toBeCloseTo((Date.now() - Date.parse(generatedAt)) / 3_600_000, 0);
    expect(record.extractAgeHours).toBeLessThan(24);
    expect(Date.now() - Date.parse(record.retrievedAt)).toBeLessThan(5000);
  });

  it('checks for a new extract at most every refresh interval, and answers from it once it changed', async () => {
    let now = Date.now();
    const adapter = createMlswAdapter(client, { refreshAfterMs: 60_000, now: () => now });
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
    const adapter = createMlswAdapter(watched, { refreshAfterMs: 1000, now: () => now });
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
      expect((await createMlswAdapter(hurried).fetchByIds([natives()[0].permit_no])).size).toBe(1);
    } finally {
      await sim.configure({ latencyMs: [0, 0] });
    }
    await sim.configure({ hangRate: 1 });
    try {
      const started = Date.now();
      const failure = await createMlswAdapter(clientFor(sim.url, 10_000), { downloadTimeoutMs: 400 }).fetchByIds([natives()[0].permit_no]).catch((error: unknown) => error);
      expect(failure).toEqual(registryError('REGISTRY_UNAVAILABLE', { reason: 'timeout' }));
      expect((failure as Error).message).toContain(`${MLSW_EXTRACT_ROUTE} did not answer within 400 ms`);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await sim.configure({ hangRate: 0 });
    }
  });

  it('answers lookups from the index in hand while a slow refresh downloads', async () => {
    let now = Date.now();
    const adapter = createMlswAdapter(client, { refreshAfterMs: 1000, now: () => now });
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
    const adapter = createMlswAdapter(client, { refreshAfterMs: 1000, now: () => now });
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
    const adapter = mlswAdapter(client);
    await expect(adapter.fetchByIds(['WP-VTE-2024-99998'])).rejects.toThrow(/permit WP-VTE-2024-99998: nationality: expected an ISO 3166-1 alpha-3 code, got "Chinese"/);
    expect((await adapter.fetchByIds([natives()[3].permit_no])).size).toBe(1);
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
    const adapter = createMlswAdapter(clientFor(registry.url));
    const first = await adapter.extract.refresh();
    const asked = registry.asked.length;
    expect(await adapter.extract.refresh()).toBe(first);
    expect(registry.asked.length).toBe(asked + 1);
  });

  it('refuses a 304 to a request that asked for no version', async () => {
    registry.reply(304, '');
    await expect(mlswAdapter(clientFor(registry.url)).fetchByIds(['WP-VTE-2024-00871'])).rejects.toThrow(/answered 304 Not Modified to a request without If-None-Match/);
  });

  it('refuses an extract without Last-Modified, whose age cannot be told', async () => {
    extract(EXAMPLE_CSV, { etag: '"v1"' });
    await expect(mlswAdapter(clientFor(registry.url)).fetchByIds(['WP-VTE-2024-00871'])).rejects.toThrow(/answered 200 without a Last-Modified date/);
  });

  it('refuses a truncated download and keeps the index it has', async () => {
    extract(EXAMPLE_CSV);
    const adapter = createMlswAdapter(clientFor(registry.url));
    await adapter.extract.refresh();
    extract(EXAMPLE_CSV.slice(0, -40), { etag: '"v2"', 'last-modified': LAST_MODIFIED });
    await expect(adapter.extract.refresh()).rejects.toThrow(protocolError);
    expect((await adapter.fetchByIds(['WP-VTE-2024-00871'])).get('WP-VTE-2024-00871')).toMatchObject({ status: 'ACTIVE', stale: true });
  });

  it('refuses a 404 for the extract', async () => {
    registry.reply(404, 'Not Found', { 'content-type': 'text/plain' });
    await expect(mlswAdapter(clientFor(registry.url)).findByHolder({ nationality: 'CHN', documentNumber: 'E12345678', dateOfBirth: null })).rejects.toThrow(/GET \/mlsw\/extract\/latest.csv: answered 404: Not Found/);
  });
});

describeRegistryFaults({
  country: 'LAO',
  simulator: mlswSimulator,
  // Each call from a cold index, as a subgraph starting up makes it: one index shares one download
  // among concurrent lookups (tested above), and the suite's rate-limit case needs every call to ask.
  // The download's own budget is cut to the suite's client budgets, so its hang ends in test time.
  adapter: (client) => {
    const cold = () => createMlswAdapter(client, { downloadTimeoutMs: 300 });
    return { ...cold(), fetchByIds: (ids) => cold().fetchByIds(ids) };
  },
  route: MLSW_EXTRACT_ROUTE,
  call: (adapter, records) => adapter.fetchByIds([records[0].permit_no]),
});
