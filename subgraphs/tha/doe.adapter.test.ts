import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { defaultPopulation, holdingsIn } from '../../registries/population/population.js';
import { doeAdapter, doeToContract } from './doe.adapter.js';
import { doeSimulator } from './doe.simulator.js';
import { doeProfile } from './profiles.js';
import type { DoeRecord } from './doe.native.js';

// The example record of shared/registries/THA.md, exactly as the DOE e-Work Permit sends it.
const EXAMPLE: DoeRecord = {
  permit_no: 'WP67-1000-0123456',
  worker_type: 'MOU',
  name_en: 'AUNG SAN TUN',
  doc_type: 'CI',
  doc_no: 'MD456789',
  nationality: 'MM',
  birth_date: '2535-06-12',
  employer: { name_th: 'บริษัท อาหารทะเลสยาม จำกัด', tax_id: '0105556012345' },
  province: 'สมุทรสาคร',
  occupation_code: '9329',
  issue_date: '2567-03-01',
  expire_date: '2569-02-28',
  status: 'ACTIVE',
};

const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country: 'THA', registry: 'doe', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'THA', registry: 'doe' }) });

describe('doeToContract', () => {
  it('normalises the published example', () => {
    expect(doeToContract(EXAMPLE, offline)).toMatchObject({
      __typename: 'ThaWorkPermit',
      id: 'THA:PERMIT:WP67-1000-0123456',
      country: 'THA',
      registry: 'doe',
      nativeId: 'WP67-1000-0123456',
      holderName: 'AUNG SAN TUN',
      holderNationality: 'MMR',
      holderDocumentNumber: 'MD456789',
      holderDateOfBirth: '1992-06-12',
      permitClass: 'LOWER_SKILLED',
      nativeType: 'MOU',
      status: 'ACTIVE',
      nativeStatus: 'ACTIVE',
      validFrom: '2024-03-01',
      validUntil: '2026-02-28',
      employer: { name: 'บริษัท อาหารทะเลสยาม จำกัด', registrationNumber: '0105556012345' },
      occupation: { isco: '9329', national: '9329', scheme: 'TSCO', title: null },
      sector: null,
      workerType: 'MOU',
      documentType: 'CI',
      province: 'สมุทรสาคร',
      stale: false,
    });
  });

  it.each([
    ['GENERAL', 'LOWER_SKILLED'],
    ['MOU', 'LOWER_SKILLED'],
    ['BOI', 'SKILLED'],
    ['BORDER', 'LOWER_SKILLED'],
    ['MINORITY', 'OTHER'],
  ] as const)('classes worker type %s as %s and keeps the native type', (workerType, permitClass) => {
    expect(doeToContract({ ...EXAMPLE, worker_type: workerType }, offline)).toMatchObject({ permitClass, nativeType: workerType, workerType });
  });

  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(doeToContract({ ...EXAMPLE, status: native }, offline)).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('keeps a passport holder\'s document type', () => {
    expect(doeToContract({ ...EXAMPLE, doc_type: 'PASSPORT', doc_no: 'mc 123-456' }, offline)).toMatchObject({ documentType: 'PASSPORT', holderDocumentNumber: 'MC123456' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => doeToContract({ ...EXAMPLE, status: 'CANCELLED' as never }, offline)).toThrow(/permit WP67-1000-0123456: unknown status "CANCELLED" \(expected one of PENDING, ACTIVE, EXPIRED, REVOKED\)/);
    expect(() => doeToContract({ ...EXAMPLE, worker_type: 'SEASONAL' as never }, offline)).toThrow(/unknown worker_type "SEASONAL" \(expected one of GENERAL, MOU, BOI, BORDER, MINORITY\)/);
    expect(() => doeToContract({ ...EXAMPLE, doc_type: 'BORDER_PASS' as never }, offline)).toThrow(/unknown doc_type "BORDER_PASS" \(expected one of PASSPORT, CI\)/);
    expect(() => doeToContract({ ...EXAMPLE, nationality: 'MMR' }, offline)).toThrow(/nationality: expected an ISO 3166-1 alpha-2 code, got "MMR"/);
    expect(() => doeToContract({ ...EXAMPLE, issue_date: '01/03/2567' }, offline)).toThrow(/issue_date: expected a date as BBBB-MM-DD, got "01\/03\/2567"/);
    expect(() => doeToContract({ ...EXAMPLE, expire_date: '2026-02-28' }, offline)).toThrow(/expire_date: expected a Buddhist-Era year, got "2026-02-28"/);
    expect(() => doeToContract({ ...EXAMPLE, occupation_code: '93' }, offline)).toThrow(protocolError);
  });

  it('recognises permit numbers in the published shape only', () => {
    const adapter = doeAdapter(offline);
    expect(adapter.isNativeId('WP67-1000-0123456')).toBe(true);
    expect(adapter.isNativeId('WP2567-1000-0123456')).toBe(false);
    expect(adapter.isNativeId('DSD-67-10-004512')).toBe(false);
  });

  it('takes at most 100 numbers per batch', async () => {
    expect(doeAdapter(offline).batchLimit).toBe(100);
    const numbers = Array.from({ length: 101 }, (_, i) => `WP67-1000-${String(i).padStart(7, '0')}`);
    await expect(doeAdapter(offline).fetchByIds(numbers)).rejects.toThrow('DOE batch takes at most 100 numbers, got 101');
  });
});

describe('doeAdapter against a registry that breaks its specification', () => {
  let server: Server;
  let answer = { status: 200, body: '' };
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a batch answer holding a permit that was not asked for', async () => {
    answer = { status: 200, body: JSON.stringify({ permits: [EXAMPLE], not_found: [] }) };
    await expect(doeAdapter(clientFor(url)).fetchByIds(['WP67-1000-0000001'])).rejects.toThrow(/DOE batch returned permit "WP67-1000-0123456", which was not among the 1 numbers asked/);
  });

  it('refuses a batch answer that leaves a number unaccounted for', async () => {
    answer = { status: 200, body: JSON.stringify({ permits: [EXAMPLE], not_found: [] }) };
    await expect(doeAdapter(clientFor(url)).fetchByIds(['WP67-1000-0123456', 'WP67-1000-0000002'])).rejects.toThrow('DOE batch returned 1 permits and 0 not_found for 2 numbers; unaccounted: WP67-1000-0000002');
  });

  it('refuses a batch answer without a not_found list, and a 400', async () => {
    answer = { status: 200, body: JSON.stringify({ permits: [EXAMPLE] }) };
    await expect(doeAdapter(clientFor(url)).fetchByIds(['WP67-1000-0123456'])).rejects.toThrow(/answered 200 without a "not_found" list/);
    answer = { status: 400, body: JSON.stringify({ code: 'E400', message: 'permit_nos: at most 100 numbers per request' }) };
    await expect(doeAdapter(clientFor(url)).fetchByIds(['WP67-1000-0123456'])).rejects.toThrow(/POST \/ewp\/v1\/permits\/batch answered 400: .*E400/);
  });
});

describe('doeAdapter against the simulated DOE e-Work Permit', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  const stats = async () => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number> };
  const resetStats = () => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as DoeRecord[];

  beforeAll(async () => {
    sim = await startSimulator(doeSimulator, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'THA', registry: 'doe', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('fetches up to 100 permits in one call and leaves unknown numbers out', async () => {
    await resetStats();
    const known = natives().slice(0, 99);
    const records = await doeAdapter(client).fetchByIds([...known.map((r) => r.permit_no), 'WP99-1000-9999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.permit_no).sort());
    expect(records.get(known[0].permit_no)).toMatchObject({ holderName: known[0].name_en, holderDocumentNumber: known[0].doc_no, documentType: known[0].doc_type, workerType: known[0].worker_type, nativeStatus: known[0].status, province: known[0].province });
    expect((await stats()).routes['POST /ewp/v1/permits/batch']).toBe(1);
  });

  it('needs ⌈N / 100⌉ batch calls for N permits through the kit, and reads every generated permit', async () => {
    await resetStats();
    const numbers = natives().map((r) => r.permit_no);
    const loaded = await adapterSource('THA', doeAdapter(client)).loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await stats()).routes[doeProfile.batchRoute!]).toBe(Math.ceil(numbers.length / 100));
  });

  it('finds a CI holder\'s permit by the CI and by the passport, asking under both document types', async () => {
    const native = natives().find((r) => r.doc_type === 'CI')!;
    await resetStats();
    const byCi = await doeAdapter(client).findByHolder({ nationality: 'MMR', documentNumber: native.doc_no, dateOfBirth: null });
    expect(byCi.map((r) => r.nativeId)).toContain(native.permit_no);
    expect((await stats()).routes['GET /ewp/v1/permits']).toBe(2);

    // The registry links the worker's passport to the permit as well: the population knows which passport that is.
    const { person } = holdingsIn(defaultPopulation(), 'THA', 'PERMIT').find(({ holding }) => holding.seq === Number(native.permit_no.slice(-7)))!;
    const passportNo = person.passportNo!;
    expect(passportNo).not.toBe(native.doc_no);
    const byPassport = await doeAdapter(client).findByHolder({ nationality: 'MMR', documentNumber: passportNo, dateOfBirth: null });
    expect(byPassport.map((r) => r.nativeId)).toContain(native.permit_no);
    expect(byPassport.find((r) => r.nativeId === native.permit_no)).toMatchObject({ documentType: 'CI', holderDocumentNumber: native.doc_no });
  });

  it('finds a passport holder, and nobody under another nationality', async () => {
    const native = natives().find((r) => r.doc_type === 'PASSPORT' && r.nationality === 'KH')!;
    expect((await doeAdapter(client).findByHolder({ nationality: 'KHM', documentNumber: native.doc_no, dateOfBirth: null })).map((r) => r.nativeId)).toContain(native.permit_no);
    expect(await doeAdapter(client).findByHolder({ nationality: 'LAO', documentNumber: native.doc_no, dateOfBirth: null })).toEqual([]);
  });

  it('fails with REGISTRY_RATE_LIMITED when DOE answers 429 and Retry-After does not fit the budget', async () => {
    await configure({ ratePerSecond: 1 });
    try {
      const hasty = clientFor(sim.url, 500);
      const errors = await Promise.all([0, 1, 2].map((i) => doeAdapter(hasty).fetchByIds([natives()[i].permit_no]).then(() => null, (e: unknown) => e)));
      expect(errors.find((e) => e !== null)).toMatchObject({ extensions: { code: 'REGISTRY_RATE_LIMITED', country: 'THA', registry: 'doe', retryAfterSeconds: 1 } });
    } finally {
      await configure({ ratePerSecond: 1000 });
    }
  });

  it('fails with REGISTRY_UNAVAILABLE when DOE answers 503 twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await expect(doeAdapter(client).fetchByIds([natives()[0].permit_no])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'THA', registry: 'doe', reason: 'http-503' } });
    } finally {
      await configure({ faultRate: 0 });
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await fetch(`${sim.url}/__sim/records`, { method: 'POST', body: JSON.stringify([{ ...EXAMPLE, permit_no: 'WP67-1000-9999998', status: 'CANCELLED' }]) });
    await expect(doeAdapter(client).fetchByIds(['WP67-1000-9999998'])).rejects.toThrow(/permit WP67-1000-9999998: unknown status "CANCELLED"/);
  });
});
