import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { isAlpha3 } from '../../../schema/countries/index.js';
import { indmoSimulator } from './indmo.simulator.js';
import { ISO_BY_PORTUGUESE_NAME, portugueseNameOf } from '../countryNames.js';
import type { IndmoRecord } from '../indmo.native.js';

describe('the Portuguese country names', () => {
  it('are NFC and name ISO alpha-3 countries, one name each', () => {
    const entries = Object.entries(ISO_BY_PORTUGUESE_NAME);
    expect(entries).toHaveLength(15);
    for (const [name, iso] of entries) {
      expect(name).toBe(name.normalize('NFC'));
      expect(isAlpha3(iso)).toBe(true);
      expect(portugueseNameOf(iso)).toBe(name);
    }
  });
});

describe('INDMO records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = indmoSimulator.records(population);
  const holdings = holdingsIn(population, 'TLS', 'CERT');

  it('writes every certificate held in Timor-Leste with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        passaporte: person.passportNo,
        nomeCompleto: person.fullName,
        nacionalidade: portugueseNameOf(person.nationality),
        dataNascimento: formatNativeDate(person.dateOfBirth, 'DD/MM/YYYY'),
        dataEmissao: formatNativeDate(holding.issuedOn, 'DD/MM/YYYY'),
        codigoISCO: holding.occupation.isco,
        nivel: ['Certificado I', 'Certificado II', 'Certificado III', 'Certificado IV'][holding.level - 1],
      });
      expect(record.numeroCertificado).toMatch(new RegExp(`^INDMO-C[IV]+-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(4, '0')}$`));
      expect(record.numeroCertificado.split('-')[1]).toBe(`C${record.nivel.slice('Certificado '.length)}`);
    });
    expect(new Set(records.map((r) => r.nivel)).size).toBe(4);
  });

  it('never lets a certificate expire: válido unless the holding was suspended or revoked', () => {
    records.forEach((record, i) => {
      const withdrawn = holdings[i].holding.status === 'SUSPENDED' || holdings[i].holding.status === 'REVOKED';
      expect(record.estado).toBe(withdrawn ? 'revogado' : 'válido');
    });
    expect(new Set(records.map((r) => r.estado))).toEqual(new Set(['válido', 'revogado']));
  });

  it('gives each citizen one identity card number, foreigners none, and keeps citizens without a passport', () => {
    const biByPerson = new Map<number, string>();
    records.forEach((record, i) => {
      const { person } = holdings[i];
      if (person.nationality !== 'TLS') {
        expect(record.bi).toBeNull();
        return;
      }
      expect(record.bi).toMatch(/^\d{9}$/);
      expect(biByPerson.get(person.pid) ?? record.bi).toBe(record.bi);
      biByPerson.set(person.pid, record.bi!);
    });
    expect(records.some((r) => r.passaporte === null)).toBe(true);
    expect(records.some((r) => r.nacionalidade !== 'Timor-Leste')).toBe(true);
  });
});

describe('the simulated INDMO API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as IndmoRecord[];
  const numbers = (body: Record<string, unknown>) => (body.resultados as IndmoRecord[]).map((r) => r.numeroCertificado);

  beforeAll(async () => {
    sim = await startTestSimulator(indmoSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"erro":"Certificado não encontrado"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/indmo/certificados/${native.numeroCertificado}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/indmo/certificados/INDMO-CI-2099-9999')).toEqual({ status: 404, retryAfter: null, body: { erro: 'Certificado não encontrado' } });
  });

  it('finds certificates by passport and Portuguese nationality name, or by identity card, and wants one of them', async () => {
    const native = all().find((r) => r.passaporte !== null && r.bi !== null)!;
    const messy = `${native.passaporte!.slice(0, 2).toLowerCase()} ${native.passaporte!.slice(2)}`;
    const byPassport = await get(`/indmo/certificados?passaporte=${encodeURIComponent(messy)}&nacionalidade=${encodeURIComponent('Timor-Leste')}`);
    expect(numbers(byPassport.body)).toContain(native.numeroCertificado);
    expect((await get(`/indmo/certificados?passaporte=${native.passaporte}&nacionalidade=TLS`)).body).toEqual({ resultados: [] });
    const byBi = await get(`/indmo/certificados?bi=${native.bi}`);
    expect((byBi.body.resultados as IndmoRecord[]).every((r) => r.bi === native.bi)).toBe(true);
    expect(numbers(byBi.body)).toContain(native.numeroCertificado);
    const refusal = { status: 400, retryAfter: null, body: { erro: 'indique passaporte e nacionalidade, ou bi' } };
    expect(await get(`/indmo/certificados?passaporte=${native.passaporte}`)).toEqual(refusal);
    expect(await get('/indmo/certificados?bi=12345')).toEqual(refusal);
  });

  it('matches a decomposed nationality name as the composed one', async () => {
    const foreign = all().find((r) => r.nacionalidade === 'Indonésia' && r.passaporte !== null)!;
    expect(foreign).toBeDefined();
    const found = await get(`/indmo/certificados?passaporte=${foreign.passaporte}&nacionalidade=${encodeURIComponent('Indone\u0301sia')}`);
    expect(numbers(found.body)).toContain(foreign.numeroCertificado);
  });

  it('pages its search up to fifty at a time, filtered by nivel, area, estado and DD/MM/YYYY issue dates', async () => {
    const page2 = await get('/indmo/certificados/pesquisa?pagina=2&tamanho=10');
    expect(page2.status).toBe(200);
    expect(page2.body.total).toBe(all().length);
    expect(numbers(page2.body)).toEqual(all().slice(10, 20).map((r) => r.numeroCertificado));
    expect(((await get('/indmo/certificados/pesquisa')).body.resultados as IndmoRecord[]).length).toBe(Math.min(50, all().length));
    expect(await get('/indmo/certificados/pesquisa?tamanho=51')).toEqual({ status: 400, retryAfter: null, body: { erro: 'tamanho deve estar entre 1 e 50' } });
    expect((await get('/indmo/certificados/pesquisa?pagina=0')).status).toBe(400);
    expect(await get('/indmo/certificados/pesquisa?de=2024-01-01')).toEqual({ status: 400, retryAfter: null, body: { erro: 'de e ate devem ser datas DD/MM/AAAA' } });

    const iso = (date: string) => date.split('/').reverse().join('-');
    const filtered = await get(`/indmo/certificados/pesquisa?nivel=${encodeURIComponent('Certificado II')}&estado=${encodeURIComponent('va\u0301lido')}&de=01/01/2023&ate=31/12/2026`);
    const expected = all().filter((r) => r.nivel === 'Certificado II' && r.estado === 'válido' && iso(r.dataEmissao) >= '2023-01-01' && iso(r.dataEmissao) <= '2026-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.total).toBe(expected.length);
    expect(numbers(filtered.body)).toEqual(expected.map((r) => r.numeroCertificado));

    const area = all()[0].area;
    const byArea = await get(`/indmo/certificados/pesquisa?area=${encodeURIComponent(area)}`);
    expect(byArea.body.total).toBe(all().filter((r) => r.area === area).length);
  });

  it('answers 429 {"erro":"Demasiados pedidos"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/indmo/certificados/${all()[0].numeroCertificado}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { erro: 'Demasiados pedidos' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
