import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { aepSimulator } from './aep.simulator.js';
import { demonymFromIso } from '../demonyms.js';
import type { AepRecord } from '../aep.native.js';

/** The published form `AEP-<region>-<year>-<6 digits>` (`COE-` for an exemption), as the simulator writes it. */
const AEP_NUMBER = /^(AEP|COE)-(NCR|CAR|BARMM|[IVX]+(?:-[AB])?)-\d{4}-\d{6}$/;

describe('AEP records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = aepSimulator.records(population);

  it('writes every permit held in the Philippines with the holder\'s passport, name, demonym and birth date', () => {
    const holdings = holdingsIn(population, 'PHL', 'PERMIT');
    expect(records).toHaveLength(holdings.length);
    const aepStatus = { PENDING: 'PENDING', ACTIVE: 'ISSUED', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'REVOKED' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record.foreignNational).toEqual({ surname: person.family.latin, givenName: person.given.latin, nationality: demonymFromIso(person.nationality), passportNo: person.passportNo, birthDate: person.dateOfBirth });
      expect(record).toMatchObject({ psocCode: holding.occupation.isco, position: holding.occupation.en, validFrom: holding.validFrom, validUntil: holding.validUntil });
      expect(record.aepNo).toMatch(AEP_NUMBER);
      expect(record.aepNo.endsWith(`-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`)).toBe(true);
      expect(record.aepNo).toContain(`-${record.regionalOffice}-`);
      expect(record.employer.tin).toMatch(/^\d{3}-\d{3}-\d{3}-000$/);
      const exempt = record.aepNo.startsWith('COE-');
      expect(record.status).toBe(exempt && holding.status === 'ACTIVE' ? 'EXEMPT' : aepStatus[holding.status]);
      expect(person.nationality).not.toBe('PHL');
    });
    expect(records.some((r) => r.aepNo.startsWith('COE-'))).toBe(true);
  });

  it('issues permits for one to three years, in force today when ISSUED and ended when EXPIRED', () => {
    for (const record of records) {
      expect(record.validUntil >= addDays(addMonths(record.validFrom, 12), -1)).toBe(true);
      expect(record.validUntil <= addDays(addMonths(record.validFrom, 36), -1)).toBe(true);
      if (record.status === 'ISSUED' || record.status === 'EXEMPT') expect(record.validFrom <= SIMULATION_TODAY && SIMULATION_TODAY <= record.validUntil).toBe(true);
      if (record.status === 'EXPIRED') expect(record.validUntil < SIMULATION_TODAY).toBe(true);
    }
  });
});

describe('the simulated DOLE AEP API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), total: response.headers.get('x-total-count'), body: (await response.json()) as unknown };
  };
  const all = () => sim.simulator.store.all() as AepRecord[];
  const numbers = (body: unknown) => (body as AepRecord[]).map((r) => r.aepNo);

  beforeAll(async () => {
    sim = await startTestSimulator(aepSimulator);
  });
  afterAll(() => sim.close());

  it('answers one permit by number, and 404 {"status":404,"error":"AEP_NOT_FOUND"} for an unknown one', async () => {
    const native = all()[2];
    expect(await get(`/aep/api/permits/${native.aepNo}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/aep/api/permits/AEP-NCR-2099-999999')).toEqual({ status: 404, retryAfter: null, total: null, body: { status: 404, error: 'AEP_NOT_FOUND' } });
  });

  it('finds permits by passport and demonym as a bare list, and wants both', async () => {
    const native = all()[0];
    const { passportNo, nationality } = native.foreignNational;
    const found = await get(`/aep/api/permits?passportNo=${passportNo.toLowerCase()}&nationality=${nationality}`);
    expect(Array.isArray(found.body)).toBe(true);
    expect(numbers(found.body)).toContain(native.aepNo);
    expect(numbers((await get(`/aep/api/permits?passportNo=${passportNo}&nationality=${nationality === 'KOREAN' ? 'JAPANESE' : 'KOREAN'}`)).body)).toEqual([]);
    expect(await get(`/aep/api/permits?passportNo=${passportNo}`)).toMatchObject({ status: 400, body: { status: 400, error: 'BAD_REQUEST' } });
  });

  it('pages its search by offset and limit up to fifty, with X-Total-Count, filtered by region, status and ISO validity', async () => {
    const page = await get('/aep/api/permits?offset=10&limit=10');
    expect(page.status).toBe(200);
    expect(page.total).toBe(String(all().length));
    expect(numbers(page.body)).toEqual(all().slice(10, 20).map((r) => r.aepNo));
    expect((await get('/aep/api/permits?limit=51')).status).toBe(400);
    expect((await get('/aep/api/permits?validFrom=01/15/2025')).status).toBe(400);

    const issued = await get('/aep/api/permits?region=NCR&status=ISSUED&limit=50');
    const expected = all().filter((r) => r.regionalOffice === 'NCR' && r.status === 'ISSUED');
    expect(expected.length).toBeGreaterThan(0);
    expect(issued.total).toBe(String(expected.length));
    expect(numbers(issued.body)).toEqual(expected.slice(0, 50).map((r) => r.aepNo));

    const window = await get('/aep/api/permits?validFrom=2025-01-01&validTo=2027-12-31');
    expect(window.total).toBe(String(all().filter((r) => r.validFrom >= '2025-01-01' && r.validUntil <= '2027-12-31').length));
  });

  it('answers 429 {"status":429,"error":"RATE_LIMIT"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/aep/api/permits/${all()[0].aepNo}`));
      expect(answers.find((a) => a.status === 429)).toMatchObject({ status: 429, retryAfter: '1', body: { status: 429, error: 'RATE_LIMIT' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
