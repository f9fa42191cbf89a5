import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { currentTerm, molSimulator } from './mol.simulator.js';
import type { MolRecord } from '../mol.native.js';

describe('MOL records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = molSimulator.records(population);

  it('writes every permit held in Myanmar with the holder\'s passport, name, nationality and birth date', () => {
    const holdings = holdingsIn(population, 'MMR', 'PERMIT');
    expect(records).toHaveLength(holdings.length);
    const nativeStatus = { PENDING: 'PENDING', ACTIVE: 'VALID', EXPIRED: 'EXPIRED', CANCELLED: 'REVOKED', REVOKED: 'REVOKED' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ passportNo: person.passportNo, name: person.fullName.toUpperCase(), nationality: person.nationality, dateOfBirth: person.dateOfBirth, iscoCode: holding.occupation.isco, position: holding.occupation.en, status: nativeStatus[holding.status] });
      expect(record.permitNo).toBe(holding.seq % 8 === 0 ? `MOL/FE/${holding.validFrom.slice(0, 4)}/${holding.seq}` : `MOL-FE-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`);
      expect(record.nationality).not.toBe('MMR');
    });
  });

  it('shows one-year terms, in force today for VALID permits and ended for EXPIRED ones', () => {
    for (const record of records) {
      expect(record.expiryDate >= record.issueDate).toBe(true);
      expect(record.expiryDate <= addDays(addMonths(record.issueDate, 12), -1)).toBe(true);
      if (record.status === 'VALID') expect(record.issueDate <= SIMULATION_TODAY && SIMULATION_TODAY <= record.expiryDate).toBe(true);
      if (record.status === 'EXPIRED') expect(record.expiryDate < SIMULATION_TODAY).toBe(true);
    }
    expect(new Set(records.map((r) => r.channel))).toEqual(new Set(['MOL', 'MIC', 'SEZ']));
  });

  it('reads the latest one-year term of a renewed permit', () => {
    expect(currentTerm('2024-01-15', '2026-01-14', '2025-06-01')).toEqual({ issueDate: '2025-01-15', expiryDate: '2026-01-14' });
    expect(currentTerm('2022-03-01', '2025-02-28', '2026-11-01')).toEqual({ issueDate: '2024-03-01', expiryDate: '2025-02-28' });
    expect(currentTerm('2026-05-10', '2027-05-09', '2026-11-01')).toEqual({ issueDate: '2026-05-10', expiryDate: '2027-05-09' });
  });
});

describe('the simulated MOL API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as MolRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(molSimulator);
  });
  afterAll(() => sim.close());

  it('answers one permit by number, and 404 {"status":"NOT_FOUND"} for an unknown one', async () => {
    const native = all()[2];
    expect(await get(`/mol/permits/${native.permitNo}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/mol/permits/MOL-FE-2099-999999')).toEqual({ status: 404, retryAfter: null, body: { status: 'NOT_FOUND' } });
  });

  it('finds permits by passport and nationality, and wants both', async () => {
    const native = all()[0];
    const found = await get(`/mol/permits?passportNo=${native.passportNo.toLowerCase()}&nationality=${native.nationality}`);
    expect((found.body.records as MolRecord[]).map((r) => r.permitNo)).toContain(native.permitNo);
    expect(await get(`/mol/permits?passportNo=${native.passportNo}`)).toEqual({ status: 400, retryAfter: null, body: { status: 'BAD_REQUEST', message: 'give passportNo and nationality (ISO alpha-3)' } });
  });

  it('pages its search up to fifty at a time, filtered by channel, status, nationality and ISO issue dates', async () => {
    const page2 = await get('/mol/permits/search?page=2&size=10');
    expect(page2.status).toBe(200);
    expect(page2.body.total).toBe(all().length);
    expect((page2.body.records as MolRecord[]).map((r) => r.permitNo)).toEqual(all().slice(10, 20).map((r) => r.permitNo));
    expect((await get('/mol/permits/search?size=51')).status).toBe(400);
    expect((await get('/mol/permits/search?to=31/03/2025')).status).toBe(400);

    const sez = await get('/mol/permits/search?channel=SEZ&status=VALID&nationality=CHN');
    const expected = all().filter((r) => r.channel === 'SEZ' && r.status === 'VALID' && r.nationality === 'CHN');
    expect(expected.length).toBeGreaterThan(0);
    expect(sez.body.total).toBe(expected.length);
    expect((sez.body.records as MolRecord[]).map((r) => r.permitNo)).toEqual(expected.map((r) => r.permitNo));

    const from2026 = await get('/mol/permits/search?from=2026-01-01&to=2026-12-31');
    expect(from2026.body.total).toBe(all().filter((r) => r.issueDate >= '2026-01-01' && r.issueDate <= '2026-12-31').length);
  });

  it('answers 429 {"status":"TOO_MANY"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/mol/permits/${all()[0].permitNo}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { status: 'TOO_MANY' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
