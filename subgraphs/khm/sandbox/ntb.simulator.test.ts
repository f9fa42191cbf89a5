import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { awardFor, ntbSimulator } from './ntb.simulator.js';
import type { NtbRecord } from '../ntb.native.js';

describe('NTB records from the synthetic population', () => {
  const population = defaultPopulation();
  const records = ntbSimulator.records(population);
  const holdings = holdingsIn(population, 'KHM', 'CERT');

  it('writes every Cambodian certificate of the population with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ passportNo: person.passportNo, nameEn: person.fullName, nationality: person.nationality, dateOfBirth: person.dateOfBirth, iscoCode: holding.occupation.isco, qualification: holding.occupation.en, sector: holding.occupation.sector, issuedDate: holding.issuedOn });
      expect(record.certificateNo).toBe(holding.seq % 8 === 0 ? `NTB/${holding.issuedOn.slice(0, 4)}/${record.award}/${holding.seq}` : `NTB-${record.award}-${holding.issuedOn.slice(0, 4)}-${String(holding.seq).padStart(5, '0')}`);
    });
  });

  it('reads the population\'s levels as awards at their CQF level, with some higher diplomas at the top', () => {
    const cqf = { C1: 1, C2: 2, C3: 3, TVD: 4, HTVD: 5 };
    records.forEach((record, i) => {
      expect(record.cqfLevel).toBe(cqf[record.award]);
      expect(record.award).toBe(awardFor(holdings[i].holding));
      expect(Math.min(record.cqfLevel, 4)).toBe(holdings[i].holding.level);
    });
    expect(new Set(records.map((r) => r.award))).toEqual(new Set(['C1', 'C2', 'C3', 'TVD', 'HTVD']));
  });

  it('never lets a certificate expire: ACTIVE unless the holding was suspended or revoked', () => {
    records.forEach((record, i) => {
      const withdrawn = holdings[i].holding.status === 'SUSPENDED' || holdings[i].holding.status === 'REVOKED';
      expect(record.status).toBe(withdrawn ? 'WITHDRAWN' : 'ACTIVE');
    });
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['ACTIVE', 'WITHDRAWN']));
  });

  it('names holders in Khmer script and gives each citizen one Khmer identity card number', () => {
    const idByPerson = new Map<string, string>();
    records.forEach((record, i) => {
      const { person } = holdings[i];
      expect(record.nameKh).toBe(person.fullNameNative);
      expect(record.nameKh).toMatch(/^[\u1780-\u17FF]+ [\u1780-\u17FF]+$/);
      if (person.nationality !== 'KHM') {
        expect(record.khmerId).toBeNull();
        return;
      }
      expect(record.khmerId).toMatch(/^\d{9}$/);
      expect(idByPerson.get(String(person.pid)) ?? record.khmerId).toBe(record.khmerId);
      idByPerson.set(String(person.pid), record.khmerId!);
    });
    expect(records.some((r) => r.passportNo === null)).toBe(true);
  });
});

describe('the simulated NTB API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const lookup = async (certificateNos: unknown) => {
    const response = await fetch(`${sim.url}/ntb/certificates/lookup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ certificateNos }) });
    return { status: response.status, body: (await response.json()) as { found?: NtbRecord[]; notFound?: string[] } };
  };
  const all = () => sim.simulator.store.all() as NtbRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(ntbSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"error":"not_found"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/ntb/certificates/${native.certificateNo}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/ntb/certificates/NTB-C1-2099-99999')).toEqual({ status: 404, retryAfter: null, body: { error: 'not_found' } });
  });

  it('looks up twenty numbers at once, listing the unknown ones, and refuses twenty-one', async () => {
    const numbers = all().slice(0, 19).map((r) => r.certificateNo);
    const twenty = await lookup([...numbers, 'NTB-C1-2099-99999']);
    expect(twenty.status).toBe(200);
    expect(twenty.body.found!.map((r) => r.certificateNo)).toEqual(numbers);
    expect(twenty.body.notFound).toEqual(['NTB-C1-2099-99999']);
    expect(await lookup([...numbers, 'NTB-C1-2099-99998', 'NTB-C1-2099-99999'])).toEqual({ status: 400, body: { error: 'bad_request', message: 'certificateNos: at most 20 numbers per request' } });
    expect((await lookup('NTB-C2-2024-00871')).status).toBe(400);
  });

  it('finds certificates by passport and nationality or by Khmer identity card, and wants one of them', async () => {
    const native = all().find((r) => r.passportNo !== null && r.khmerId !== null)!;
    const messy = `${native.passportNo!.slice(0, 3).toLowerCase()} ${native.passportNo!.slice(3)}`;
    const byPassport = await get(`/ntb/certificates?passportNo=${encodeURIComponent(messy)}&nationality=${native.nationality}`);
    expect((byPassport.body.found as NtbRecord[]).map((r) => r.certificateNo)).toContain(native.certificateNo);
    expect((await get(`/ntb/certificates?passportNo=${native.passportNo}&nationality=VNM`)).body).toEqual({ found: [] });
    const byKhmerId = await get(`/ntb/certificates?khmerId=${native.khmerId}`);
    expect((byKhmerId.body.found as NtbRecord[]).every((r) => r.khmerId === native.khmerId)).toBe(true);
    expect((byKhmerId.body.found as NtbRecord[]).map((r) => r.certificateNo)).toContain(native.certificateNo);
    const refusal = { status: 400, retryAfter: null, body: { error: 'bad_request', message: 'give passportNo and nationality (ISO alpha-3), or khmerId (9 digits)' } };
    expect(await get(`/ntb/certificates?passportNo=${native.passportNo}`)).toEqual(refusal);
    expect(await get('/ntb/certificates?khmerId=12345')).toEqual(refusal);
  });

  it('pages its search up to fifty at a time, filtered by CQF level, sector, status and ISO issue dates', async () => {
    const page = await get('/ntb/certificates/search?offset=10&limit=20');
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(all().length);
    expect((page.body.found as NtbRecord[]).map((r) => r.certificateNo)).toEqual(all().slice(10, 30).map((r) => r.certificateNo));
    expect(((await get('/ntb/certificates/search')).body.found as NtbRecord[]).length).toBe(Math.min(50, all().length));
    expect((await get('/ntb/certificates/search?limit=51')).status).toBe(400);
    expect((await get('/ntb/certificates/search?offset=-1')).status).toBe(400);
    expect((await get('/ntb/certificates/search?issuedFrom=15-07-2024')).status).toBe(400);

    const filtered = await get('/ntb/certificates/search?cqfLevel=2&status=ACTIVE&issuedFrom=2024-01-01&issuedTo=2025-12-31&limit=50');
    const expected = all().filter((r) => r.cqfLevel === 2 && r.status === 'ACTIVE' && r.issuedDate >= '2024-01-01' && r.issuedDate <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.total).toBe(expected.length);
    expect((filtered.body.found as NtbRecord[]).map((r) => r.certificateNo)).toEqual(expected.slice(0, 50).map((r) => r.certificateNo));

    const sector = all()[0].sector;
    expect((await get(`/ntb/certificates/search?sector=${sector}`)).body.total).toBe(all().filter((r) => r.sector === sector).length);
  });

  it('answers 429 {"error":"rate_limited"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/ntb/certificates/${all()[0].certificateNo}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { error: 'rate_limited' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
