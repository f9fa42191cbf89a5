import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { bdnacAdapter, bdnacToContract } from './bdnac.adapter.js';
import { bdnacSimulator } from './bdnac.simulator.js';
import { bdnacProfile } from './profiles.js';
import type { BdnacRecord } from './bdnac.native.js';

// The example record of shared/registries/BRN.md, exactly as BDNAC sends it.
const EXAMPLE: BdnacRecord = {
  noSijil: 'BDQF-3-2024-000233',
  nama: 'MOHAMMAD RIZAL BIN HAJI OSMAN',
  noIC: '01-234567',
  warnaIC: 'KUNING',
  noPasport: null,
  warganegara: 'BRN',
  tarikhLahir: '1999-09-09',
  kelayakan: 'National Technical Education Certificate in Welding',
  tahapBDQF: 3,
  bidang: 'KEJURUTERAAN',
  kodISCO: '7212',
  institusi: 'IBTE Jefri Bolkiah Campus',
  tarikhKeluar: '2024-01-20',
  status: 'SAH',
};

const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country: 'BRN', registry: 'bdnac', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'BRN', registry: 'bdnac' }) });

describe('bdnacToContract', () => {
  it('normalises the published example', () => {
    const record = bdnacToContract(EXAMPLE, offline);
    expect(record).toMatchObject({
      __typename: 'BrnCertification',
      id: 'BRN:CERT:BDQF-3-2024-000233',
      country: 'BRN',
      registry: 'bdnac',
      nativeId: 'BDQF-3-2024-000233',
      holderName: 'MOHAMMAD RIZAL BIN HAJI OSMAN',
      holderNationality: 'BRN',
      holderDocumentNumber: null,
      holderDateOfBirth: '1999-09-09',
      title: 'National Technical Education Certificate in Welding',
      qualificationCode: null,
      nationalLevel: '3',
      aqrfLevel: 3,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7212', national: '7212', scheme: 'ISCO-08', title: null },
      issuer: { name: 'IBTE Jefri Bolkiah Campus', registrationNumber: null },
      issuedOn: '2024-01-20',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'SAH',
      bdqfLevel: 3,
      fieldOfStudy: 'KEJURUTERAAN',
      identityCardColour: 'KUNING',
      residency: 'citizen',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: BDQF level N read as AQRF level N/);
    // The identity card number is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('01-234567');
  });

  it('keeps a certificate VALID however old it is, since BDNAC certificates do not expire', () => {
    expect(bdnacToContract({ ...EXAMPLE, tarikhKeluar: '2001-03-15' }, offline)).toMatchObject({ status: 'VALID', validUntil: null, issuedOn: '2001-03-15' });
  });

  it('maps a withdrawn certificate (BATAL) to REVOKED and keeps the native word', () => {
    expect(bdnacToContract({ ...EXAMPLE, status: 'BATAL' }, offline)).toMatchObject({ status: 'REVOKED', nativeStatus: 'BATAL' });
  });

  it.each([
    ['KUNING', 'citizen'],
    ['UNGU', 'permanent resident'],
    ['HIJAU', 'foreign resident'],
  ] as const)('reads identity card colour %s as %s', (warnaIC, residency) => {
    expect(bdnacToContract({ ...EXAMPLE, warnaIC }, offline)).toMatchObject({ identityCardColour: warnaIC, residency });
  });

  it('carries a foreign holder\'s passport and nationality', () => {
    const foreign = { ...EXAMPLE, nama: 'RAHMAT HIDAYAT', noIC: '51-012345', warnaIC: 'HIJAU', noPasport: 'c 7654321', warganegara: 'IDN' } as const;
    expect(bdnacToContract(foreign, offline)).toMatchObject({ holderNationality: 'IDN', holderDocumentNumber: 'C7654321', residency: 'foreign resident' });
  });

  it.each([1, 5, 8])('reads BDQF level %i as indicative AQRF level %i', (level) => {
    expect(bdnacToContract({ ...EXAMPLE, tahapBDQF: level }, offline)).toMatchObject({ nationalLevel: String(level), aqrfLevel: level, aqrfBasis: 'INDICATIVE', bdqfLevel: level });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => bdnacToContract({ ...EXAMPLE, status: 'TAMAT' as never }, offline)).toThrow(/certificate BDQF-3-2024-000233: unknown status "TAMAT" \(expected one of SAH, BATAL\)/);
    expect(() => bdnacToContract({ ...EXAMPLE, warnaIC: 'MERAH' as never }, offline)).toThrow(/unknown warnaIC "MERAH" \(expected one of KUNING, UNGU, HIJAU\)/);
    expect(() => bdnacToContract({ ...EXAMPLE, tahapBDQF: 9 }, offline)).toThrow(/tahapBDQF: expected a BDQF level 1-8, got 9/);
    expect(() => bdnacToContract({ ...EXAMPLE, warganegara: 'Brunei' }, offline)).toThrow(/warganegara: expected an ISO 3166-1 alpha-3 code, got "Brunei"/);
    expect(() => bdnacToContract({ ...EXAMPLE, noIC: '01234567' }, offline)).toThrow(/noIC: expected a Brunei identity card number NN-NNNNNN/);
    expect(() => bdnacToContract({ ...EXAMPLE, tarikhKeluar: '20-01-2024' }, offline)).toThrow(/tarikhKeluar: expected a date as YYYY-MM-DD, got "20-01-2024"/);
    expect(() => bdnacToContract({ ...EXAMPLE, kodISCO: '721' }, offline)).toThrow(protocolError);
  });

  it('recognises certificate numbers in the published shape only', () => {
    const adapter = bdnacAdapter(offline);
    expect(adapter.isNativeId('BDQF-3-2024-000233')).toBe(true);
    expect(adapter.isNativeId('BDQF-9-2024-000233')).toBe(false);
    expect(adapter.isNativeId('BDQF-3-2024-233')).toBe(false);
    expect(adapter.isNativeId('LPA/2025/0456/1')).toBe(false);
  });

  it('refuses more than fifty numbers before calling', async () => {
    const numbers = Array.from({ length: 51 }, (_, i) => `BDQF-3-2024-${String(i).padStart(6, '0')}`);
    await expect(bdnacAdapter(offline).fetchByIds(numbers)).rejects.toThrow('BDNAC batch takes at most 50 numbers, got 51');
  });
});

describe('bdnacAdapter against a registry that breaks its specification', () => {
  let server: Server;
  let answer = { status: 200, body: '' };
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a batch answer holding a certificate that was not asked for', async () => {
    answer = { status: 200, body: JSON.stringify({ rekod: [EXAMPLE] }) };
    await expect(bdnacAdapter(clientFor(url)).fetchByIds(['BDQF-1-2024-000001'])).rejects.toThrow(/BDNAC batch returned certificate "BDQF-3-2024-000233", which was not among the 1 numbers asked/);
  });

  it('refuses a 200 without a rekod list', async () => {
    answer = { status: 200, body: JSON.stringify({ records: [EXAMPLE] }) };
    await expect(bdnacAdapter(clientFor(url)).fetchByIds([EXAMPLE.noSijil])).rejects.toThrow(/answered 200 without a rekod list/);
  });

  it('turns a 400 into a protocol error that keeps the registry\'s mesej', async () => {
    answer = { status: 400, body: JSON.stringify({ mesej: 'noSijil: paling banyak 50 nombor setiap permintaan' }) };
    const error = await bdnacAdapter(clientFor(url)).fetchByIds([EXAMPLE.noSijil]).catch((e: unknown) => e);
    expect(error).toMatchObject({ extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'BRN', registry: 'bdnac', httpStatus: 400 } });
    expect((error as Error).message).toContain('POST /bdnac/api/sijil/kelompok answered 400: {"mesej":"noSijil: paling banyak 50 nombor setiap permintaan"}');
  });

  it('turns a 404 {"mesej":"Tiada rekod"} on the search into a protocol error: the search answers 200 with an empty list', async () => {
    answer = { status: 404, body: JSON.stringify({ mesej: 'Tiada rekod' }) };
    await expect(bdnacAdapter(clientFor(url)).findByHolder({ nationality: 'IDN', documentNumber: 'C7654321', dateOfBirth: null })).rejects.toThrow(/GET \/bdnac\/api\/sijil\?noPasport answered 404: \{"mesej":"Tiada rekod"\}/);
  });

  it('refuses a body that is not JSON', async () => {
    answer = { status: 200, body: '<rekod/>' };
    await expect(bdnacAdapter(clientFor(url)).fetchByIds([EXAMPLE.noSijil])).rejects.toThrow(protocolError);
  });
});

describe('bdnacAdapter against the simulated BDNAC', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  const stats = async () => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number> };
  const resetStats = () => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as BdnacRecord[];

  beforeAll(async () => {
    sim = await startSimulator(bdnacSimulator, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'BRN', registry: 'bdnac', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('fetches certificates in one batch call and leaves unknown numbers out', async () => {
    await resetStats();
    const known = natives().slice(0, 49);
    const records = await bdnacAdapter(client).fetchByIds([...known.map((r) => r.noSijil), 'BDQF-1-2099-999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.noSijil).sort());
    const first = records.get(known[0].noSijil)!;
    expect(first).toMatchObject({ holderName: known[0].nama, holderNationality: known[0].warganegara, holderDateOfBirth: known[0].tarikhLahir, issuedOn: known[0].tarikhKeluar, nationalLevel: String(known[0].tahapBDQF), nativeStatus: known[0].status, identityCardColour: known[0].warnaIC });
    expect((await stats()).routes['POST /bdnac/api/sijil/kelompok']).toBe(1);
  });

  it('needs ⌈N / 50⌉ batch calls for N certificates through the kit', async () => {
    await resetStats();
    const numbers = natives().map((r) => r.noSijil);
    expect(numbers.length).toBeGreaterThan(50);
    const loaded = await adapterSource('BRN', bdnacAdapter(client)).loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await stats()).routes[bdnacProfile.batchRoute!]).toBe(Math.ceil(numbers.length / 50));
  });

  it('finds a foreign holder by passport and nationality, and nobody under another nationality', async () => {
    const holder = natives().find((r) => r.warganegara !== 'BRN')!;
    const found = await bdnacAdapter(client).findByHolder({ nationality: holder.warganegara, documentNumber: holder.noPasport!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.noSijil);
    expect(found.every((r) => r.holderDocumentNumber === holder.noPasport && r.holderNationality === holder.warganegara && r.residency === 'foreign resident')).toBe(true);
    expect(await bdnacAdapter(client).findByHolder({ nationality: holder.warganegara === 'PHL' ? 'IDN' : 'PHL', documentNumber: holder.noPasport!, dateOfBirth: null })).toEqual([]);
  });

  it('fails with REGISTRY_RATE_LIMITED when BDNAC answers 429 and Retry-After does not fit the budget', async () => {
    await configure({ ratePerSecond: 1 });
    try {
      const limited = bdnacAdapter(clientFor(sim.url, 500));
      const answers = await Promise.allSettled([0, 1, 2].map(() => limited.fetchByIds([natives()[0].noSijil])));
      const rejected = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ extensions: { code: 'REGISTRY_RATE_LIMITED', country: 'BRN', registry: 'bdnac', retryAfterSeconds: 1 } });
    } finally {
      await configure({ ratePerSecond: 1000 });
    }
  });

  it('fails with REGISTRY_UNAVAILABLE when BDNAC answers 503 twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await resetStats();
      await expect(bdnacAdapter(client).fetchByIds([natives()[0].noSijil])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'BRN', registry: 'bdnac', reason: 'http-503' } });
      expect((await stats()).routes['POST /bdnac/api/sijil/kelompok']).toBe(2);
    } finally {
      await configure({ faultRate: 0 });
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await fetch(`${sim.url}/__sim/records`, { method: 'POST', body: JSON.stringify([{ ...EXAMPLE, noSijil: 'BDQF-3-2024-999998', tarikhLahir: '09/09/1999' }]) });
    await expect(bdnacAdapter(client).fetchByIds(['BDQF-3-2024-999998'])).rejects.toThrow(/certificate BDQF-3-2024-999998: tarikhLahir: expected a date as YYYY-MM-DD/);
  });
});
