import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { formatNativeDate } from '../../../schema/dates/index.js';
import { nvqfSimulator } from './nvqf.simulator.js';
import type { NvqfRecord } from '../nvqf.native.js';

describe('NVQF records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = nvqfSimulator.records(population);

  it('writes every certificate held in Lao PDR by a passport holder, with the same passport, name, nationality and birth date', () => {
    const holdings = holdingsIn(population, 'LAO', 'CERT').filter(({ person }) => person.passportNo !== null);
    expect(holdings.length).toBeGreaterThan(0);
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        passport: person.passportNo,
        nameLatin: person.fullName.toUpperCase(),
        nationality: person.nationality,
        dob: formatNativeDate(person.dateOfBirth, 'DD/MM/YYYY'),
        issued: formatNativeDate(holding.issuedOn, 'DD/MM/YYYY'),
        iscoCode: holding.occupation.isco,
        qualification: holding.occupation.en,
        valid: holding.status === 'VALID' || holding.status === 'EXPIRED',
      });
      expect(record.certNo).toBe(`LA-NVQF-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`);
      expect(record.dob).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    });
  });

  it('writes Lao holders\' names in Lao script and uses all five levels', () => {
    const lao = records.find((r) => r.nationality === 'LAO')!;
    expect(lao.nameLao).toMatch(/[\u0E80-\u0EFF]/);
    expect(new Set(records.map((r) => r.level))).toEqual(new Set(['L1', 'L2', 'L3', 'L4', 'L5']));
    expect(new Set(records.map((r) => r.valid))).toEqual(new Set([true, false]));
  });
});

describe('the simulated NVQF API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as NvqfRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(nvqfSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"message":"not found"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/nvqf/cert/${native.certNo}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/nvqf/cert/LA-NVQF-2099-999999')).toEqual({ status: 404, retryAfter: null, body: { message: 'not found' } });
  });

  it('finds certificates by passport (spaces, dashes and case ignored) and nationality, and wants both', async () => {
    const native = all()[0];
    const loose = `${native.passport!.slice(0, 2).toLowerCase()}-${native.passport!.slice(2)}`;
    const found = await get(`/nvqf/cert?passport=${loose}&nationality=${native.nationality.toLowerCase()}`);
    expect(found.status).toBe(200);
    expect((found.body.certs as NvqfRecord[]).map((r) => r.certNo)).toContain(native.certNo);
    expect(await get(`/nvqf/cert?passport=${native.passport}`)).toEqual({ status: 400, retryAfter: null, body: { message: 'give passport and nationality (ISO alpha-3)' } });
  });

  it('has no batch and no search endpoint', async () => {
    expect((await fetch(`${sim.url}/nvqf/cert/batch`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await get('/nvqf/cert/search')).body).toEqual({ message: 'not found' });
  });

  it('answers 429 {"message":"slow down"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/nvqf/cert/${all()[0].certNo}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { message: 'slow down' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
