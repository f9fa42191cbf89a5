import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { nssaSimulator } from './nssa.simulator.js';
import type { NssaRecord } from '../nssa.native.js';

describe('NSSA records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = nssaSimulator.records(population);

  it('writes every Myanmar certificate of the population with the holder\'s passport, name and birth date', () => {
    const holdings = holdingsIn(population, 'MMR', 'CERT');
    expect(holdings.every(({ person }) => person.nationality === 'MMR')).toBe(true);
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ passportNo: person.passportNo, nameEn: person.fullName, dateOfBirth: person.dateOfBirth, iscoCode: holding.occupation.isco, occupation: holding.occupation.en, level: holding.level, issueDate: holding.issuedOn });
      expect(record.certNo).toBe(holding.seq % 8 === 0 ? `NSSA ${holding.issuedOn.slice(0, 4)}/${holding.seq}` : `NSSA-${holding.level}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(5, '0')}`);
    });
  });

  it('lets certificates last three years, with VALID and EXPIRED following the dates', () => {
    for (const record of records) {
      expect(record.expiryDate).toBe(addDays(addMonths(record.issueDate, 36), -1));
      if (record.status === 'VALID') expect(record.expiryDate >= SIMULATION_TODAY).toBe(true);
      if (record.status === 'EXPIRED') expect(record.expiryDate < SIMULATION_TODAY).toBe(true);
    }
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['VALID', 'EXPIRED', 'CANCELLED']));
  });

  it('names holders in Myanmar script and gives each person one NRC', () => {
    const nrcByPassport = new Map<string, string>();
    for (const record of records) {
      expect(record.nameMy).toMatch(/^[\u1000-\u109F]+$/);
      expect(record.nrc).toMatch(/^\d{1,2}\/[A-Z]+\(N\)\d{6}$/);
      if (record.passportNo === null) continue;
      expect(nrcByPassport.get(record.passportNo) ?? record.nrc).toBe(record.nrc);
      nrcByPassport.set(record.passportNo, record.nrc);
    }
    expect(records.some((r) => r.passportNo === null)).toBe(true);
  });
});

describe('the simulated NSSA API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const batch = async (certNos: unknown) => {
    const response = await fetch(`${sim.url}/nssa/v1/certificates/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ certNos }) });
    return { status: response.status, body: (await response.json()) as { records?: NssaRecord[] } };
  };
  const all = () => sim.simulator.store.all() as NssaRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(nssaSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"status":"NOT_FOUND"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/nssa/v1/certificates/${native.certNo}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/nssa/v1/certificates/NSSA-1-2099-99999')).toEqual({ status: 404, retryAfter: null, body: { status: 'NOT_FOUND' } });
  });

  it('answers a batch of ten, leaving unknown numbers out, and refuses eleven', async () => {
    const numbers = all().slice(0, 9).map((r) => r.certNo);
    const ten = await batch([...numbers, 'NSSA-1-2099-99999']);
    expect(ten.status).toBe(200);
    expect(ten.body.records!.map((r) => r.certNo)).toEqual(numbers);
    expect(await batch([...numbers, 'NSSA-1-2099-99998', 'NSSA-1-2099-99999'])).toEqual({ status: 400, body: { status: 'BAD_REQUEST', message: 'certNos: at most 10 numbers per request' } });
    expect((await batch('NSSA-2-2023-04567')).status).toBe(400);
  });

  it('finds certificates by passport or by NRC, and wants one of them', async () => {
    const native = all().find((r) => r.passportNo !== null)!;
    const messy = `${native.passportNo!.slice(0, 2).toLowerCase()} ${native.passportNo!.slice(2)}`;
    const byPassport = await get(`/nssa/v1/certificates?passportNo=${encodeURIComponent(messy)}`);
    expect((byPassport.body.records as NssaRecord[]).map((r) => r.certNo)).toContain(native.certNo);
    const byNrc = await get(`/nssa/v1/certificates?nrc=${encodeURIComponent(native.nrc)}`);
    expect((byNrc.body.records as NssaRecord[]).every((r) => r.nrc === native.nrc)).toBe(true);
    expect((byNrc.body.records as NssaRecord[]).map((r) => r.certNo)).toContain(native.certNo);
    expect(await get('/nssa/v1/certificates')).toEqual({ status: 400, retryAfter: null, body: { status: 'BAD_REQUEST', message: 'give passportNo or nrc' } });
  });

  it('pages its search twenty at a time, filtered by level, occupation and ISO issue dates', async () => {
    const page2 = await get('/nssa/v1/certificates/search?page=2&size=20');
    expect(page2.status).toBe(200);
    expect(page2.body.total).toBe(all().length);
    expect((page2.body.records as NssaRecord[]).map((r) => r.certNo)).toEqual(all().slice(20, 40).map((r) => r.certNo));
    expect((await get('/nssa/v1/certificates/search?size=21')).status).toBe(400);
    expect((await get('/nssa/v1/certificates/search?from=12-09-2023')).status).toBe(400);

    const level4 = await get('/nssa/v1/certificates/search?level=4&size=20');
    expect(level4.body.total).toBe(all().filter((r) => r.level === 4).length);
    expect((level4.body.records as NssaRecord[]).every((r) => r.level === 4)).toBe(true);

    const welders = await get('/nssa/v1/certificates/search?occupation=7212&from=2024-01-01&to=2025-12-31');
    const expected = all().filter((r) => r.iscoCode === '7212' && r.issueDate >= '2024-01-01' && r.issueDate <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(welders.body.total).toBe(expected.length);
    expect((await get('/nssa/v1/certificates/search?occupation=welder&from=2024-01-01&to=2025-12-31')).body.total).toBe(expected.length);
  });

  it('answers 429 {"status":"TOO_MANY"} with Retry-After past five requests a second', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/nssa/v1/certificates/${all()[0].certNo}`));
      const limited = answers.find((a) => a.status === 429)!;
      expect(limited).toEqual({ status: 429, retryAfter: '1', body: { status: 'TOO_MANY' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
