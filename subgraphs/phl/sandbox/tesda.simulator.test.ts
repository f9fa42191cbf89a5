import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addMonths, formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import { tesdaSimulator } from './tesda.simulator.js';
import type { TesdaRecord } from '../tesda.native.js';

const iso = (mdy: string) => parseNativeDate(mdy, 'MM/DD/YYYY');

describe('TESDA records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = tesdaSimulator.records(population);
  const holdings = holdingsIn(population, 'PHL', 'CERT');

  it('writes every Philippine certificate of the population with the holder\'s name and birth date, month first', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ lastName: person.family.latin, firstName: person.given.latin, middleName: person.middle, birthDate: formatNativeDate(person.dateOfBirth, 'MM/DD/YYYY'), psocCode: holding.occupation.isco, dateIssued: formatNativeDate(holding.issuedOn, 'MM/DD/YYYY') });
      expect(record.certificateNumber).toMatch(new RegExp(`^${holding.issuedOn.slice(2, 4)}\\d{4}${String(holding.seq).padStart(8, '0')}$`));
      if (record.passportNo !== null) expect(record.passportNo).toBe(person.passportNo);
      expect('nationality' in record).toBe(person.nationality !== 'PHL');
    });
  });

  it('leaves about one passport in six unrecorded, the same way for every certificate of a person', () => {
    const missing = records.filter((r) => r.passportNo === null).length / records.length;
    expect(missing).toBeGreaterThan(0.08);
    expect(missing).toBeLessThan(0.3);
    const byPerson = new Map<string, string | null>();
    records.forEach((record, i) => {
      const key = String(holdings[i].person.pid);
      expect(byPerson.get(key) ?? record.passportNo).toBe(record.passportNo);
      byPerson.set(key, record.passportNo);
    });
  });

  it('lets certificates last five years, with VALID and EXPIRED following the dates', () => {
    for (const record of records) {
      expect(iso(record.validUntil)).toBe(addMonths(iso(record.dateIssued), 60));
      if (record.status === 'VALID') expect(iso(record.validUntil) >= SIMULATION_TODAY).toBe(true);
      if (record.status === 'EXPIRED') expect(iso(record.validUntil) < SIMULATION_TODAY).toBe(true);
    }
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['VALID', 'EXPIRED', 'REVOKED']));
    expect(new Set(records.map((r) => r.ncLevel))).toEqual(new Set(['NC I', 'NC II', 'NC III', 'NC IV', 'COC']));
  });

  it('names National Certificates by their level and Certificates of Competency as such', () => {
    for (const record of records) {
      if (record.ncLevel === 'COC') expect(record.qualificationTitle).toMatch(/\(Certificate of Competency\)$/);
      else expect(record.qualificationTitle.endsWith(` ${record.ncLevel}`)).toBe(true);
    }
  });
});

describe('the simulated TESDA API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as TesdaRecord[];
  const content = (body: Record<string, unknown>) => body.content as TesdaRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(tesdaSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"message":"No record found"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/rcw/certificates/${native.certificateNumber}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/rcw/certificates/99130300000000')).toEqual({ status: 404, retryAfter: null, body: { message: 'No record found' } });
  });

  it('answers a batch of forty in the query string, omitting unknown numbers, and refuses forty-one', async () => {
    const numbers = all().slice(0, 39).map((r) => r.certificateNumber);
    const forty = await get(`/rcw/certificates?ids=${[...numbers, '99130300000000'].join(',')}`);
    expect(forty.status).toBe(200);
    expect(content(forty.body).map((r) => r.certificateNumber)).toEqual(numbers);
    expect(await get(`/rcw/certificates?ids=${[...numbers, '99130300000000', '99130300000001'].join(',')}`)).toEqual({ status: 400, retryAfter: null, body: { message: 'ids: at most 40 certificate numbers per request' } });
    expect((await get('/rcw/certificates')).status).toBe(400);
  });

  it('finds holders by passport, or by last name, first name and birth date together', async () => {
    const native = all().find((r) => r.passportNo !== null)!;
    const messy = `${native.passportNo!.slice(0, 3).toLowerCase()} ${native.passportNo!.slice(3)}`;
    expect(content((await get(`/rcw/holders?passportNo=${encodeURIComponent(messy)}`)).body).map((r) => r.certificateNumber)).toContain(native.certificateNumber);

    const unrecorded = all().find((r) => r.passportNo === null)!;
    const byName = await get(`/rcw/holders?lastName=${encodeURIComponent(unrecorded.lastName.toLowerCase())}&firstName=${encodeURIComponent(unrecorded.firstName)}&birthDate=${encodeURIComponent(unrecorded.birthDate)}`);
    expect(content(byName.body).map((r) => r.certificateNumber)).toContain(unrecorded.certificateNumber);
    expect(content(byName.body).every((r) => r.birthDate === unrecorded.birthDate)).toBe(true);

    const incomplete = await get(`/rcw/holders?lastName=${encodeURIComponent(unrecorded.lastName)}&firstName=${encodeURIComponent(unrecorded.firstName)}`);
    expect(incomplete).toEqual({ status: 400, retryAfter: null, body: { message: 'give passportNo, or lastName, firstName and birthDate (MM/DD/YYYY) together' } });
  });

  it('pages its search from page 0, up to a hundred at a time, filtered by level, sector, status and month-first issue dates', async () => {
    const page1 = await get('/rcw/certificates/search?page=1&size=10');
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ page: 1, size: 10, totalElements: all().length, totalPages: Math.ceil(all().length / 10) });
    expect(content(page1.body).map((r) => r.certificateNumber)).toEqual(all().slice(10, 20).map((r) => r.certificateNumber));
    expect((await get('/rcw/certificates/search')).body).toMatchObject({ page: 0, size: 50 });
    expect((await get('/rcw/certificates/search?size=101')).status).toBe(400);
    expect((await get('/rcw/certificates/search?issuedFrom=2024-01-01')).status).toBe(400);

    const filtered = await get(`/rcw/certificates/search?ncLevel=${encodeURIComponent('NC II')}&status=VALID&issuedFrom=01/01/2023&issuedTo=12/31/2025`);
    const expected = all().filter((r) => r.ncLevel === 'NC II' && r.status === 'VALID' && iso(r.dateIssued) >= '2023-01-01' && iso(r.dateIssued) <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.totalElements).toBe(expected.length);
    expect(content(filtered.body).map((r) => r.certificateNumber)).toEqual(expected.map((r) => r.certificateNumber));

    const sector = all()[0].sector;
    expect((await get(`/rcw/certificates/search?sector=${encodeURIComponent(sector)}&size=100`)).body.totalElements).toBe(all().filter((r) => r.sector === sector).length);
  });

  it('answers 429 {"message":"Too Many Requests"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/rcw/certificates/${all()[0].certificateNumber}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { message: 'Too Many Requests' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
