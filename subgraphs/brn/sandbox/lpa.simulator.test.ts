import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { normalizeDocumentNumber } from '../../../schema/ids/index.js';
import { licencesOf, lpaSimulator } from './lpa.simulator.js';
import { bdnacSimulator } from './bdnac.simulator.js';
import type { LpaLicence } from '../lpa.native.js';

// The shape of the specification's one example, `LPA/2025/0456`, which the simulator follows.
const LPA_LICENCE_NO = /^LPA\/\d{4}\/\d{4}$/;

describe('LPA licences from the synthetic population', () => {
  const population = defaultPopulation();
  // The population's licences only: a seeded sample of the whole specified space follows them in the simulator.
  const licences = licencesOf(population);
  const lines = licences.flatMap((l) => l.pekerja.map((w) => ({ licence: l, line: w })));

  it('lists every permit held in Brunei once, as a worker line with the holder\'s passport, name, nationality and birth date', () => {
    const holdings = holdingsIn(population, 'BRN', 'PERMIT');
    expect(lines).toHaveLength(holdings.length);
    const lineStatus = { PENDING: 'DIPROSES', ACTIVE: 'AKTIF', EXPIRED: 'TAMAT', CANCELLED: 'DIBATALKAN', REVOKED: 'DIBATALKAN' };
    for (const { person, holding } of holdings) {
      const matching = lines.filter(({ line }) => line.noPasport === person.passportNo && line.mula === holding.validFrom);
      expect(matching).toHaveLength(1);
      expect(matching[0].line).toMatchObject({ nama: person.fullName.toUpperCase(), warganegara: person.nationality, tarikhLahir: person.dateOfBirth, kodISCO: holding.occupation.isco, jawatan: holding.occupation.ms, tamat: holding.validUntil, status: lineStatus[holding.status] });
      expect(person.nationality).not.toBe('BRN');
    }
  });

  it('numbers licences per year and lines from 1, and keeps every line within its licence', () => {
    expect(new Set(licences.map((l) => l.noLesen)).size).toBe(licences.length);
    expect(licences.some((l) => l.pekerja.length > 1)).toBe(true);
    for (const licence of licences) {
      expect(licence.noLesen).toMatch(LPA_LICENCE_NO);
      expect(licence.noLesen.slice(4, 8)).toBe(licence.tarikhKeluar.slice(0, 4));
      expect(licence.pekerja.map((w) => w.baris)).toEqual(licence.pekerja.map((_, i) => i + 1));
      for (const line of licence.pekerja) {
        expect(line.mula > licence.tarikhKeluar && line.tamat <= licence.tarikhTamat).toBe(true);
        expect(line.noICHijau).toMatch(/^5[01]-\d{6}$/);
      }
    }
  });

  it('keeps a licence AKTIF while any line can run and TAMAT after its last line ends', () => {
    for (const licence of licences) {
      if (licence.statusLesen === 'TAMAT') expect(licence.tarikhTamat < SIMULATION_TODAY).toBe(true);
      if (licence.statusLesen === 'AKTIF') expect(licence.tarikhTamat >= SIMULATION_TODAY).toBe(true);
      // A licence that is not AKTIF makes its lines inactive: the simulator never shows an AKTIF line on one.
      if (licence.statusLesen !== 'AKTIF') expect(licence.pekerja.some((w) => w.status === 'AKTIF')).toBe(false);
    }
    expect(new Set(licences.map((l) => l.statusLesen))).toEqual(new Set(['AKTIF', 'TAMAT']));
    expect(new Set(lines.map(({ line }) => line.status))).toEqual(new Set(['DIPROSES', 'AKTIF', 'TAMAT', 'DIBATALKAN']));
  });

  it('shows a worker who also holds a BDNAC certificate with the same green identity card', () => {
    const certificates = bdnacSimulator.records(population).filter((c) => c.noPasport !== null && c.warganegara !== 'BRN');
    expect(certificates.length).toBeGreaterThan(0);
    for (const certificate of certificates) {
      const line = lines.find(({ line: w }) => w.noPasport === certificate.noPasport);
      if (line) expect(line.line.noICHijau).toBe(certificate.noIC);
    }
  });

  it('is deterministic', () => {
    expect(licencesOf(population)).toEqual(licences);
  });
});

describe('the simulated LPA API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const batch = async (noLesen: unknown) => {
    const response = await fetch(`${sim.url}/lpa/api/lesen/kelompok`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ noLesen }) });
    return { status: response.status, body: (await response.json()) as { lesen?: LpaLicence[]; mesej?: string } };
  };
  const all = () => sim.simulator.store.all() as LpaLicence[];

  beforeAll(async () => {
    sim = await startTestSimulator(lpaSimulator);
  });
  afterAll(() => sim.close());

  it('answers one licence by its percent-encoded number, and 404 {"mesej":"Tiada rekod"} for an unknown one', async () => {
    const licence = all()[2];
    expect(await get(`/lpa/api/lesen/${encodeURIComponent(licence.noLesen)}`)).toMatchObject({ status: 200, body: licence });
    expect(await get(`/lpa/api/lesen/${encodeURIComponent('LPA/2099/9999')}`)).toEqual({ status: 404, retryAfter: null, body: { mesej: 'Tiada rekod' } });
  });

  it('answers a batch of twenty licences, leaving unknown numbers out, and refuses twenty-one', async () => {
    const numbers = all().slice(0, 19).map((l) => l.noLesen);
    const twenty = await batch([...numbers, 'LPA/2099/9999']);
    expect(twenty.status).toBe(200);
    expect(twenty.body.lesen!.map((l) => l.noLesen)).toEqual(numbers);
    expect(await batch([...numbers, 'LPA/2099/9998', 'LPA/2099/9999'])).toEqual({ status: 400, body: { mesej: 'noLesen: paling banyak 20 lesen setiap permintaan' } });
    expect((await batch('LPA/2025/0456')).status).toBe(400);
  });

  it('finds every licence listing a worker, with all its workers, by passport and nationality, and wants both', async () => {
    const licence = all().find((l) => l.pekerja.length >= 2)!;
    const worker = licence.pekerja[1];
    const messy = `${worker.noPasport.slice(0, 2).toLowerCase()} ${worker.noPasport.slice(2)}`;
    const found = await get(`/lpa/api/pekerja?noPasport=${encodeURIComponent(messy)}&warganegara=${worker.warganegara}`);
    const listed = found.body.lesen as LpaLicence[];
    expect(listed.map((l) => l.noLesen)).toContain(licence.noLesen);
    expect(listed.find((l) => l.noLesen === licence.noLesen)!.pekerja).toHaveLength(licence.pekerja.length);
    expect(listed.every((l) => l.pekerja.some((w) => normalizeDocumentNumber(w.noPasport) === worker.noPasport))).toBe(true);
    expect(await get(`/lpa/api/pekerja?noPasport=${worker.noPasport}`)).toEqual({ status: 400, retryAfter: null, body: { mesej: 'berikan noPasport dan warganegara (ISO alpha-3)' } });
  });

  it('pages its search up to a hundred at a time, filtered by sector, licence status and ISO issue dates', async () => {
    const page2 = await get('/lpa/api/lesen/carian?halaman=2&saiz=10');
    expect(page2.status).toBe(200);
    expect(page2.body.jumlah).toBe(all().length);
    expect((page2.body.lesen as LpaLicence[]).map((l) => l.noLesen)).toEqual(all().slice(10, 20).map((l) => l.noLesen));
    expect((await get('/lpa/api/lesen/carian?saiz=101')).status).toBe(400);
    expect((await get('/lpa/api/lesen/carian?halaman=0')).status).toBe(400);
    expect(await get('/lpa/api/lesen/carian?hingga=09/02/2027')).toMatchObject({ status: 400, body: { mesej: 'dari dan hingga mesti tarikh YYYY-MM-DD' } });

    const sektor = all()[0].sektor;
    const filtered = await get(`/lpa/api/lesen/carian?sektor=${encodeURIComponent(sektor)}&status=TAMAT&dari=2020-01-01&hingga=2025-12-31&saiz=100`);
    const expected = all().filter((l) => l.sektor === sektor && l.statusLesen === 'TAMAT' && l.tarikhKeluar >= '2020-01-01' && l.tarikhKeluar <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.jumlah).toBe(expected.length);
    expect((filtered.body.lesen as LpaLicence[]).map((l) => l.noLesen)).toEqual(expected.map((l) => l.noLesen));
  });

  it('answers 429 {"mesej":"Had permintaan"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/lpa/api/lesen/${encodeURIComponent(all()[0].noLesen)}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { mesej: 'Had permintaan' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
