import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { alpha3ToAlpha2 } from '../../../schema/countries/index.js';
import { addDays, addMonths, formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import { doeSimulator } from './doe.simulator.js';
import type { DoeRecord } from '../doe.native.js';

const iso = (beDate: string) => parseNativeDate(beDate, 'BBBB-MM-DD');

describe('DOE records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = doeSimulator.records(population);
  const holdings = holdingsIn(population, 'THA', 'PERMIT');

  it('writes every Thai permit of the population with the worker\'s name, birth date and passport or CI, in Buddhist-Era dates', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ name_en: person.fullName.toUpperCase(), nationality: alpha3ToAlpha2(person.nationality), birth_date: formatNativeDate(person.dateOfBirth, 'BBBB-MM-DD'), occupation_code: holding.occupation.isco, issue_date: record.status === 'PENDING' ? null : formatNativeDate(holding.validFrom, 'BBBB-MM-DD') });
      expect(iso(record.birth_date)).toBe(person.dateOfBirth);
      if (record.doc_type === 'PASSPORT') expect(record.doc_no).toBe(person.passportNo);
      else expect(record.doc_no).not.toBe(person.passportNo);
      const serial = String(holding.seq).padStart(7, '0');
      if (holding.seq % 8 === 0) expect(record.permit_no).toBe(`EWP/${formatNativeDate(holding.validFrom, 'BBBB-MM-DD').slice(0, 4)}/${serial}`);
      else expect(record.permit_no).toMatch(new RegExp(`^WP${formatNativeDate(holding.validFrom, 'BBBB-MM-DD').slice(2, 4)}-\\d{4}-${serial}$`));
    });
  });

  it('gives certificates of identity only to MOU and border workers from Myanmar, Cambodia and Laos, one per worker', () => {
    const ciHolders = records.filter((r) => r.doc_type === 'CI');
    expect(ciHolders.length).toBeGreaterThan(0);
    expect(ciHolders.every((r) => ['MM', 'KH', 'LA'].includes(r.nationality) && ['MOU', 'BORDER'].includes(r.worker_type))).toBe(true);
    expect(records.some((r) => r.doc_type === 'PASSPORT' && r.worker_type === 'MOU' && r.nationality === 'MM')).toBe(true);
  });

  it('uses every worker type, BOI for skilled and professional posts', () => {
    expect(new Set(records.map((r) => r.worker_type))).toEqual(new Set(['GENERAL', 'MOU', 'BOI', 'BORDER', 'MINORITY']));
    records.forEach((record, i) => {
      if (holdings[i].holding.permitClass !== 'LOWER_SKILLED') expect(record.worker_type).toBe('BOI');
    });
  });

  it('lets MOU permits run two years, with ACTIVE and EXPIRED following the dates', () => {
    for (const record of records) {
      if (record.status === 'PENDING') expect([record.issue_date, record.expire_date]).toEqual([null, null]);
      else if (record.worker_type === 'MOU') expect(iso(record.expire_date!)).toBe(addDays(addMonths(iso(record.issue_date!), 24), -1));
      if (record.status === 'ACTIVE') expect(iso(record.expire_date!) >= SIMULATION_TODAY).toBe(true);
      if (record.status === 'EXPIRED') expect(iso(record.expire_date!) < SIMULATION_TODAY).toBe(true);
    }
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['PENDING', 'ACTIVE', 'EXPIRED', 'REVOKED']));
  });
});

describe('the simulated DOE e-Work Permit API', () => {
  let sim: TestSimulator;
  const get = (path: string) => sim.get(path);
  const batch = (permitNos: unknown) => sim.post<{ permits?: DoeRecord[]; not_found?: string[] }>('/ewp/v1/permits/batch', { permit_nos: permitNos });
  const all = () => sim.simulator.store.all() as DoeRecord[];
  const permits = (answer: { body: Record<string, unknown> }) => answer.body.permits as DoeRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(doeSimulator);
  });
  afterAll(() => sim.close());

  it('answers one permit by number, and 404 {"code":"E404"} for an unknown one', async () => {
    const native = all()[5];
    expect(await get(`/ewp/v1/permits/${native.permit_no}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/ewp/v1/permits/WP99-1000-9999999')).toEqual({ status: 404, retryAfter: null, body: { code: 'E404', message: 'permit not found' } });
  });

  it('answers a batch of 100 with a not_found list, and refuses 101', async () => {
    const numbers = all().slice(0, 98).map((r) => r.permit_no);
    const hundred = await batch([...numbers, 'WP99-1000-9999998', 'WP99-1000-9999999']);
    expect(hundred.status).toBe(200);
    expect(hundred.body.permits!.map((r) => r.permit_no)).toEqual(numbers);
    expect(hundred.body.not_found).toEqual(['WP99-1000-9999998', 'WP99-1000-9999999']);
    expect(await batch([...numbers, 'WP99-1000-9999997', 'WP99-1000-9999998', 'WP99-1000-9999999'])).toEqual({ status: 400, retryAfter: null, body: { code: 'E400', message: 'permit_nos: at most 100 numbers per request' } });
    expect((await batch('WP67-1000-0123456')).status).toBe(400);
  });

  it('finds a permit by the worker\'s passport or CI, under the document type asked, and wants all three parameters', async () => {
    const native = all().find((r) => r.doc_type === 'CI')!;
    const { person } = holdingsIn(defaultPopulation(), 'THA', 'PERMIT').find(({ holding }) => holding.seq === Number(native.permit_no.slice(-7)))!;
    const nationality = native.nationality;
    expect(permits(await get(`/ewp/v1/permits?doc_type=CI&doc_no=${native.doc_no}&nationality=${nationality}`)).map((r) => r.permit_no)).toContain(native.permit_no);
    const messy = `${person.passportNo!.slice(0, 2).toLowerCase()}-${person.passportNo!.slice(2)}`;
    expect(permits(await get(`/ewp/v1/permits?doc_type=PASSPORT&doc_no=${messy}&nationality=${nationality}`)).map((r) => r.permit_no)).toContain(native.permit_no);
    // A CI number is not a passport number, nor the other way round.
    expect(permits(await get(`/ewp/v1/permits?doc_type=PASSPORT&doc_no=${native.doc_no}&nationality=${nationality}`))).toEqual([]);
    expect(permits(await get(`/ewp/v1/permits?doc_type=CI&doc_no=${person.passportNo}&nationality=${nationality}`))).toEqual([]);
    expect(permits(await get(`/ewp/v1/permits?doc_type=CI&doc_no=${native.doc_no}&nationality=VN`))).toEqual([]);
    expect(await get(`/ewp/v1/permits?doc_no=${native.doc_no}&nationality=${nationality}`)).toEqual({ status: 400, retryAfter: null, body: { code: 'E400', message: 'give doc_type (PASSPORT or CI), doc_no and nationality (ISO alpha-2)' } });
    expect((await get(`/ewp/v1/permits?doc_type=CI&doc_no=${native.doc_no}`)).status).toBe(400);
  });

  it('pages its search up to 500 at a time, filtered by worker type, nationality, province, status and Buddhist-Era issue dates', async () => {
    const page2 = await get('/ewp/v1/permits/search?page=2');
    expect(page2.body).toMatchObject({ page: 2, per_page: 100, total: all().length });
    expect(permits(page2).map((r) => r.permit_no)).toEqual(all().slice(100, 200).map((r) => r.permit_no));
    expect((await get('/ewp/v1/permits/search?per_page=500')).status).toBe(200);
    expect((await get('/ewp/v1/permits/search?per_page=501')).status).toBe(400);
    expect((await get('/ewp/v1/permits/search?issued_from=01/01/2567')).body).toEqual({ code: 'E400', message: 'issued_from and issued_to must be dates as BBBB-MM-DD' });

    const mou = await get('/ewp/v1/permits/search?worker_type=MOU&nationality=KH&status=ACTIVE&per_page=500');
    const expected = all().filter((r) => r.worker_type === 'MOU' && r.nationality === 'KH' && r.status === 'ACTIVE');
    expect(expected.length).toBeGreaterThan(0);
    expect(permits(mou).map((r) => r.permit_no)).toEqual(expected.map((r) => r.permit_no));

    const province = await get(`/ewp/v1/permits/search?province=${encodeURIComponent('สมุทรสาคร')}&issued_from=2568-01-01&issued_to=2568-12-31&per_page=500`);
    const inProvince = all().filter((r) => r.province === 'สมุทรสาคร' && r.issue_date !== null && iso(r.issue_date) >= '2025-01-01' && iso(r.issue_date) <= '2025-12-31');
    expect(inProvince.length).toBeGreaterThan(0);
    expect(province.body.total).toBe(inProvince.length);
  });

  it('answers 429 {"code":"E429"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/ewp/v1/permits/${all()[0].permit_no}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { code: 'E429' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
