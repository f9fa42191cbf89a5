import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { bdnacSimulator } from './bdnac.simulator.js';
import type { BdnacRecord } from '../bdnac.native.js';

// The shape of the specification's one example, `BDQF-3-2024-000233`, which the simulator follows.
const BDNAC_CERT_NO = /^BDQF-[1-8]-\d{4}-\d{6}$/;

describe('BDNAC records from the synthetic population', () => {
  const population = defaultPopulation();
  const holdings = holdingsIn(population, 'BRN', 'CERT');
  // The population's records come first; a seeded sample of the whole specified space follows them.
  const records = bdnacSimulator.records(population).slice(0, holdings.length);

  it('writes every certificate held in Brunei with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ noPasport: person.passportNo, nama: person.fullName.toUpperCase(), warganegara: person.nationality, tarikhLahir: person.dateOfBirth, kodISCO: holding.occupation.isco, tahapBDQF: holding.level, tarikhKeluar: holding.issuedOn });
      expect(record.noSijil).toBe(`BDQF-${holding.level}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`);
      expect(record.noSijil).toMatch(BDNAC_CERT_NO);
      expect(record.status).toBe(holding.status === 'SUSPENDED' || holding.status === 'REVOKED' ? 'BATAL' : 'SAH');
    });
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['SAH', 'BATAL']));
  });

  it('gives citizens a yellow card and foreigners a green one with their passport, one card per person', () => {
    const icByName = new Map<string, string>();
    for (const record of records) {
      expect(record.noIC).toMatch(/^\d{2}-\d{6}$/);
      if (record.warganegara === 'BRN') expect(record.warnaIC).toBe('KUNING');
      else expect(record).toMatchObject({ warnaIC: 'HIJAU', noPasport: expect.any(String) });
      const key = `${record.nama}|${record.tarikhLahir}`;
      expect(icByName.get(key) ?? record.noIC).toBe(record.noIC);
      icByName.set(key, record.noIC);
    }
    expect(records.some((r) => r.warganegara === 'BRN' && r.noPasport === null)).toBe(true);
    expect(records.some((r) => r.warganegara !== 'BRN')).toBe(true);
  });
});

describe('the simulated BDNAC API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const batch = async (noSijil: unknown) => {
    const response = await fetch(`${sim.url}/bdnac/api/sijil/kelompok`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ noSijil }) });
    return { status: response.status, body: (await response.json()) as { rekod?: BdnacRecord[]; mesej?: string } };
  };
  const all = () => sim.simulator.store.all() as BdnacRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(bdnacSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"mesej":"Tiada rekod"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/bdnac/api/sijil/${native.noSijil}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/bdnac/api/sijil/BDQF-1-2099-999999')).toEqual({ status: 404, retryAfter: null, body: { mesej: 'Tiada rekod' } });
  });

  it('answers a batch of fifty, leaving unknown numbers out, and refuses fifty-one', async () => {
    const numbers = all().slice(0, 49).map((r) => r.noSijil);
    const fifty = await batch([...numbers, 'BDQF-1-2099-999999']);
    expect(fifty.status).toBe(200);
    expect(fifty.body.rekod!.map((r) => r.noSijil)).toEqual(numbers);
    expect(await batch([...numbers, 'BDQF-1-2099-999998', 'BDQF-1-2099-999999'])).toEqual({ status: 400, body: { mesej: 'noSijil: paling banyak 50 nombor setiap permintaan' } });
    expect((await batch('BDQF-3-2024-000233')).status).toBe(400);
  });

  it('finds certificates by passport and nationality or by IC, and wants one of them', async () => {
    const foreign = all().find((r) => r.warganegara !== 'BRN')!;
    const messy = `${foreign.noPasport!.slice(0, 2).toLowerCase()} ${foreign.noPasport!.slice(2)}`;
    const byPassport = await get(`/bdnac/api/sijil?noPasport=${encodeURIComponent(messy)}&warganegara=${foreign.warganegara}`);
    expect((byPassport.body.rekod as BdnacRecord[]).map((r) => r.noSijil)).toContain(foreign.noSijil);
    const elsewhere = await get(`/bdnac/api/sijil?noPasport=${foreign.noPasport}&warganegara=${foreign.warganegara === 'PHL' ? 'IDN' : 'PHL'}`);
    expect(elsewhere).toMatchObject({ status: 200, body: { rekod: [] } });

    const citizen = all().find((r) => r.noPasport === null)!;
    const byIc = await get(`/bdnac/api/sijil?noIC=${citizen.noIC}`);
    expect((byIc.body.rekod as BdnacRecord[]).every((r) => r.noIC === citizen.noIC)).toBe(true);
    expect((byIc.body.rekod as BdnacRecord[]).map((r) => r.noSijil)).toContain(citizen.noSijil);

    expect(await get(`/bdnac/api/sijil?noPasport=${foreign.noPasport}`)).toEqual({ status: 400, retryAfter: null, body: { mesej: 'berikan noPasport dan warganegara (ISO alpha-3), atau noIC' } });
  });

  it('pages its search up to a hundred at a time, filtered by level, field, status and ISO issue dates', async () => {
    const page2 = await get('/bdnac/api/sijil/carian?halaman=2&saiz=20');
    expect(page2.status).toBe(200);
    expect(page2.body.jumlah).toBe(all().length);
    expect((page2.body.rekod as BdnacRecord[]).map((r) => r.noSijil)).toEqual(all().slice(20, 40).map((r) => r.noSijil));
    expect((await get('/bdnac/api/sijil/carian')).body.rekod).toHaveLength(Math.min(50, all().length));
    expect(await get('/bdnac/api/sijil/carian?saiz=101')).toMatchObject({ status: 400, body: { mesej: 'halaman mesti ≥ 1 dan saiz antara 1 dan 100' } });
    expect((await get('/bdnac/api/sijil/carian?dari=20-01-2024')).status).toBe(400);

    const filtered = await get('/bdnac/api/sijil/carian?tahap=3&bidang=KEJURUTERAAN&status=SAH&dari=2023-01-01&hingga=2025-12-31&saiz=100');
    const expected = all().filter((r) => r.tahapBDQF === 3 && r.bidang === 'KEJURUTERAAN' && r.status === 'SAH' && r.tarikhKeluar >= '2023-01-01' && r.tarikhKeluar <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.jumlah).toBe(expected.length);
    expect((filtered.body.rekod as BdnacRecord[]).map((r) => r.noSijil)).toEqual(expected.map((r) => r.noSijil));
  });

  it('answers 429 {"mesej":"Had permintaan"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/bdnac/api/sijil/${all()[0].noSijil}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { mesej: 'Had permintaan' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
