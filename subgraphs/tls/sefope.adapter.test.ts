import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { expectOnlyTheUnreadableLost, numbersOfEveryPage } from '../../sandbox/testing/recordChecks.js';
import { sefopeAdapter } from './sefope.adapter.js';
import { sefopeSimulator } from './sandbox/sefope.simulator.js';
import type { SefopeRecord } from './sefope.native.js';

// The example record of subgraphs/tls/README.md, exactly as SEFOPE sends it.
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

const { connect, read, unreadable, protocolError, registryError } = registryTestKit('TLS', 'sefope');
const sefopeToContract = (native: SefopeRecord) => read(sefopeAdapter, native);

describe('reading SEFOPE records', () => {
  it('normalises the published example', () => {
    const record = sefopeToContract(EXAMPLE);
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
    expect(sefopeToContract({ ...EXAMPLE, estado })).toMatchObject({ status, nativeStatus: estado });
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
    expect(sefopeToContract({ ...EXAMPLE, codigoISCO })).toMatchObject({ permitClass, nativeType: 'Autorização de Trabalho' });
  });

  it('compares accented Portuguese in NFC, keeping the native text as sent', () => {
    expect(sefopeToContract({ ...EXAMPLE, nacionalidade: 'Austra\u0301lia' }).holderNationality).toBe('AUS');
    expect(sefopeToContract({ ...EXAMPLE, nacionalidade: 'Indonésia', passaporte: 'c 185-0203' })).toMatchObject({ holderNationality: 'IDN', holderDocumentNumber: 'C1850203' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => sefopeToContract({ ...EXAMPLE, estado: 'revogada' })).toThrow(/authorisation SEFOPE\/AT\/2025\/0099: unknown estado "revogada" \(expected one of pendente, ativa, caducada, cancelada\)/);
    expect(() => sefopeToContract({ ...EXAMPLE, estado: 'Ativa' })).toThrow(/unknown estado "Ativa"/);
    expect(() => sefopeToContract({ ...EXAMPLE, nacionalidade: 'Portuguesa' })).toThrow(/unknown nacionalidade "Portuguesa"/);
    expect(() => sefopeToContract({ ...EXAMPLE, nacionalidade: 'PRT' })).toThrow(unreadable(EXAMPLE.numero));
    expect(() => sefopeToContract({ ...EXAMPLE, dataFim: '2026-02-28' })).toThrow(/dataFim: expected a date as DD\/MM\/YYYY, got "2026-02-28"/);
    expect(() => sefopeToContract({ ...EXAMPLE, dataInicio: '02/30/2025' })).toThrow(/dataInicio: expected a date as DD\/MM\/YYYY/);
    expect(() => sefopeToContract({ ...EXAMPLE, codigoISCO: 'ENG' })).toThrow(unreadable(EXAMPLE.numero));
  });

  it('reads a pending authorisation without dates, and an ISCO code above the unit group', () => {
    expect(sefopeToContract({ ...EXAMPLE, estado: 'pendente', dataInicio: null, dataFim: undefined })).toMatchObject({ status: 'PENDING', validFrom: null, validUntil: null });
    expect(sefopeToContract({ ...EXAMPLE, codigoISCO: '21' })).toMatchObject({ permitClass: 'PROFESSIONAL', occupation: { isco: null, national: '21' } });
  });

  it('takes one authorisation number per call, having no batch endpoint', () => {
    expect(connect(sefopeAdapter, 'http://127.0.0.1:9').source.idsPerCall).toBe(1);
  });

  it('asks about any nationality the data set names in Portuguese, and says so for one it cannot name', async () => {
    await expect(connect(sefopeAdapter, 'http://127.0.0.1:9').findByHolder({ nationality: 'XXA', documentNumber: '512345678', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXA' }));
  });
});

describe('sefopeAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(sefopeAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('sends the number as SEFOPE\'s documented URLs show it, its slashes as path separators', async () => {
    fake.reply(200, EXAMPLE);
    fake.asked.length = 0;
    expect((await adapter().fetchByIds(['SEFOPE/AT/2025/0099'])).get('SEFOPE/AT/2025/0099')).toMatchObject({ holderNationality: 'PRT' });
    expect(fake.asked).toEqual(['/sefope/autorizacoes/SEFOPE/AT/2025/0099']);
  });

  it('sends the Portuguese country name to the holder search', async () => {
    fake.reply(200, { resultados: [] });
    fake.asked.length = 0;
    await adapter().findByHolder({ nationality: 'PHL', documentNumber: 'P1234567A', dateOfBirth: null });
    await adapter().findByHolder({ nationality: 'AUS', documentNumber: 'N1234567', dateOfBirth: null });
    await adapter().findByHolder({ nationality: 'USA', documentNumber: '512345678', dateOfBirth: null });
    expect(fake.asked.map((p) => new URL(p, fake.url).searchParams.get('nacionalidade'))).toEqual(['Filipinas', 'Austrália', 'Estados Unidos']);
  });

  it('accepts its own 404 body as not found, and refuses any other 404', async () => {
    fake.reply(404, { erro: 'Autorização não encontrada' });
    expect((await adapter().fetchByIds(['SEFOPE/AT/2025/0099'])).size).toBe(0);
    fake.reply(404, { erro: 'Certificado não encontrado' });
    await expect(adapter().fetchByIds(['SEFOPE/AT/2025/0099'])).rejects.toThrow(/answered 404 without \{"erro":"Autorização não encontrada"\}/);
  });

  it('refuses a record for another number than the one asked', async () => {
    fake.reply(200, EXAMPLE);
    await expect(adapter().fetchByIds(['SEFOPE/AT/2025/0001'])).rejects.toThrow(/asked for SEFOPE\/AT\/2025\/0001 and answered authorisation "SEFOPE\/AT\/2025\/0099"/);
  });

  it('turns a 400 or a list of the wrong shape into a protocol error', async () => {
    fake.reply(400, { erro: 'indique passaporte e nacionalidade' });
    await expect(adapter().findByHolder({ nationality: 'PRT', documentNumber: 'CB123456', dateOfBirth: null })).rejects.toThrow(/GET \/sefope\/autorizacoes\?passaporte answered 400: .*indique passaporte e nacionalidade/);
    fake.reply(200, { resultados: EXAMPLE });
    await expect(adapter().findByHolder({ nationality: 'PRT', documentNumber: 'CB123456', dateOfBirth: null })).rejects.toThrow(protocolError);
  });
});

describe('sefopeAdapter against the simulated SEFOPE', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as SefopeRecord[];
  const adapter = () => connect(sefopeAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(sefopeSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one authorisation per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.numero]);
    expect(found.get(native.numero)).toMatchObject({ holderName: native.nome, holderDocumentNumber: native.passaporte, nativeStatus: native.estado, sector: native.sector });
    expect((await adapter().fetchByIds(['SEFOPE/AT/2099/9999'])).size).toBe(0);
  });

  it('makes one call per authorisation through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 5).map((r) => r.numero);
    const loaded = await adapter().loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await sim.stats()).routes['GET /sefope/autorizacoes/{numero}']).toBe(5);
  });

  it('round-trips every generated authorisation', async () => {
    const numbers = natives().map((r) => r.numero);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a foreign worker by passport and nationality, and nobody under another nationality', async () => {
    const native = natives().find((r) => r.nacionalidade === 'Indonésia')!;
    const found = await adapter().findByHolder({ nationality: 'IDN', documentNumber: native.passaporte, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.numero);
    expect(found.every((r) => r.holderNationality === 'IDN')).toBe(true);
    expect(await adapter().findByHolder({ nationality: 'PHL', documentNumber: native.passaporte, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not SEFOPE\'s', async () => {
    await expect(connect(sefopeAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].numero])).rejects.toThrow(/answered 404 without \{"erro":"Autorização não encontrada"\}/);
  });

  it('loses only the unreadable record of a look-up by numbers, naming it', async () => {
    await sim.upsert([{ ...EXAMPLE, numero: 'SEFOPE/AT/2025/9997', estado: 'revogada' }]);
    const good = natives().slice(0, 2).map((r) => r.numero);
    await expectOnlyTheUnreadableLost(adapter(), [good[0], 'SEFOPE/AT/2025/9997', good[1]], unreadable);
  });

  it('loses only the unreadable record of a holder\'s answer, naming it', async () => {
    const native = natives().find((r) => r.nacionalidade === 'Indonésia')!;
    await sim.upsert([{ ...native, numero: 'SEFOPE/AT/2025/9996', dataFim: '2026-02-28' }]);
    const answer = await adapter().source.findByHolder({ nationality: 'IDN', documentNumber: native.passaporte, dateOfBirth: null });
    expect(answer.records.map((r) => r.nativeId)).toContain(native.numero);
    expect(answer.unreadable).toEqual([unreadable('SEFOPE/AT/2025/9996')]);
  });

  it('reads the whole registry page by page through its pesquisa, every record once', async () => {
    const seen = await numbersOfEveryPage(adapter().source);
    expect(seen.sort()).toEqual(natives().map((r) => r.numero).sort());
  });
});

describeRegistryFaults({
  country: 'TLS',
  simulator: sefopeSimulator,
  adapter: sefopeAdapter,
  route: 'GET /sefope/autorizacoes/{numero}',
  call: (adapter, records) => adapter.fetchByIds([records[0].numero]),
});
