import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { sefopeSimulator } from './sefope.simulator.js';
import { portugueseNameOf } from '../countryNames.js';
import type { SefopeRecord } from '../sefope.native.js';

describe('SEFOPE records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = sefopeSimulator.records(population);
  const holdings = holdingsIn(population, 'TLS', 'PERMIT');

  it('writes every authorisation held in Timor-Leste with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    const estado = { PENDING: 'pendente', ACTIVE: 'ativa', EXPIRED: 'caducada', CANCELLED: 'cancelada', REVOKED: 'cancelada' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        passaporte: person.passportNo,
        nome: person.fullName.toUpperCase(),
        nacionalidade: portugueseNameOf(person.nationality),
        dataNascimento: formatNativeDate(person.dateOfBirth, 'DD/MM/YYYY'),
        codigoISCO: holding.occupation.isco,
        funcao: holding.occupation.pt,
        estado: estado[holding.status],
      });
      // Only a pending authorisation may go without its dates.
      if (record.dataInicio !== undefined) expect(record).toMatchObject({ dataInicio: formatNativeDate(holding.validFrom, 'DD/MM/YYYY'), dataFim: formatNativeDate(holding.validUntil, 'DD/MM/YYYY') });
      else expect(record.estado).toBe('pendente');
      expect(record.numero).toBe(`SEFOPE/AT/${holding.validFrom.slice(0, 4)}/${String(holding.seq).padStart(4, '0')}`);
      expect(record.nacionalidade).not.toBe('Timor-Leste');
    });
    expect(new Set(records.map((r) => r.estado))).toEqual(new Set(['pendente', 'ativa', 'caducada', 'cancelada']));
  });
});

describe('the simulated SEFOPE API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as SefopeRecord[];
  const numbers = (body: Record<string, unknown>) => (body.resultados as SefopeRecord[]).map((r) => r.numero);

  beforeAll(async () => {
    sim = await startTestSimulator(sefopeSimulator);
  });
  afterAll(() => sim.close());

  it('answers one authorisation at its documented URL (the number\'s slashes as path separators), and 404 {"erro":"Autorização não encontrada"} for an unknown one', async () => {
    const native = all()[2];
    expect(await get(`/sefope/autorizacoes/${native.numero}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/sefope/autorizacoes/SEFOPE/AT/2099/9999')).toEqual({ status: 404, retryAfter: null, body: { erro: 'Autorização não encontrada' } });
    // A client that percent-encodes the slashes names the same number.
    expect(await get(`/sefope/autorizacoes/${encodeURIComponent(native.numero)}`)).toMatchObject({ status: 200, body: native });
  });

  it('finds authorisations by passport and Portuguese nationality name, and wants both', async () => {
    const native = all()[0];
    const found = await get(`/sefope/autorizacoes?passaporte=${native.passaporte.toLowerCase()}&nacionalidade=${encodeURIComponent(native.nacionalidade.normalize('NFD'))}`);
    expect(numbers(found.body)).toContain(native.numero);
    expect((await get(`/sefope/autorizacoes?passaporte=${native.passaporte}&nacionalidade=Brasil`)).body).toEqual({ resultados: [] });
    expect(await get(`/sefope/autorizacoes?passaporte=${native.passaporte}`)).toEqual({ status: 400, retryAfter: null, body: { erro: 'indique passaporte e nacionalidade' } });
  });

  it('pages its search up to fifty at a time, filtered by estado, sector, nacionalidade and DD/MM/YYYY start dates', async () => {
    const page2 = await get('/sefope/autorizacoes/pesquisa?pagina=2&tamanho=10');
    expect(page2.status).toBe(200);
    expect(page2.body.total).toBe(all().length);
    expect(numbers(page2.body)).toEqual(all().slice(10, 20).map((r) => r.numero));
    expect((await get('/sefope/autorizacoes/pesquisa?tamanho=50')).status).toBe(200);
    expect(await get('/sefope/autorizacoes/pesquisa?tamanho=51')).toEqual({ status: 400, retryAfter: null, body: { erro: 'tamanho deve estar entre 1 e 50' } });
    expect((await get('/sefope/autorizacoes/pesquisa?ate=31-12-2025')).status).toBe(400);

    const iso = (date: string) => date.split('/').reverse().join('-');
    const filtered = await get(`/sefope/autorizacoes/pesquisa?estado=ativa&nacionalidade=${encodeURIComponent('Indonésia')}&de=01/01/2025`);
    const expected = all().filter((r) => r.estado === 'ativa' && r.nacionalidade === 'Indonésia' && r.dataInicio != null && iso(r.dataInicio) >= '2025-01-01');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.total).toBe(expected.length);
    expect(numbers(filtered.body)).toEqual(expected.map((r) => r.numero));

    const bySector = await get(`/sefope/autorizacoes/pesquisa?sector=${encodeURIComponent('CONSTRUÇÃO')}`);
    expect(bySector.body.total).toBe(all().filter((r) => r.sector === 'CONSTRUÇÃO').length);
    expect(bySector.body.total).toBeGreaterThan(0);
  });

  it('answers 429 {"erro":"Demasiados pedidos"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/sefope/autorizacoes/${encodeURIComponent(all()[0].numero)}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { erro: 'Demasiados pedidos' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
