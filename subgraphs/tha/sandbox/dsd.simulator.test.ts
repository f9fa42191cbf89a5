import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { alpha3ToAlpha2 } from '../../../schema/countries/index.js';
import { addDays, addMonths, formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import { dsdSimulator, thaiIdCard } from './dsd.simulator.js';
import type { DsdRecord } from '../dsd.native.js';

const iso = (beDate: string) => parseNativeDate(beDate, 'DD/MM/BBBB');

describe('DSD records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = dsdSimulator.records(population);
  const holdings = holdingsIn(population, 'THA', 'CERT');

  it('writes every Thai certificate of the population with the holder\'s passport, name and birth date, in Buddhist-Era dates', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        passport_no: person.passportNo,
        full_name_en: person.fullName.toUpperCase(),
        nationality: alpha3ToAlpha2(person.nationality),
        birth_date: formatNativeDate(person.dateOfBirth, 'DD/MM/BBBB'),
        occupation_code: holding.occupation.isco,
        occupation_name: holding.occupation.th,
        skill_level: Math.min(holding.level, 3),
        issue_date: formatNativeDate(holding.issuedOn, 'DD/MM/BBBB'),
      });
      expect(iso(record.birth_date)).toBe(person.dateOfBirth);
      expect(record.cert_no).toMatch(new RegExp(`^DSD-${Number(holding.issuedOn.slice(0, 4)) + 543 - 2500}-\\d{2}-${String(holding.seq).padStart(6, '0')}$`));
    });
    expect(new Set(records.map((r) => r.nationality))).toEqual(new Set(['TH', 'MM', 'KH', 'LA', 'VN']));
  });

  it('gives Thai citizens a checked 13-digit id card and foreigners none', () => {
    for (const record of records) {
      if (record.nationality !== 'TH') {
        expect(record.id_card).toBeNull();
        continue;
      }
      expect(record.id_card).toMatch(/^\d{13}$/);
      const digits = [...record.id_card!].map(Number);
      const sum = digits.slice(0, 12).reduce((total, d, i) => total + d * (13 - i), 0);
      expect((11 - (sum % 11)) % 10).toBe(digits[12]);
    }
    expect(thaiIdCard(1)).toBe(thaiIdCard(1));
    expect(records.some((r) => r.nationality === 'TH' && r.passport_no === null)).toBe(true);
  });

  it('gives only the few term-limited standards an expiry, with the Thai status following the dates', () => {
    const limited = records.filter((r) => r.expire_date !== null);
    expect(new Set(limited.map((r) => r.occupation_code))).toEqual(new Set(['7411', '7212']));
    expect(limited.length).toBeLessThan(records.length / 2);
    for (const record of records) {
      if (record.expire_date !== null) expect(iso(record.expire_date)).toBe(addDays(addMonths(iso(record.issue_date), 36), -1));
      if (record.status === 'หมดอายุ') expect(iso(record.expire_date!) < SIMULATION_TODAY).toBe(true);
      if (record.status === 'ใช้งาน' && record.expire_date !== null) expect(iso(record.expire_date) >= SIMULATION_TODAY).toBe(true);
    }
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['ใช้งาน', 'หมดอายุ', 'เพิกถอน']));
  });
});

describe('the simulated DSD API', () => {
  let sim: TestSimulator;
  const get = (path: string) => sim.get(path);
  const all = () => sim.simulator.store.all() as DsdRecord[];
  const items = (answer: { body: Record<string, unknown> }) => answer.body.items as DsdRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(dsdSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"result":"ไม่พบข้อมูล"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/api/v1/skill-cert/${native.cert_no}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/api/v1/skill-cert/DSD-99-10-999999')).toEqual({ status: 404, retryAfter: null, body: { result: 'ไม่พบข้อมูล' } });
  });

  it('has no batch endpoint', async () => {
    const response = await fetch(`${sim.url}/api/v1/skill-cert/batch`, { method: 'POST', body: JSON.stringify({ cert_nos: [all()[0].cert_no] }) });
    expect(response.status).toBe(404);
  });

  it('finds certificates by passport and alpha-2 nationality, or by id card, and wants one of them', async () => {
    const native = all().find((r) => r.nationality === 'KH')!;
    const messy = `${native.passport_no!.slice(0, 3).toLowerCase()} ${native.passport_no!.slice(3)}`;
    expect(items(await get(`/api/v1/skill-cert?passport_no=${encodeURIComponent(messy)}&nationality=KH`)).map((r) => r.cert_no)).toContain(native.cert_no);
    expect(items(await get(`/api/v1/skill-cert?passport_no=${native.passport_no}&nationality=LA`))).toEqual([]);

    const citizen = all().find((r) => r.id_card !== null && r.passport_no === null)!;
    const byCard = items(await get(`/api/v1/skill-cert?id_card=${citizen.id_card}`));
    expect(byCard.map((r) => r.cert_no)).toContain(citizen.cert_no);
    expect(byCard.every((r) => r.id_card === citizen.id_card)).toBe(true);

    expect(await get('/api/v1/skill-cert')).toEqual({ status: 400, retryAfter: null, body: { result: 'คำขอไม่ถูกต้อง', message: 'give passport_no and nationality, or id_card' } });
    expect((await get('/api/v1/skill-cert?passport_no=MD456789')).status).toBe(400);
    expect((await get('/api/v1/skill-cert?id_card=12345')).status).toBe(400);
  });

  it('pages its search up to 100 at a time, filtered by level, occupation, status and Buddhist-Era issue dates', async () => {
    const page2 = await get('/api/v1/skill-cert/search?page=2&per_page=50');
    expect(page2.body).toMatchObject({ page: 2, per_page: 50, total: all().length });
    expect(items(page2).map((r) => r.cert_no)).toEqual(all().slice(50, 100).map((r) => r.cert_no));
    expect((await get('/api/v1/skill-cert/search')).body.per_page).toBe(50);
    expect((await get('/api/v1/skill-cert/search?per_page=100')).status).toBe(200);
    expect((await get('/api/v1/skill-cert/search?per_page=101')).status).toBe(400);
    expect((await get('/api/v1/skill-cert/search?from=2024-01-01')).body).toEqual({ result: 'คำขอไม่ถูกต้อง', message: 'from and to must be dates as DD/MM/BBBB' });

    const level3 = await get('/api/v1/skill-cert/search?skill_level=3&per_page=100');
    expect(level3.body.total).toBe(all().filter((r) => r.skill_level === 3).length);
    expect(items(level3).every((r) => r.skill_level === 3)).toBe(true);

    const revoked = await get(`/api/v1/skill-cert/search?status=${encodeURIComponent('เพิกถอน')}`);
    expect(revoked.body.total).toBe(all().filter((r) => r.status === 'เพิกถอน').length);

    const welders = await get('/api/v1/skill-cert/search?occupation_code=7212&from=01/01/2567&to=31/12/2568&per_page=100');
    const expected = all().filter((r) => r.occupation_code === '7212' && iso(r.issue_date) >= '2024-01-01' && iso(r.issue_date) <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(items(welders).map((r) => r.cert_no)).toEqual(expected.map((r) => r.cert_no));
  });

  it('answers 429 {"result":"เกินจำนวนที่กำหนด"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/api/v1/skill-cert/${all()[0].cert_no}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { result: 'เกินจำนวนที่กำหนด' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
