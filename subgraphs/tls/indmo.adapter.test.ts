import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { expectOnlyTheUnreadableLost, numbersOfEveryPage } from '../../sandbox/testing/recordChecks.js';
import { indmoAdapter } from './indmo.adapter.js';
import { indmoSimulator } from './sandbox/indmo.simulator.js';
import type { IndmoRecord } from './indmo.native.js';

// The example record of subgraphs/tls/README.md, exactly as INDMO sends it.
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

const { connect, read, unreadable, protocolError, registryError } = registryTestKit('TLS', 'indmo');
const indmoToContract = (native: IndmoRecord) => read(indmoAdapter, native);

describe('reading INDMO records', () => {
  it('normalises the published example', () => {
    const record = indmoToContract(EXAMPLE);
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
    expect(indmoToContract({ ...EXAMPLE, nivel })).toMatchObject({ nationalLevel: nivel, certificateLevel: level, aqrfLevel: level, aqrfBasis: 'INDICATIVE' });
  });

  it('reads revogado as REVOKED and keeps the native word; certificates never expire', () => {
    expect(indmoToContract({ ...EXAMPLE, estado: 'revogado' })).toMatchObject({ status: 'REVOKED', nativeStatus: 'revogado', validUntil: null });
  });

  it.each([
    ['Timor-Leste', 'TLS'], ['Indonésia', 'IDN'], ['Filipinas', 'PHL'], ['China', 'CHN'], ['Austrália', 'AUS'],
    ['Portugal', 'PRT'], ['Malásia', 'MYS'], ['Singapura', 'SGP'], ['Tailândia', 'THA'], ['Vietname', 'VNM'],
    ['Índia', 'IND'], ['Coreia do Sul', 'KOR'], ['Japão', 'JPN'], ['Brasil', 'BRA'], ['Bangladeche', 'BGD'],
  ] as const)('reads the Portuguese country name %s as %s', (nacionalidade, iso) => {
    expect(indmoToContract({ ...EXAMPLE, nacionalidade, bi: null }).holderNationality).toBe(iso);
  });

  it('compares accented Portuguese in NFC, keeping the native text as sent', () => {
    const decomposed = indmoToContract({ ...EXAMPLE, nacionalidade: 'Indone\u0301sia', estado: 'va\u0301lido', bi: null });
    expect(decomposed).toMatchObject({ holderNationality: 'IDN', status: 'VALID', nativeStatus: 'va\u0301lido' });
  });

  it('keeps a citizen without a passport', () => {
    expect(indmoToContract({ ...EXAMPLE, passaporte: null })).toMatchObject({ holderDocumentNumber: null, holderNationality: 'TLS' });
    expect(indmoToContract({ ...EXAMPLE, passaporte: 'tl-001 2345' }).holderDocumentNumber).toBe('TL0012345');
  });

  it('refuses what the specification does not allow', () => {
    expect(() => indmoToContract({ ...EXAMPLE, estado: 'Válido' })).toThrow(/certificate INDMO-CII-2024-0345: unknown estado "Válido" \(expected one of válido, revogado\)/);
    expect(() => indmoToContract({ ...EXAMPLE, estado: 'expirado' })).toThrow(/unknown estado "expirado"/);
    expect(() => indmoToContract({ ...EXAMPLE, nivel: 'Certificado V' })).toThrow(/unknown nivel "Certificado V" \(expected one of Certificado I, Certificado II, Certificado III, Certificado IV\)/);
    expect(() => indmoToContract({ ...EXAMPLE, nacionalidade: 'Timorense' })).toThrow(/unknown nacionalidade "Timorense"/);
    expect(() => indmoToContract({ ...EXAMPLE, nacionalidade: 'TLS' })).toThrow(unreadable(EXAMPLE.numeroCertificado));
    expect(() => indmoToContract({ ...EXAMPLE, dataEmissao: '2024-05-30' })).toThrow(/dataEmissao: expected a date as DD\/MM\/YYYY, got "2024-05-30"/);
    expect(() => indmoToContract({ ...EXAMPLE, dataNascimento: '31/02/1996' })).toThrow(/dataNascimento: expected a date as DD\/MM\/YYYY/);
    expect(() => indmoToContract({ ...EXAMPLE, codigoISCO: 'HOT1' })).toThrow(/codigoISCO: expected an ISCO-08 code of 1 to 4 digits/);
  });

  it('reads an ISCO code above the unit group as the national code only, and a foreign holder named by the data set', () => {
    expect(indmoToContract({ ...EXAMPLE, codigoISCO: '513' }).occupation).toEqual({ isco: null, national: '513', scheme: 'ISCO-08', title: 'Certificado II em Hotelaria' });
    expect(indmoToContract({ ...EXAMPLE, nacionalidade: 'Alemanha', bi: undefined, passaporte: undefined })).toMatchObject({ holderNationality: 'DEU', holderDocumentNumber: null });
  });

  it('takes one certificate number per call, having no batch endpoint', () => {
    expect(connect(indmoAdapter, 'http://127.0.0.1:9').source.idsPerCall).toBe(1);
  });

  it('says so, without a call, for a nationality it has no Portuguese name for', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if a call were made.
    await expect(connect(indmoAdapter, 'http://127.0.0.1:9').findByHolder({ nationality: 'XXA', documentNumber: '12345678', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXA' }));
  });
});

describe('indmoAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(indmoAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('accepts the 404 body with decomposed accents as not found, and refuses any other 404', async () => {
    fake.reply(404, { erro: 'Certificado na\u0303o encontrado' });
    expect((await adapter().fetchByIds(['INDMO-CII-2024-0345'])).size).toBe(0);
    fake.reply(404, { erro: 'Autorização não encontrada' });
    await expect(adapter().fetchByIds(['INDMO-CII-2024-0345'])).rejects.toThrow(/answered 404 without \{"erro":"Certificado não encontrado"\}/);
  });

  it('refuses a record for another number than the one asked', async () => {
    fake.reply(200, EXAMPLE);
    await expect(adapter().fetchByIds(['INDMO-CI-2024-0001'])).rejects.toThrow(/asked for INDMO-CI-2024-0001 and answered certificate "INDMO-CII-2024-0345"/);
  });

  it('refuses answers of the wrong shape', async () => {
    fake.reply(200, [EXAMPLE]);
    await expect(adapter().fetchByIds(['INDMO-CII-2024-0345'])).rejects.toThrow(/answered 200 with something that is not a record/);
    fake.reply(200, { certificados: [EXAMPLE] });
    await expect(adapter().findByHolder({ nationality: 'TLS', documentNumber: 'TL0012345', dateOfBirth: null })).rejects.toThrow(/answered 200 without a "resultados" list/);
    fake.reply(200, 'não é JSON');
    await expect(adapter().findByHolder({ nationality: 'TLS', documentNumber: 'TL0012345', dateOfBirth: null })).rejects.toThrow(/with a body that is not JSON/);
  });

  it('turns a 400 into a protocol error that keeps the registry\'s words', async () => {
    fake.reply(400, { erro: 'indique passaporte e nacionalidade, ou bi' });
    const search = adapter().findByHolder({ nationality: 'TLS', documentNumber: 'TL0012345', dateOfBirth: null });
    await expect(search).rejects.toThrow(/GET \/indmo\/certificados\?passaporte answered 400: .*indique passaporte e nacionalidade/);
    await expect(adapter().fetchByIds(['INDMO-CII-2024-0345'])).rejects.toThrow(protocolError);
  });
});

describe('indmoAdapter against the simulated INDMO', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as IndmoRecord[];
  const adapter = (timeoutMs = 2000) => connect(indmoAdapter, sim.url, timeoutMs);

  beforeAll(async () => {
    sim = await startTestSimulator(indmoSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one certificate per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.numeroCertificado]);
    expect(found.get(native.numeroCertificado)).toMatchObject({ holderName: native.nomeCompleto, holderDocumentNumber: native.passaporte, nationalLevel: native.nivel, nativeStatus: native.estado, area: native.area, validUntil: null });
    expect((await adapter().fetchByIds(['INDMO-CI-2099-9999'])).size).toBe(0);
  });

  it('makes one call per certificate through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 5).map((r) => r.numeroCertificado);
    const loaded = await adapter().loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await sim.stats()).routes['GET /indmo/certificados/{numeroCertificado}']).toBe(5);
  });

  it('round-trips every generated certificate', async () => {
    const numbers = natives().map((r) => r.numeroCertificado);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a holder by passport and Portuguese nationality name, and nobody under another nationality', async () => {
    const holder = natives().find((r) => typeof r.passaporte === 'string')!;
    const found = await adapter().findByHolder({ nationality: 'TLS', documentNumber: holder.passaporte!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.numeroCertificado);
    expect(found.every((r) => r.holderDocumentNumber === holder.passaporte && r.holderNationality === 'TLS')).toBe(true);
    expect(await adapter().findByHolder({ nationality: 'IDN', documentNumber: holder.passaporte!, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not INDMO\'s', async () => {
    await expect(connect(indmoAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].numeroCertificado])).rejects.toThrow(/answered 404 without \{"erro":"Certificado não encontrado"\}/);
  });

  // The shared suite below proves REGISTRY_RATE_LIMITED; this is what it leaves out: INDMO's Retry-After reaches the caller.
  it('reports INDMO\'s Retry-After when a 429 does not fit the budget', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const outcomes = await Promise.allSettled([0, 1, 2].map(() => adapter(500).fetchByIds([natives()[0].numeroCertificado])));
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected?.reason).toEqual(registryError('REGISTRY_RATE_LIMITED', { retryAfterSeconds: 1 }));
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, numeroCertificado: 'INDMO-CII-2024-9998', dataNascimento: '1996-02-14' }]);
    await expect(adapter().fetchByIds(['INDMO-CII-2024-9998'])).rejects.toThrow(/certificate INDMO-CII-2024-9998: dataNascimento: expected a date as DD\/MM\/YYYY/);
  });

  it('loses only the unreadable record of a look-up by numbers, naming it', async () => {
    await sim.upsert([{ ...EXAMPLE, numeroCertificado: 'INDMO-CII-2024-9997', estado: 'suspenso' }]);
    const good = natives().slice(0, 2).map((r) => r.numeroCertificado);
    await expectOnlyTheUnreadableLost(adapter(), [good[0], 'INDMO-CII-2024-9997', good[1]], unreadable);
  });

  it('loses only the unreadable record of a holder\'s answer, naming it', async () => {
    const holder = natives().find((r) => typeof r.passaporte === 'string' && r.nacionalidade === 'Timor-Leste')!;
    await sim.upsert([{ ...EXAMPLE, numeroCertificado: 'INDMO-CII-2024-9996', passaporte: holder.passaporte, nivel: 'Certificado V' }]);
    const answer = await adapter().source.findByHolder({ nationality: 'TLS', documentNumber: holder.passaporte!, dateOfBirth: null });
    expect(answer.records.map((r) => r.nativeId)).toContain(holder.numeroCertificado);
    expect(answer.unreadable).toEqual([unreadable('INDMO-CII-2024-9996')]);
  });

  it('reads the whole registry page by page through its pesquisa, every record once', async () => {
    const seen = await numbersOfEveryPage(adapter().source);
    expect(seen.sort()).toEqual(natives().map((r) => r.numeroCertificado).sort());
  });
});

describeRegistryFaults({
  country: 'TLS',
  simulator: indmoSimulator,
  adapter: indmoAdapter,
  route: 'GET /indmo/certificados/{numeroCertificado}',
  call: (adapter, records) => adapter.fetchByIds([records[0].numeroCertificado]),
});
