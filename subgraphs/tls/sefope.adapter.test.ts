import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { sefopeAdapter, sefopeToContract } from './sefope.adapter.js';
import { sefopeSimulator } from './sefope.simulator.js';
import type { SefopeRecord } from './sefope.native.js';

// The example record of shared/registries/TLS.md, exactly as SEFOPE sends it.
const EXAMPLE: SefopeRecord = {
  numero: 'SEFOPE/AT/2025/0099',
  nome: 'JOSÉ RAMOS PEREIRA',
  passaporte: 'CB123456',
  nacionalidade: 'Portugal',
  dataNascimento: '22/07/1980',
  funcao: 'Engenheiro Civil',
  codigoISCO: '2142',
  entidadeEmpregadora: 'Construções Díli, Lda.',
  sector: 'CONSTRUÇÃO',
  dataInicio: '01/03/2025',
  dataFim: '28/02/2026',
  estado: 'ativa',
};

const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country: 'TLS', registry: 'sefope', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'TLS', registry: 'sefope' }) });

describe('sefopeToContract', () => {
  it('normalises the published example', () => {
    const record = sefopeToContract(EXAMPLE, offline);
    expect(record).toMatchObject({
      __typename: 'TlsWorkPermit',
      id: 'TLS:PERMIT:SEFOPE/AT/2025/0099',
      country: 'TLS',
      registry: 'sefope',
      nativeId: 'SEFOPE/AT/2025/0099',
      holderName: 'JOSÉ RAMOS PEREIRA',
      holderNationality: 'PRT',
      holderDocumentNumber: 'CB123456',
      holderDateOfBirth: '1980-07-22',
      permitClass: 'PROFESSIONAL',
      nativeType: 'Autorização de Trabalho',
      status: 'ACTIVE',
      nativeStatus: 'ativa',
      validFrom: '2025-03-01',
      validUntil: '2026-02-28',
      employer: { name: 'Construções Díli, Lda.', registrationNumber: null },
      occupation: { isco: '2142', national: '2142', scheme: 'ISCO-08', title: 'Engenheiro Civil' },
      sector: 'CONSTRUÇÃO',
      stale: false,
    });
    expect(record.permitClassDerivation).toBe('PROFESSIONAL from ISCO-08 major group 2 of the post (2142); SEFOPE records carry no permit type.');
  });

  it.each([
    ['pendente', 'PENDING'],
    ['caducada', 'EXPIRED'],
    ['cancelada', 'CANCELLED'],
  ] as const)('maps estado %s to %s and keeps the native word', (estado, status) => {
    expect(sefopeToContract({ ...EXAMPLE, estado }, offline)).toMatchObject({ status, nativeStatus: estado });
  });

  it.each([
    ['1321', 'PROFESSIONAL'],
    ['2512', 'PROFESSIONAL'],
    ['3122', 'SKILLED'],
    ['5120', 'OTHER'],
    ['7212', 'OTHER'],
    ['9313', 'OTHER'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s', (codigoISCO, permitClass) => {
    expect(sefopeToContract({ ...EXAMPLE, codigoISCO }, offline)).toMatchObject({ permitClass, nativeType: 'Autorização de Trabalho' });
  });

  it('compares accented Portuguese in NFC, keeping the native text as sent', () => {
    expect(sefopeToContract({ ...EXAMPLE, nacionalidade: 'Austra\u0301lia' }, offline).holderNationality).toBe('AUS');
    expect(sefopeToContract({ ...EXAMPLE, nacionalidade: 'Indonésia', passaporte: 'c 185-0203' }, offline)).toMatchObject({ holderNationality: 'IDN', holderDocumentNumber: 'C1850203' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => sefopeToContract({ ...EXAMPLE, estado: 'revogada' }, offline)).toThrow(/authorisation SEFOPE\/AT\/2025\/0099: unknown estado "revogada" \(expected one of pendente, ativa, caducada, cancelada\)/);
    expect(() => sefopeToContract({ ...EXAMPLE, estado: 'Ativa' }, offline)).toThrow(/unknown estado "Ativa"/);
    expect(() => sefopeToContract({ ...EXAMPLE, nacionalidade: 'Portuguesa' }, offline)).toThrow(/unknown nacionalidade "Portuguesa"/);
    expect(() => sefopeToContract({ ...EXAMPLE, nacionalidade: 'PRT' }, offline)).toThrow(protocolError);
    expect(() => sefopeToContract({ ...EXAMPLE, dataFim: '2026-02-28' }, offline)).toThrow(/dataFim: expected a date as DD\/MM\/YYYY, got "2026-02-28"/);
    expect(() => sefopeToContract({ ...EXAMPLE, dataInicio: '02/30/2025' }, offline)).toThrow(/dataInicio: expected a date as DD\/MM\/YYYY/);
    expect(() => sefopeToContract({ ...EXAMPLE, codigoISCO: '21' }, offline)).toThrow(protocolError);
  });

  it('recognises authorisation numbers in the published shape only', () => {
    const adapter = sefopeAdapter(offline);
    expect(adapter.isNativeId('SEFOPE/AT/2025/0099')).toBe(true);
    expect(adapter.isNativeId('SEFOPE-AT-2025-0099')).toBe(false);
    expect(adapter.isNativeId('SEFOPE/AT/2025/99')).toBe(false);
    expect(adapter.isNativeId('INDMO-CII-2024-0345')).toBe(false);
  });

  it('takes exactly one authorisation number per call, having no batch endpoint', async () => {
    expect(sefopeAdapter(offline).batchLimit).toBeNull();
    await expect(sefopeAdapter(offline).fetchByIds(['SEFOPE/AT/2025/0001', 'SEFOPE/AT/2025/0002'])).rejects.toThrow('SEFOPE has no batch endpoint: fetchByIds takes exactly one authorisation number, got 2');
  });

  it('finds nobody, without a call, for a nationality the specification gives no Portuguese name for', async () => {
    expect(await sefopeAdapter(offline).findByHolder({ nationality: 'USA', documentNumber: '512345678', dateOfBirth: null })).toEqual([]);
  });
});

describe('sefopeAdapter against a registry that breaks its specification', () => {
  let server: Server;
  let status = 200;
  let answer = '';
  let url = '';
  const paths: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json' }).end(answer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const reply = (code: number, body: unknown) => {
    status = code;
    answer = typeof body === 'string' ? body : JSON.stringify(body);
  };

  it('sends the number percent-encoded, slashes included', async () => {
    reply(200, EXAMPLE);
    paths.length = 0;
    expect((await sefopeAdapter(clientFor(url)).fetchByIds(['SEFOPE/AT/2025/0099'])).get('SEFOPE/AT/2025/0099')).toMatchObject({ holderNationality: 'PRT' });
    expect(paths).toEqual(['/sefope/autorizacoes/SEFOPE%2FAT%2F2025%2F0099']);
  });

  it('sends the Portuguese country name to the holder search', async () => {
    reply(200, { resultados: [] });
    paths.length = 0;
    await sefopeAdapter(clientFor(url)).findByHolder({ nationality: 'PHL', documentNumber: 'P1234567A', dateOfBirth: null });
    await sefopeAdapter(clientFor(url)).findByHolder({ nationality: 'AUS', documentNumber: 'N1234567', dateOfBirth: null });
    expect(paths.map((p) => new URL(p, url).searchParams.get('nacionalidade'))).toEqual(['Filipinas', 'Austrália']);
  });

  it('accepts its own 404 body as not found, and refuses any other 404', async () => {
    reply(404, { erro: 'Autorização não encontrada' });
    expect((await sefopeAdapter(clientFor(url)).fetchByIds(['SEFOPE/AT/2025/0099'])).size).toBe(0);
    reply(404, { erro: 'Certificado não encontrado' });
    await expect(sefopeAdapter(clientFor(url)).fetchByIds(['SEFOPE/AT/2025/0099'])).rejects.toThrow(/answered 404 without \{"erro":"Autorização não encontrada"\}/);
  });

  it('refuses a record for another number than the one asked', async () => {
    reply(200, EXAMPLE);
    await expect(sefopeAdapter(clientFor(url)).fetchByIds(['SEFOPE/AT/2025/0001'])).rejects.toThrow(/asked for SEFOPE\/AT\/2025\/0001 and answered authorisation "SEFOPE\/AT\/2025\/0099"/);
  });

  it('turns a 400 or a list of the wrong shape into a protocol error', async () => {
    reply(400, { erro: 'indique passaporte e nacionalidade' });
    await expect(sefopeAdapter(clientFor(url)).findByHolder({ nationality: 'PRT', documentNumber: 'CB123456', dateOfBirth: null })).rejects.toThrow(/GET \/sefope\/autorizacoes\?passaporte answered 400: .*indique passaporte e nacionalidade/);
    reply(200, { resultados: EXAMPLE });
    await expect(sefopeAdapter(clientFor(url)).findByHolder({ nationality: 'PRT', documentNumber: 'CB123456', dateOfBirth: null })).rejects.toThrow(protocolError);
  });
});

describe('sefopeAdapter against the simulated SEFOPE', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  const stats = async () => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number> };
  const resetStats = () => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as SefopeRecord[];

  beforeAll(async () => {
    sim = await startSimulator(sefopeSimulator, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'TLS', registry: 'sefope', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('fetches one authorisation per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await sefopeAdapter(client).fetchByIds([native.numero]);
    expect(found.get(native.numero)).toMatchObject({ holderName: native.nome, holderDocumentNumber: native.passaporte, nativeStatus: native.estado, sector: native.sector });
    expect((await sefopeAdapter(client).fetchByIds(['SEFOPE/AT/2099/9999'])).size).toBe(0);
  });

  it('makes one call per authorisation through the kit', async () => {
    await resetStats();
    const numbers = natives().slice(0, 5).map((r) => r.numero);
    const loaded = await adapterSource('TLS', sefopeAdapter(client)).loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await stats()).routes['GET /sefope/autorizacoes/{numero}']).toBe(5);
  });

  it('round-trips every generated authorisation', async () => {
    const numbers = natives().map((r) => r.numero);
    const loaded = await adapterSource('TLS', sefopeAdapter(client)).loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a foreign worker by passport and nationality, and nobody under another nationality', async () => {
    const native = natives().find((r) => r.nacionalidade === 'Indonésia')!;
    const found = await sefopeAdapter(client).findByHolder({ nationality: 'IDN', documentNumber: native.passaporte, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.numero);
    expect(found.every((r) => r.holderNationality === 'IDN')).toBe(true);
    expect(await sefopeAdapter(client).findByHolder({ nationality: 'PHL', documentNumber: native.passaporte, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not SEFOPE\'s', async () => {
    await expect(sefopeAdapter(clientFor(`${sim.url}/elsewhere/`)).fetchByIds([natives()[0].numero])).rejects.toThrow(/answered 404 without \{"erro":"Autorização não encontrada"\}/);
  });

  it('fails with REGISTRY_RATE_LIMITED when SEFOPE answers 429 and Retry-After does not fit the budget', async () => {
    await configure({ ratePerSecond: 1 });
    try {
      const slowClient = clientFor(sim.url, 500);
      const outcomes = await Promise.allSettled([0, 1, 2].map(() => sefopeAdapter(slowClient).fetchByIds([natives()[0].numero])));
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ extensions: { code: 'REGISTRY_RATE_LIMITED', country: 'TLS', registry: 'sefope', retryAfterSeconds: 1 } });
    } finally {
      await configure({ ratePerSecond: 1000 });
    }
  });

  it('fails with REGISTRY_UNAVAILABLE when SEFOPE answers 503 twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await resetStats();
      await expect(sefopeAdapter(client).findByHolder({ nationality: 'PRT', documentNumber: 'CB123456', dateOfBirth: null })).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'TLS', registry: 'sefope', reason: 'http-503' } });
      expect((await stats()).routes['GET /sefope/autorizacoes']).toBe(2);
    } finally {
      await configure({ faultRate: 0 });
    }
  });
});
