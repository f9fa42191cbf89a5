import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { createMlswAdapter, mlswAdapter, mlswToContract } from './mlsw.adapter.js';
import { indexExtract } from './mlsw.extract.js';
import { mlswSimulator } from './mlsw.simulator.js';
import { MLSW_COLUMNS, type MlswRow } from './mlsw.native.js';

// The header and example row of shared/registries/LAO.md, exactly as the extract carries them.
const HEADER = 'permit_no,card_no,full_name,passport,nationality,dob,employer,employer_license,province,position,isco,issued,expires,status';
const EXAMPLE_LINE = 'WP-VTE-2024-00871,C-2024-00871,"WANG, XIAOMING",E12345678,CHN,1987-05-06,"Lao-China Railway Co., Ltd.",ENT-0123,Vientiane Capital,Signal Engineer,2151,2024-03-01,2026-02-28,ACTIVE';
const EXAMPLE_CSV = `${HEADER}\r\n${EXAMPLE_LINE}\r\n`;

const clientFor = (baseUrl: string, timeoutMs = 2000) => new RegistryClient({ country: 'LAO', registry: 'mlsw', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'LAO', registry: 'mlsw' }) });
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
  let sim: RunningSimulator;
  let client: RegistryClient;
  const downloads = async () => ((await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number> }).routes['GET /mlsw/extract/latest.csv'] ?? 0;
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as MlswRow[];

  beforeAll(async () => {
    sim = await startSimulator(mlswSimulator, { config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = clientFor(sim.url);
  });
  beforeEach(() => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' }));
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
    const source = adapterSource('LAO', adapter);
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

    await fetch(`${sim.url}/__sim/records`, { method: 'POST', body: JSON.stringify([{ ...natives()[1], status: 'CANCELLED' }]) });
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

  it('keeps the parsed index when the registry answers the same ETag again', async () => {
    const adapter = createMlswAdapter(client);
    const first = await adapter.extract.refresh();
    expect(await adapter.extract.refresh()).toBe(first);
    expect(await downloads()).toBe(2);
  });

  it('keeps answering from the older index, marked stale, when a refresh fails, until one succeeds', async () => {
    let now = Date.now();
    const adapter = createMlswAdapter(client, { refreshAfterMs: 1000, now: () => now });
    const permitNo = natives()[2].permit_no;
    await adapter.fetchByIds([permitNo]);
    await configure({ faultRate: 1 });
    try {
      now += 1000;
      await expect(adapter.extract.refresh()).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'LAO', registry: 'mlsw', reason: 'http-503' } });
      expect((await adapter.fetchByIds([permitNo])).get(permitNo)).toMatchObject({ nativeId: permitNo, stale: true });
      expect((await adapter.findByHolder({ nationality: natives()[2].nationality, documentNumber: natives()[2].passport, dateOfBirth: null }))[0]).toMatchObject({ stale: true });
    } finally {
      await configure({ faultRate: 0 });
    }
    await adapter.extract.refresh();
    expect((await adapter.fetchByIds([permitNo])).get(permitNo)).toMatchObject({ stale: false });
  });

  it('fails with REGISTRY_UNAVAILABLE when there is no index yet and the download fails twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await expect(mlswAdapter(client).fetchByIds([natives()[0].permit_no])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'LAO', registry: 'mlsw', reason: 'http-503' } });
      expect(await downloads()).toBe(2);
    } finally {
      await configure({ faultRate: 0 });
    }
  });

  it('refuses a row the registry holds in a form the specification does not allow, and only for that permit', async () => {
    await fetch(`${sim.url}/__sim/records`, { method: 'POST', body: JSON.stringify([{ ...natives()[3], permit_no: 'WP-VTE-2024-99998', nationality: 'Chinese' }]) });
    const adapter = mlswAdapter(client);
    await expect(adapter.fetchByIds(['WP-VTE-2024-99998'])).rejects.toThrow(/permit WP-VTE-2024-99998: nationality: expected an ISO 3166-1 alpha-3 code, got "Chinese"/);
    expect((await adapter.fetchByIds([natives()[3].permit_no])).size).toBe(1);
  });
});

describe('mlswAdapter against registries the simulator cannot play', () => {
  let server: Server;
  let url = '';
  const seen: Array<string | undefined> = [];
  let reply: (ifNoneMatch: string | undefined) => { status: number; headers?: Record<string, string>; body?: string } = () => ({ status: 200 });
  beforeAll(async () => {
    server = createServer((req, res) => {
      const ifNoneMatch = req.headers['if-none-match'];
      seen.push(ifNoneMatch);
      const { status, headers, body } = reply(ifNoneMatch);
      res.writeHead(status, headers).end(body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen.length = 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const LAST_MODIFIED = 'Sun, 22 Nov 2026 19:00:00 GMT';

  it('sends If-None-Match and keeps its index on 304 Not Modified', async () => {
    // A conditional server as the spec describes MLSW's (the kit's simulator cannot read request headers).
    reply = (ifNoneMatch) => (ifNoneMatch === '"v1"' ? { status: 304 } : { status: 200, headers: { etag: '"v1"', 'last-modified': LAST_MODIFIED }, body: EXAMPLE_CSV });
    let now = Date.now();
    const adapter = createMlswAdapter(clientFor(url), { refreshAfterMs: 1000, now: () => now });
    const first = await adapter.extract.refresh();
    now += 5000;
    const checked = Date.now();
    expect(await adapter.extract.refresh()).toBe(first);
    expect(seen).toEqual([undefined, '"v1"']);
    const record = (await adapter.fetchByIds(['WP-VTE-2024-00871'])).get('WP-VTE-2024-00871')!;
    expect(record).toMatchObject({ extractGeneratedAt: '2026-11-22T19:00:00.000Z', stale: false });
    expect(Date.parse(record.retrievedAt)).toBeGreaterThanOrEqual(checked);
  });

  it('refuses a 304 to a request that asked for no version', async () => {
    reply = () => ({ status: 304 });
    await expect(mlswAdapter(clientFor(url)).fetchByIds(['WP-VTE-2024-00871'])).rejects.toThrow(/answered 304 Not Modified to a request without If-None-Match/);
  });

  it('refuses an extract without Last-Modified, whose age cannot be told', async () => {
    reply = () => ({ status: 200, headers: { etag: '"v1"' }, body: EXAMPLE_CSV });
    await expect(mlswAdapter(clientFor(url)).fetchByIds(['WP-VTE-2024-00871'])).rejects.toThrow(/answered 200 without a Last-Modified date/);
  });

  it('refuses a truncated download and keeps the index it has', async () => {
    reply = () => ({ status: 200, headers: { etag: '"v1"', 'last-modified': LAST_MODIFIED }, body: EXAMPLE_CSV });
    const adapter = createMlswAdapter(clientFor(url));
    await adapter.extract.refresh();
    reply = () => ({ status: 200, headers: { etag: '"v2"', 'last-modified': LAST_MODIFIED }, body: EXAMPLE_CSV.slice(0, -40) });
    await expect(adapter.extract.refresh()).rejects.toThrow(protocolError);
    expect((await adapter.fetchByIds(['WP-VTE-2024-00871'])).get('WP-VTE-2024-00871')).toMatchObject({ status: 'ACTIVE', stale: true });
  });

  it('refuses a 404 for the extract', async () => {
    reply = () => ({ status: 404, body: 'Not Found' });
    await expect(mlswAdapter(clientFor(url)).findByHolder({ nationality: 'CHN', documentNumber: 'E12345678', dateOfBirth: null })).rejects.toThrow(/GET \/mlsw\/extract\/latest.csv: answered 404: Not Found/);
  });
});
