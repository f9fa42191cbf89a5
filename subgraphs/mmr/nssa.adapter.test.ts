import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { nssaAdapter, nssaToContract } from './nssa.adapter.js';
import { nssaSimulator } from './nssa.simulator.js';
import { nssaProfile } from './profiles.js';
import type { NssaRecord } from './nssa.native.js';

// The example record of shared/registries/MMR.md, exactly as NSSA sends it.
const EXAMPLE: NssaRecord = {
  certNo: 'NSSA-2-2023-04567',
  nameMy: 'အောင်ကိုကို',
  nameEn: 'AUNG KO KO',
  nrc: '12/DAGANA(N)123456',
  passportNo: 'MC123456',
  dateOfBirth: '1996-04-22',
  occupation: 'Electronics Assembler',
  iscoCode: '8212',
  level: 2,
  assessmentCentre: 'Yangon Industrial Training Centre',
  issueDate: '2023-09-12',
  expiryDate: '2026-09-11',
  status: 'VALID',
};

const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country: 'MMR', registry: 'nssa', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'MMR', registry: 'nssa' }) });

describe('nssaToContract', () => {
  it('normalises the published example', () => {
    const record = nssaToContract(EXAMPLE, offline);
    expect(record).toMatchObject({
      __typename: 'MmrCertification',
      id: 'MMR:CERT:NSSA-2-2023-04567',
      country: 'MMR',
      registry: 'nssa',
      nativeId: 'NSSA-2-2023-04567',
      holderName: 'AUNG KO KO',
      holderNationality: 'MMR',
      holderDocumentNumber: 'MC123456',
      holderDateOfBirth: '1996-04-22',
      title: 'Electronics Assembler',
      qualificationCode: null,
      nationalLevel: '2',
      aqrfLevel: 2,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '8212', national: '8212', scheme: 'ISCO-08', title: 'Electronics Assembler' },
      issuer: { name: 'National Skills Standards Authority', registrationNumber: null },
      issuedOn: '2023-09-12',
      validUntil: '2026-09-11',
      status: 'VALID',
      nativeStatus: 'VALID',
      nameMy: 'အောင်ကိုကို',
      nssaLevel: 2,
      levelName: 'Skilled',
      assessmentCentre: 'Yangon Industrial Training Centre',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: NSSA level N read as AQRF level N/);
    // The NRC is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('DAGANA');
  });

  it.each([
    [1, 'Semi-skilled'],
    [3, 'Advanced skilled'],
    [4, 'Supervisory'],
  ] as const)('reads NSSA level %i as indicative AQRF level %i (%s)', (level, name) => {
    expect(nssaToContract({ ...EXAMPLE, level }, offline)).toMatchObject({ nationalLevel: String(level), aqrfLevel: level, aqrfBasis: 'INDICATIVE', nssaLevel: level, levelName: name });
  });

  it.each([
    ['EXPIRED', 'EXPIRED'],
    ['CANCELLED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(nssaToContract({ ...EXAMPLE, status: native }, offline)).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('keeps a holder without a passport, with no document number', () => {
    expect(nssaToContract({ ...EXAMPLE, passportNo: null }, offline)).toMatchObject({ holderDocumentNumber: null, holderNationality: 'MMR' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => nssaToContract({ ...EXAMPLE, status: 'SUSPENDED' as never }, offline)).toThrow(/certificate NSSA-2-2023-04567: unknown status "SUSPENDED" \(expected one of VALID, EXPIRED, CANCELLED\)/);
    expect(() => nssaToContract({ ...EXAMPLE, level: 5 }, offline)).toThrow(/unknown level "5"/);
    expect(() => nssaToContract({ ...EXAMPLE, issueDate: '12-09-2023' }, offline)).toThrow(/issueDate: expected a date as YYYY-MM-DD, got "12-09-2023"/);
    expect(() => nssaToContract({ ...EXAMPLE, iscoCode: '821' }, offline)).toThrow(protocolError);
  });

  it('recognises certificate numbers in the published shape only', () => {
    const adapter = nssaAdapter(offline);
    expect(adapter.isNativeId('NSSA-2-2023-04567')).toBe(true);
    expect(adapter.isNativeId('NSSA-5-2023-04567')).toBe(false);
    expect(adapter.isNativeId('MOL-FE-2024-001122')).toBe(false);
  });

  it('does not call NSSA about people who are not Myanmar nationals', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(nssaAdapter(offline).findByHolder({ nationality: 'JPN', documentNumber: 'MC123456', dateOfBirth: null })).resolves.toEqual([]);
  });
});

describe('nssaAdapter against a registry that breaks its specification', () => {
  let server: Server;
  let answer = '';
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a batch answer holding a certificate that was not asked for', async () => {
    answer = JSON.stringify({ records: [EXAMPLE] });
    await expect(nssaAdapter(clientFor(url)).fetchByIds(['NSSA-1-2024-00001'])).rejects.toThrow(/NSSA batch returned certificate "NSSA-2-2023-04567", which was not among the 1 numbers asked/);
  });

  it('refuses a 200 without a records list', async () => {
    answer = JSON.stringify({ data: [] });
    await expect(nssaAdapter(clientFor(url)).fetchByIds(['NSSA-2-2023-04567'])).rejects.toThrow(protocolError);
  });
});

describe('nssaAdapter against the simulated NSSA', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  const stats = async () => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number>; faults: number };
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as NssaRecord[];

  beforeAll(async () => {
    sim = await startSimulator(nssaSimulator, { config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'MMR', registry: 'nssa', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('fetches up to ten certificates in one call and leaves unknown numbers out', async () => {
    await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
    const known = natives().slice(0, 9);
    const records = await nssaAdapter(client).fetchByIds([...known.map((r) => r.certNo), 'NSSA-1-2099-99999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.certNo).sort());
    const first = records.get(known[0].certNo)!;
    expect(first).toMatchObject({ holderName: known[0].nameEn, nameMy: known[0].nameMy, holderDateOfBirth: known[0].dateOfBirth, issuedOn: known[0].issueDate, nationalLevel: String(known[0].level), nativeStatus: known[0].status });
    expect((await stats()).routes['POST /nssa/v1/certificates/batch']).toBe(1);
  });

  it('needs ⌈N / 10⌉ batch calls for N certificates through the kit', async () => {
    await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
    const numbers = natives().slice(0, 25).map((r) => r.certNo);
    const loaded = await adapterSource('MMR', nssaAdapter(client)).loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await stats()).routes[nssaProfile.batchRoute!]).toBe(3);
  });

  it('finds a Myanmar holder by passport', async () => {
    const holder = natives().find((r) => r.passportNo !== null)!;
    const found = await nssaAdapter(client).findByHolder({ nationality: 'MMR', documentNumber: holder.passportNo!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.certNo);
    expect(found.every((r) => r.holderDocumentNumber === holder.passportNo && r.holderNationality === 'MMR')).toBe(true);
  });

  it('fails with REGISTRY_UNAVAILABLE within the client timeout when NSSA hangs', async () => {
    await configure({ hangRate: 1 });
    try {
      const started = Date.now();
      const error = await nssaAdapter(clientFor(sim.url, 300)).fetchByIds([natives()[0].certNo]).catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect(error).toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'MMR', registry: 'nssa', reason: 'timeout' } });
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(800);
    } finally {
      await configure({ hangRate: 0 });
    }
  });

  it('fails with REGISTRY_UNAVAILABLE when NSSA answers 503 twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
      await expect(nssaAdapter(client).fetchByIds([natives()[0].certNo])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', reason: 'http-503' } });
      expect((await stats()).routes['POST /nssa/v1/certificates/batch']).toBe(2);
    } finally {
      await configure({ faultRate: 0 });
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await fetch(`${sim.url}/__sim/records`, { method: 'POST', body: JSON.stringify([{ ...EXAMPLE, certNo: 'NSSA-2-2023-99998', dateOfBirth: '22/04/1996' }]) });
    await expect(nssaAdapter(client).fetchByIds(['NSSA-2-2023-99998'])).rejects.toThrow(/certificate NSSA-2-2023-99998: dateOfBirth: expected a date as YYYY-MM-DD/);
  });
});
