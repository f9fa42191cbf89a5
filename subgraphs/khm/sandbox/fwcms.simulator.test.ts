import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { fwcmsSimulator, permitYear } from './fwcms.simulator.js';
import type { FwcmsRecord } from '../fwcms.native.js';

describe('FWCMS records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = fwcmsSimulator.records(population);
  const holdings = holdingsIn(population, 'KHM', 'PERMIT');

  it('writes every permit held in Cambodia with the worker\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    const nativeStatus = { PENDING: 'APPLIED', ACTIVE: 'VALID', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'CANCELLED' };
    const quota = { PROFESSIONAL: 'OFFICE', SKILLED: 'SKILLED', LOWER_SKILLED: 'UNSKILLED' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record.worker).toEqual({ name: person.fullName.toUpperCase(), passportNo: person.passportNo, nationality: person.nationality, dateOfBirth: person.dateOfBirth });
      expect(record).toMatchObject({ iscoCode: holding.occupation.isco, position: holding.occupation.en, status: nativeStatus[holding.status], quotaCategory: quota[holding.permitClass] });
      const serial = String(holding.seq).padStart(7, '0');
      expect(record.workPermitNo).toBe(holding.seq % 8 === 0 ? `FW/${record.year}/${holding.seq}` : `WP-${record.year}-${serial}`);
      expect(record.employmentCardNo).toBe(`EC-${record.year}-${serial}`);
      expect(record.employer.registrationNo).toMatch(/^\d{8}$/);
      expect(record.worker.nationality).not.toBe('KHM');
    });
    expect(new Set(records.map((r) => r.quotaCategory))).toEqual(new Set(['OFFICE', 'SKILLED', 'UNSKILLED']));
  });

  it('shows annual permits: this year\'s for running ones, a year already over for ended ones', () => {
    const thisYear = Number(SIMULATION_TODAY.slice(0, 4));
    records.forEach((record, i) => {
      const { holding } = holdings[i];
      expect(record.year).toBeGreaterThanOrEqual(Number(holding.validFrom.slice(0, 4)));
      if (record.status === 'VALID' || record.status === 'APPLIED') expect(record.year).toBe(thisYear);
      if (record.status === 'EXPIRED') expect(`${record.year}-12-31` < SIMULATION_TODAY).toBe(true);
    });
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['APPLIED', 'VALID', 'EXPIRED', 'CANCELLED']));
  });

  it('reads the year of a permit span', () => {
    expect(permitYear('2025-03-10', '2027-03-09', '2026-11-01')).toBe(2026);
    expect(permitYear('2024-02-01', '2025-01-31', '2026-11-01')).toBe(2025);
    // Ended this year, before its 31 December: the last full year shown is last year's.
    expect(permitYear('2025-01-15', '2026-01-14', '2026-11-01')).toBe(2025);
    expect(permitYear('2023-06-01', '2024-05-31', '2026-11-01')).toBe(2024);
  });
});

describe('the simulated FWCMS API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const batch = async (workPermitNos: unknown) => {
    const response = await fetch(`${sim.url}/fwcms/api/permits/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workPermitNos }) });
    return { status: response.status, body: (await response.json()) as { permits?: FwcmsRecord[] } };
  };
  const all = () => sim.simulator.store.all() as FwcmsRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(fwcmsSimulator);
  });
  afterAll(() => sim.close());

  it('answers one permit by number, and 404 {"error":"not_found"} for an unknown one', async () => {
    const native = all()[2];
    expect(await get(`/fwcms/api/permits/${native.workPermitNo}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/fwcms/api/permits/WP-2099-9999999')).toEqual({ status: 404, retryAfter: null, body: { error: 'not_found' } });
  });

  it('answers a batch of thirty, leaving unknown numbers out, and refuses thirty-one', async () => {
    const numbers = all().slice(0, 29).map((r) => r.workPermitNo);
    const thirty = await batch([...numbers, 'WP-2099-9999999']);
    expect(thirty).toMatchObject({ status: 200 });
    expect(thirty.body.permits!.map((r) => r.workPermitNo)).toEqual(numbers);
    expect(await batch([...numbers, 'WP-2099-9999998', 'WP-2099-9999999'])).toEqual({ status: 400, body: { error: 'bad_request', message: 'workPermitNos: at most 30 numbers per request' } });
    expect((await batch([1, 2])).status).toBe(400);
  });

  it('finds permits by passport and nationality, and wants both', async () => {
    const native = all()[0];
    const found = await get(`/fwcms/api/permits?passportNo=${native.worker.passportNo.toLowerCase()}&nationality=${native.worker.nationality}`);
    expect((found.body.permits as FwcmsRecord[]).map((r) => r.workPermitNo)).toContain(native.workPermitNo);
    expect(await get(`/fwcms/api/permits?passportNo=${native.worker.passportNo}`)).toEqual({ status: 400, retryAfter: null, body: { error: 'bad_request', message: 'give passportNo and nationality (ISO alpha-3)' } });
  });

  it('pages its search, a hundred by default and up to two hundred, filtered by year, quota category, nationality and status', async () => {
    const page = await get('/fwcms/api/permits/search?offset=5&limit=10');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(all().length);
    expect((page.body.permits as FwcmsRecord[]).map((r) => r.workPermitNo)).toEqual(all().slice(5, 15).map((r) => r.workPermitNo));
    expect(((await get('/fwcms/api/permits/search')).body.permits as FwcmsRecord[]).length).toBe(Math.min(100, all().length));
    expect((await get('/fwcms/api/permits/search?limit=200')).status).toBe(200);
    expect((await get('/fwcms/api/permits/search?limit=201')).status).toBe(400);

    const filtered = await get('/fwcms/api/permits/search?year=2026&quotaCategory=SKILLED&nationality=CHN&status=VALID');
    const expected = all().filter((r) => r.year === 2026 && r.quotaCategory === 'SKILLED' && r.worker.nationality === 'CHN' && r.status === 'VALID');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.total).toBe(expected.length);
    expect((filtered.body.permits as FwcmsRecord[]).map((r) => r.workPermitNo)).toEqual(expected.map((r) => r.workPermitNo));
  });

  it('answers 429 {"error":"rate_limited"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/fwcms/api/permits/${all()[0].workPermitNo}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { error: 'rate_limited' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
