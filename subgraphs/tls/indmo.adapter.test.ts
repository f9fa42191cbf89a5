import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryClient } from '../../schema/kit/registryClient.js';
import { adapterSource } from '../../schema/kit/registrySource.js';
import { startSimulator, type RunningSimulator } from '../../registries/kit/simulator.js';
import { indmoAdapter, indmoToContract } from './indmo.adapter.js';
import { indmoSimulator } from './indmo.simulator.js';
import type { IndmoRecord } from './indmo.native.js';

// The example record of shared/registries/TLS.md, exactly as INDMO sends it.
const EXAMPLE: IndmoRecord = {
  numeroCertificado: 'INDMO-CII-2024-0345',
  nomeCompleto: 'Maria da Costa Soares',
  bi: '123456789',
  passaporte: 'TL0012345',
  nacionalidade: 'Timor-Leste',
  dataNascimento: '14/02/1996',
  qualificacao: 'Certificado II em Hotelaria',
  nivel: 'Certificado II',
  area: 'TURISMO E HOTELARIA',
  codigoISCO: '5131',
  centroFormacao: 'Centro de Formação Profissional de Becora',
  dataEmissao: '30/05/2024',
  estado: 'válido',
};

const clientFor = (baseUrl: string, timeoutMs = 1000) => new RegistryClient({ country: 'TLS', registry: 'indmo', baseUrl, timeoutMs, maxConcurrency: 2, ratePerSecond: 1000 });
const offline = clientFor('http://127.0.0.1:9');
const protocolError = expect.objectContaining({ extensions: expect.objectContaining({ code: 'REGISTRY_PROTOCOL_ERROR', country: 'TLS', registry: 'indmo' }) });

describe('indmoToContract', () => {
  it('normalises the published example', () => {
    const record = indmoToContract(EXAMPLE, offline);
    expect(record).toMatchObject({
      __typename: 'TlsCertification',
      id: 'TLS:CERT:INDMO-CII-2024-0345',
      country: 'TLS',
      registry: 'indmo',
      nativeId: 'INDMO-CII-2024-0345',
      holderName: 'Maria da Costa Soares',
      holderNationality: 'TLS',
      holderDocumentNumber: 'TL0012345',
      holderDateOfBirth: '1996-02-14',
      title: 'Certificado II em Hotelaria',
      qualificationCode: null,
      nationalLevel: 'Certificado II',
      aqrfLevel: 2,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '5131', national: '5131', scheme: 'ISCO-08', title: 'Certificado II em Hotelaria' },
      issuer: { name: 'Instituto Nacional de Desenvolvimento de Mão-de-Obra (INDMO)', registrationNumber: null },
      issuedOn: '2024-05-30',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'válido',
      certificateLevel: 2,
      area: 'TURISMO E HOTELARIA',
      trainingCentre: 'Centro de Formação Profissional de Becora',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: Certificado I-IV read as AQRF levels 1-4/);
    // The Timorese identity card number is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('123456789');
  });

  it.each([
    ['Certificado I', 1],
    ['Certificado III', 3],
    ['Certificado IV', 4],
  ] as const)('reads %s as level %i and indicative AQRF level %i', (nivel, level) => {
    expect(indmoToContract({ ...EXAMPLE, nivel }, offline)).toMatchObject({ nationalLevel: nivel, certificateLevel: level, aqrfLevel: level, aqrfBasis: 'INDICATIVE' });
  });

  it('reads revogado as REVOKED and keeps the native word; certificates never expire', () => {
    expect(indmoToContract({ ...EXAMPLE, estado: 'revogado' }, offline)).toMatchObject({ status: 'REVOKED', nativeStatus: 'revogado', validUntil: null });
  });

  it.each([
    ['Timor-Leste', 'TLS'], ['Indonésia', 'IDN'], ['Filipinas', 'PHL'], ['China', 'CHN'], ['Austrália', 'AUS'],
    ['Portugal', 'PRT'], ['Malásia', 'MYS'], ['Singapura', 'SGP'], ['Tailândia', 'THA'], ['Vietname', 'VNM'],
    ['Índia', 'IND'], ['Coreia do Sul', 'KOR'], ['Japão', 'JPN'], ['Brasil', 'BRA'], ['Bangladeche', 'BGD'],
  ] as const)('reads the Portuguese country name %s as %s', (nacionalidade, iso) => {
    expect(indmoToContract({ ...EXAMPLE, nacionalidade, bi: null }, offline).holderNationality).toBe(iso);
  });

  it('compares accented Portuguese in NFC, keeping the native text as sent', () => {
    const decomposed = indmoToContract({ ...EXAMPLE, nacionalidade: 'Indone\u0301sia', estado: 'va\u0301lido', bi: null }, offline);
    expect(decomposed).toMatchObject({ holderNationality: 'IDN', status: 'VALID', nativeStatus: 'va\u0301lido' });
  });

  it('keeps a citizen without a passport', () => {
    expect(indmoToContract({ ...EXAMPLE, passaporte: null }, offline)).toMatchObject({ holderDocumentNumber: null, holderNationality: 'TLS' });
    expect(indmoToContract({ ...EXAMPLE, passaporte: 'tl-001 2345' }, offline).holderDocumentNumber).toBe('TL0012345');
  });

  it('refuses what the specification does not allow', () => {
    expect(() => indmoToContract({ ...EXAMPLE, estado: 'Válido' }, offline)).toThrow(/certificate INDMO-CII-2024-0345: unknown estado "Válido" \(expected one of válido, revogado\)/);
    expect(() => indmoToContract({ ...EXAMPLE, estado: 'expirado' }, offline)).toThrow(/unknown estado "expirado"/);
    expect(() => indmoToContract({ ...EXAMPLE, nivel: 'Certificado V' }, offline)).toThrow(/unknown nivel "Certificado V" \(expected one of Certificado I, Certificado II, Certificado III, Certificado IV\)/);
    expect(() => indmoToContract({ ...EXAMPLE, nacionalidade: 'Timorense' }, offline)).toThrow(/unknown nacionalidade "Timorense"/);
    expect(() => indmoToContract({ ...EXAMPLE, nacionalidade: 'TLS' }, offline)).toThrow(protocolError);
    expect(() => indmoToContract({ ...EXAMPLE, dataEmissao: '2024-05-30' }, offline)).toThrow(/dataEmissao: expected a date as DD\/MM\/YYYY, got "2024-05-30"/);
    expect(() => indmoToContract({ ...EXAMPLE, dataNascimento: '31/02/1996' }, offline)).toThrow(/dataNascimento: expected a date as DD\/MM\/YYYY/);
    expect(() => indmoToContract({ ...EXAMPLE, codigoISCO: '513' }, offline)).toThrow(protocolError);
  });

  it('recognises certificate numbers in the published shape only', () => {
    const adapter = indmoAdapter(offline);
    expect(adapter.isNativeId('INDMO-CII-2024-0345')).toBe(true);
    expect(adapter.isNativeId('INDMO-CIV-2021-0001')).toBe(true);
    expect(adapter.isNativeId('INDMO-CV-2024-0345')).toBe(false);
    expect(adapter.isNativeId('INDMO-CII-2024-345')).toBe(false);
    expect(adapter.isNativeId('SEFOPE/AT/2025/0099')).toBe(false);
  });

  it('takes exactly one certificate number per call, having no batch endpoint', async () => {
    expect(indmoAdapter(offline).batchLimit).toBeNull();
    await expect(indmoAdapter(offline).fetchByIds(['INDMO-CI-2024-0001', 'INDMO-CI-2024-0002'])).rejects.toThrow('INDMO has no batch endpoint: fetchByIds takes exactly one certificate number, got 2');
  });

  it('finds nobody, without a call, for a nationality the specification gives no Portuguese name for', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if a call were made.
    expect(await indmoAdapter(offline).findByHolder({ nationality: 'NPL', documentNumber: '12345678', dateOfBirth: null })).toEqual([]);
  });
});

describe('indmoAdapter against a registry that breaks its specification', () => {
  let server: Server;
  let status = 200;
  let answer = '';
  let url = '';
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(answer));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const reply = (code: number, body: unknown) => {
    status = code;
    answer = typeof body === 'string' ? body : JSON.stringify(body);
  };

  it('accepts the 404 body with decomposed accents as not found, and refuses any other 404', async () => {
    reply(404, { erro: 'Certificado na\u0303o encontrado' });
    expect((await indmoAdapter(clientFor(url)).fetchByIds(['INDMO-CII-2024-0345'])).size).toBe(0);
    reply(404, { erro: 'Autorização não encontrada' });
    await expect(indmoAdapter(clientFor(url)).fetchByIds(['INDMO-CII-2024-0345'])).rejects.toThrow(/answered 404 without \{"erro":"Certificado não encontrado"\}/);
  });

  it('refuses a record for another number than the one asked', async () => {
    reply(200, EXAMPLE);
    await expect(indmoAdapter(clientFor(url)).fetchByIds(['INDMO-CI-2024-0001'])).rejects.toThrow(/asked for INDMO-CI-2024-0001 and answered certificate "INDMO-CII-2024-0345"/);
  });

  it('refuses answers of the wrong shape', async () => {
    reply(200, [EXAMPLE]);
    await expect(indmoAdapter(clientFor(url)).fetchByIds(['INDMO-CII-2024-0345'])).rejects.toThrow(/answered 200 with something that is not a record/);
    reply(200, { certificados: [EXAMPLE] });
    await expect(indmoAdapter(clientFor(url)).findByHolder({ nationality: 'TLS', documentNumber: 'TL0012345', dateOfBirth: null })).rejects.toThrow(/answered 200 without a resultados list/);
    reply(200, 'não é JSON');
    await expect(indmoAdapter(clientFor(url)).findByHolder({ nationality: 'TLS', documentNumber: 'TL0012345', dateOfBirth: null })).rejects.toThrow(/with a body that is not JSON/);
  });

  it('turns a 400 into a protocol error that keeps the registry\'s words', async () => {
    reply(400, { erro: 'indique passaporte e nacionalidade, ou bi' });
    const search = indmoAdapter(clientFor(url)).findByHolder({ nationality: 'TLS', documentNumber: 'TL0012345', dateOfBirth: null });
    await expect(search).rejects.toThrow(/GET \/indmo\/certificados\?passaporte answered 400: .*indique passaporte e nacionalidade/);
    await expect(indmoAdapter(clientFor(url)).fetchByIds(['INDMO-CII-2024-0345'])).rejects.toThrow(protocolError);
  });
});

describe('indmoAdapter against the simulated INDMO', () => {
  let sim: RunningSimulator;
  let client: RegistryClient;
  const stats = async () => (await (await fetch(`${sim.url}/__sim/stats`)).json()) as { routes: Record<string, number> };
  const resetStats = () => fetch(`${sim.url}/__sim/stats/reset`, { method: 'POST' });
  const configure = (config: object) => fetch(`${sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify(config) });
  const natives = () => sim.store.all() as IndmoRecord[];

  beforeAll(async () => {
    sim = await startSimulator(indmoSimulator, { port: 0, config: { latencyMs: [0, 0], faultRate: 0, hangRate: 0, ratePerSecond: 1000 } });
    client = new RegistryClient({ country: 'TLS', registry: 'indmo', baseUrl: sim.url, timeoutMs: 2000, maxConcurrency: 4, ratePerSecond: 1000 });
  });
  afterAll(() => sim.close());

  it('fetches one certificate per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await indmoAdapter(client).fetchByIds([native.numeroCertificado]);
    expect(found.get(native.numeroCertificado)).toMatchObject({ holderName: native.nomeCompleto, holderDocumentNumber: native.passaporte, nationalLevel: native.nivel, nativeStatus: native.estado, area: native.area, validUntil: null });
    expect((await indmoAdapter(client).fetchByIds(['INDMO-CI-2099-9999'])).size).toBe(0);
  });

  it('makes one call per certificate through the kit', async () => {
    await resetStats();
    const numbers = natives().slice(0, 5).map((r) => r.numeroCertificado);
    const loaded = await adapterSource('TLS', indmoAdapter(client)).loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await stats()).routes['GET /indmo/certificados/{numeroCertificado}']).toBe(5);
  });

  it('round-trips every generated certificate', async () => {
    const numbers = natives().map((r) => r.numeroCertificado);
    const loaded = await adapterSource('TLS', indmoAdapter(client)).loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a holder by passport and Portuguese nationality name, and nobody under another nationality', async () => {
    const holder = natives().find((r) => r.passaporte !== null)!;
    const found = await indmoAdapter(client).findByHolder({ nationality: 'TLS', documentNumber: holder.passaporte!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.numeroCertificado);
    expect(found.every((r) => r.holderDocumentNumber === holder.passaporte && r.holderNationality === 'TLS')).toBe(true);
    expect(await indmoAdapter(client).findByHolder({ nationality: 'IDN', documentNumber: holder.passaporte!, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not INDMO\'s', async () => {
    await expect(indmoAdapter(clientFor(`${sim.url}/elsewhere/`)).fetchByIds([natives()[0].numeroCertificado])).rejects.toThrow(/answered 404 without \{"erro":"Certificado não encontrado"\}/);
  });

  it('fails with REGISTRY_RATE_LIMITED when INDMO answers 429 and Retry-After does not fit the budget', async () => {
    await configure({ ratePerSecond: 1 });
    try {
      const slowClient = clientFor(sim.url, 500);
      const outcomes = await Promise.allSettled([0, 1, 2].map(() => indmoAdapter(slowClient).fetchByIds([natives()[0].numeroCertificado])));
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected?.reason).toMatchObject({ extensions: { code: 'REGISTRY_RATE_LIMITED', country: 'TLS', registry: 'indmo', retryAfterSeconds: 1 } });
    } finally {
      await configure({ ratePerSecond: 1000 });
    }
  });

  it('fails with REGISTRY_UNAVAILABLE when INDMO answers 503 twice', async () => {
    await configure({ faultRate: 1 });
    try {
      await resetStats();
      await expect(indmoAdapter(client).fetchByIds([natives()[0].numeroCertificado])).rejects.toMatchObject({ extensions: { code: 'REGISTRY_UNAVAILABLE', country: 'TLS', registry: 'indmo', reason: 'http-503' } });
      expect((await stats()).routes['GET /indmo/certificados/{numeroCertificado}']).toBe(2);
    } finally {
      await configure({ faultRate: 0 });
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await fetch(`${sim.url}/__sim/records`, { method: 'POST', body: JSON.stringify([{ ...EXAMPLE, numeroCertificado: 'INDMO-CII-2024-9998', dataNascimento: '1996-02-14' }]) });
    await expect(indmoAdapter(client).fetchByIds(['INDMO-CII-2024-9998'])).rejects.toThrow(/certificate INDMO-CII-2024-9998: dataNascimento: expected a date as DD\/MM\/YYYY/);
  });
});
