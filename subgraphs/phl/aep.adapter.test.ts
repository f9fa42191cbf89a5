import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { aepAdapter, aepToContract } from './aep.adapter.js';
import { aepSimulator } from './aep.simulator.js';
import { isoFromDemonym } from './demonyms.js';
import demonyms from './aepDemonyms.json' with { type: 'json' };
import type { AepRecord } from './aep.native.js';

// The example record of shared/registries/PHL.md, exactly as DOLE sends it.
const EXAMPLE: AepRecord = {
  aepNo: 'AEP-NCR-2025-001234',
  foreignNational: { surname: 'TANAKA', givenName: 'HIROSHI', nationality: 'JAPANESE', passportNo: 'TK1234567', birthDate: '1979-08-30' },
  position: 'Plant Engineering Manager',
  psocCode: '1321',
  employer: { name: 'Laguna Precision Components Inc.', tin: '123-456-789-000' },
  regionalOffice: 'NCR',
  validFrom: '2025-01-15',
  validUntil: '2026-01-14',
  status: 'ISSUED',
};
const withHolder = (changes: Partial<AepRecord['foreignNational']>): AepRecord => ({ ...EXAMPLE, foreignNational: { ...EXAMPLE.foreignNational, ...changes } });

const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country: 'PHL', registry: 'aep', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'PHL', registry: 'aep' }) });

describe('aepToContract', () => {
  it('normalises the published example', () => {
    const record = aepToContract(EXAMPLE, offline);
    expect(record).toMatchObject({
      __typename: 'PhlWorkPermit',
      id: 'PHL:PERMIT:AEP-NCR-2025-001234',
      country: 'PHL',
      registry: 'aep',
      nativeId: 'AEP-NCR-2025-001234',
      holderName: 'TANAKA, HIROSHI',
      holderNationality: 'JPN',
      holderDocumentNumber: 'TK1234567',
      holderDateOfBirth: '1979-08-30',
      permitClass: 'PROFESSIONAL',
      nativeType: 'AEP',
      status: 'ACTIVE',
      nativeStatus: 'ISSUED',
      validFrom: '2025-01-15',
      validUntil: '2026-01-14',
      employer: { name: 'Laguna Precision Components Inc.', registrationNumber: '123-456-789-000' },
      occupation: { isco: '1321', national: '1321', scheme: 'PSOC 2012', title: 'Plant Engineering Manager' },
      sector: null,
      regionalOffice: 'NCR',
    });
    expect(record.permitClassDerivation).toBe('PROFESSIONAL from ISCO-08 major group 1 of the position (PSOC 1321); DOLE records no permit category.');
  });

  it('translates every published demonym to its ISO alpha-3 code', () => {
    expect(Object.keys(demonyms.demonyms)).toHaveLength(20);
    for (const [demonym, iso] of Object.entries(demonyms.demonyms)) {
      expect(aepToContract(withHolder({ nationality: demonym }), offline).holderNationality).toBe(iso);
    }
    expect(isoFromDemonym('BURMESE')).toBe('MMR');
    expect(isoFromDemonym('constructor')).toBeUndefined();
  });

  it('refuses a nationality written other than as a published demonym', () => {
    expect(() => aepToContract(withHolder({ nationality: 'JPN' }), offline)).toThrow(/permit AEP-NCR-2025-001234: unknown nationality "JPN" \(not among the demonyms DOLE publishes\)/);
    expect(() => aepToContract(withHolder({ nationality: 'Japanese' }), offline)).toThrow(protocolError);
    expect(() => aepToContract(withHolder({ nationality: 'FILIPINO' }), offline)).toThrow(protocolError);
  });

  it.each([
    ['2144', 'PROFESSIONAL'],
    ['3122', 'SKILLED'],
    ['7212', 'OTHER'],
    ['9313', 'OTHER'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (psocCode, permitClass) => {
    expect(aepToContract({ ...EXAMPLE, psocCode }, offline)).toMatchObject({ permitClass, nativeType: 'AEP' });
  });

  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(aepToContract({ ...EXAMPLE, status: native }, offline)).toMatchObject({ status: shared, nativeStatus: native });
    expect(aepToContract({ ...EXAMPLE, aepNo: 'COE-NCR-2025-001234', status: native }, offline)).toMatchObject({ status: shared, nativeStatus: native, nativeType: 'COE' });
  });

  it('reads a certificate of exemption (COE-) as EXEMPT, classed by its post like a permit', () => {
    expect(aepToContract({ ...EXAMPLE, aepNo: 'COE-IV-A-2025-000042', regionalOffice: 'IV-A', status: 'EXEMPT' }, offline)).toMatchObject({
      id: 'PHL:PERMIT:COE-IV-A-2025-000042',
      nativeType: 'COE',
      status: 'EXEMPT',
      nativeStatus: 'EXEMPT',
      permitClass: 'PROFESSIONAL',
    });
  });

  it('refuses an exemption status on a permit, an issued status on an exemption, and unknown words', () => {
    expect(() => aepToContract({ ...EXAMPLE, status: 'EXEMPT' }, offline)).toThrow(/unknown status of a AEP "EXEMPT" \(expected one of PENDING, ISSUED, EXPIRED, REVOKED, CANCELLED\)/);
    expect(() => aepToContract({ ...EXAMPLE, aepNo: 'COE-NCR-2025-001234' }, offline)).toThrow(/unknown status of a COE "ISSUED"/);
    expect(() => aepToContract({ ...EXAMPLE, status: 'APPROVED' as never }, offline)).toThrow(protocolError);
    expect(() => aepToContract({ ...EXAMPLE, aepNo: 'SWP-NCR-2025-001234' }, offline)).toThrow(/unknown number prefix "SWP" \(expected one of AEP, COE\)/);
  });

  it('refuses malformed dates and codes', () => {
    expect(() => aepToContract({ ...EXAMPLE, validUntil: '01/14/2026' }, offline)).toThrow(/validUntil: expected a date as YYYY-MM-DD, got "01\/14\/2026"/);
    expect(() => aepToContract(withHolder({ birthDate: '30-08-1979' }), offline)).toThrow(/birthDate: expected a date as YYYY-MM-DD/);
    expect(() => aepToContract({ ...EXAMPLE, psocCode: '13' }, offline)).toThrow(protocolError);
  });

  it('recognises AEP and COE numbers in the published shape only', () => {
    const adapter = aepAdapter(offline);
    expect(adapter.isNativeId('AEP-NCR-2025-001234')).toBe(true);
    expect(adapter.isNativeId('COE-IV-A-2025-000042')).toBe(true);
    expect(adapter.isNativeId('AEP-NCR-2025-1234')).toBe(false);
    expect(adapter.isNativeId('24130302001457')).toBe(false);
  });

  it('takes exactly one permit number per call, having no batch endpoint', async () => {
    expect(aepAdapter(offline).batchLimit).toBeNull();
    await expect(aepAdapter(offline).fetchByIds(['AEP-NCR-2025-000001', 'AEP-NCR-2025-000002'])).rejects.toThrow('DOLE AEP has no batch endpoint: fetchByIds takes exactly one permit number, got 2');
  });

  it('does not call DOLE about nationalities it has no demonym for', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(aepAdapter(offline).findByHolder({ nationality: 'PHL', documentNumber: 'P1234567A', dateOfBirth: null })).resolves.toEqual([]);
    await expect(aepAdapter(offline).findByHolder({ nationality: 'PRT', documentNumber: 'C123456', dateOfBirth: null })).resolves.toEqual([]);
  });
});

describe('aepAdapter against a registry that breaks its specification', () => {
  let server: Server;
  let answer = { status: 200, body: '' };
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a search answer that is not a list', async () => {
    answer = { status: 200, body: JSON.stringify({ content: [EXAMPLE] }) };
    await expect(aepAdapter(clientFor(url)).findByHolder({ nationality: 'JPN', documentNumber: 'TK1234567' })).rejects.toThrow(/answered 200 with an object instead of a list of permits/);
  });

  it('refuses a permit other than the one asked for', async () => {
    answer = { status: 200, body: JSON.stringify(EXAMPLE) };
    await expect(aepAdapter(clientFor(url)).fetchByIds(['AEP-NCR-2025-000001'])).rejects.toThrow(/asked for AEP-NCR-2025-000001 and answered permit "AEP-NCR-2025-001234"/);
  });

  it('turns a 400 into a protocol error carrying the body', async () => {
    answer = { status: 400, body: JSON.stringify({ status: 400, error: 'BAD_REQUEST', message: 'give passportNo and nationality' }) };
    await expect(aepAdapter(clientFor(url)).findByHolder({ nationality: 'JPN', documentNumber: 'TK1234567' })).rejects.toThrow(/GET \/aep\/api\/permits\?passportNo answered 400: .*BAD_REQUEST/);
  });
});

describe('aepAdapter against the simulated DOLE registry', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  const stats = async () => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number> };
  const resetStats = () => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as AepRecord[];

  beforeAll(async () => {
    sim = await startSimulator(aepSimulator, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'PHL', registry: 'aep', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('fetches one permit per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await aepAdapter(client).fetchByIds([native.aepNo]);
    expect(found.get(native.aepNo)).toMatchObject({ holderName: `${native.foreignNational.surname}, ${native.foreignNational.givenName}`, holderNationality: isoFromDemonym(native.foreignNational.nationality), validFrom: native.validFrom, validUntil: native.validUntil, nativeStatus: native.status, regionalOffice: native.regionalOffice });
    expect((await aepAdapter(client).fetchByIds(['AEP-NCR-2099-999999'])).size).toBe(0);
  });

  it('makes one call per permit through the kit, and reads every generated one', async () => {
    await resetStats();
    const numbers = natives().map((r) => r.aepNo);
    const loaded = await adapterSource('PHL', aepAdapter(client)).loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await stats()).routes['GET /aep/api/permits/{aepNo}']).toBe(numbers.length);
    expect(new Set(loaded.map((r) => (r as { status: string }).status))).toContain('EXEMPT');
  });

  it('finds a foreign national by passport and nationality, and nobody under another nationality', async () => {
    const native = natives()[0];
    const nationality = isoFromDemonym(native.foreignNational.nationality)!;
    const found = await aepAdapter(client).findByHolder({ nationality, documentNumber: native.foreignNational.passportNo, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.aepNo);
    const elsewhere = nationality === 'KOR' ? 'JPN' : 'KOR';
    expect(await aepAdapter(client).findByHolder({ nationality: elsewhere, documentNumber: native.foreignNational.passportNo, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not DOLE\'s AEP_NOT_FOUND', async () => {
    await expect(aepAdapter(clientFor(`${sim.url}/elsewhere/`)).fetchByIds([natives()[0].aepNo])).rejects.toThrow(/answered 404 without \{"error":"AEP_NOT_FOUND"\}/);
  });

  it('fails with REGISTRY_RATE_LIMITED when the 429\'s Retry-After does not fit the time budget', async () => {
    await configure({ ratePerSecond: 1 });
    try {
      const tight = clientFor(sim.url, 500);
      const answers = await Promise.allSettled([0, 1, 2].map(() => aepAdapter(tight).fetchByIds([natives()[0].aepNo])));
      const limited = answers.find((a) => a.status === 'rejected') as PromiseRejectedResult;
      expect(limited.reason).toMatchObject({ extensions: { code: 'REGISTRY_RATE_LIMITED', country: 'PHL', registry: 'aep', retryAfterSeconds: 1 } });
    } finally {
      await configure({ ratePerSecond: 1000 });
    }
  });

  it('fails with REGISTRY_UNAVAILABLE when a regional office answers 503 twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await expect(aepAdapter(client).findByHolder({ nationality: 'JPN', documentNumber: 'TK1234567', dateOfBirth: null })).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'PHL', registry: 'aep', reason: 'http-503' } });
    } finally {
      await configure({ faultRate: 0 });
    }
  });
});
