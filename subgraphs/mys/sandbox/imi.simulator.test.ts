import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import vocabulary from '../imiVocabulary.json' with { type: 'json' };
import { currentTerm, imiSimulator } from './imi.simulator.js';
import type { ImiRecord } from '../imi.native.js';

// The shape of the specification's one example, `PLKS2024JHR0098812`, which the simulator follows.
const IMI_PASS_NO = /^[A-Z]{2,5}\d{4}[A-Z]{3}\d{7}$/;

describe('Immigration Department records from the synthetic population', () => {
  const population = defaultPopulation();
  const holdings = holdingsIn(population, 'MYS', 'PERMIT');
  // The population's records come first; a seeded sample of the whole specified space follows them.
  const records = imiSimulator.records(population).slice(0, holdings.length);

  it('writes every pass held in Malaysia with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    const nativeStatus = { PENDING: 'PENDING', ACTIVE: 'ACTIVE', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'BLACKLISTED' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        holder: { name: person.fullName.toUpperCase(), passportNo: person.passportNo, nationality: person.nationality, dateOfBirth: person.dateOfBirth },
        occupation: { masco: `${holding.occupation.isco}-01`, title: holding.occupation.ms },
        status: nativeStatus[holding.status],
      });
      expect(record.passNo).toMatch(IMI_PASS_NO);
      expect(record.passNo).toMatch(new RegExp(`^${record.passType.replace('-', '')}${holding.validFrom.slice(0, 4)}[A-Z]{3}${String(holding.seq).padStart(7, '0')}$`));
      expect(record.employer.ssmNo).toMatch(/^\d{12}$/);
      expect(record.holder.nationality).not.toBe('MYS');
    });
  });

  it('gives lower-skilled workers PLKS in a sector, skilled ones EP-III, professionals the professional passes', () => {
    const allowed = { LOWER_SKILLED: ['PLKS'], SKILLED: ['EP-III'], PROFESSIONAL: ['EP-I', 'EP-II', 'RP-T', 'PVP'] };
    records.forEach((record, i) => {
      expect(allowed[holdings[i].holding.permitClass]).toContain(record.passType);
      if (record.passType === 'PLKS') expect(Object.keys(vocabulary.sectors)).toContain(record.sector);
      else expect(record.sector).toBeNull();
    });
    expect(new Set(records.map((r) => r.passType))).toEqual(new Set(['PLKS', 'EP-III', 'EP-I', 'EP-II', 'RP-T', 'PVP']));
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['PENDING', 'ACTIVE', 'EXPIRED', 'CANCELLED', 'BLACKLISTED']));
  });

  it('shows PLKS and EP-III passes by their current twelve-month term; ACTIVE passes are in force today', () => {
    records.forEach((record, i) => {
      const { holding } = holdings[i];
      expect(record.expiryDate >= record.issueDate).toBe(true);
      if (record.passType === 'PLKS' || record.passType === 'EP-III') expect(record.expiryDate <= addDays(addMonths(record.issueDate, 12), -1)).toBe(true);
      else expect(record).toMatchObject({ issueDate: holding.validFrom, expiryDate: holding.validUntil });
      expect(record.expiryDate <= addDays(addMonths(record.issueDate, 60), -1)).toBe(true);
      if (record.status === 'ACTIVE') expect(record.issueDate <= SIMULATION_TODAY && SIMULATION_TODAY <= record.expiryDate).toBe(true);
      if (record.status === 'EXPIRED') expect(record.expiryDate < SIMULATION_TODAY).toBe(true);
    });
  });

  it('reads the latest term of a pass renewed every twelve months', () => {
    expect(currentTerm('2024-01-15', '2026-01-14', 12, '2025-06-01')).toEqual({ issueDate: '2025-01-15', expiryDate: '2026-01-14' });
    expect(currentTerm('2022-03-01', '2025-02-28', 12, '2026-11-01')).toEqual({ issueDate: '2024-03-01', expiryDate: '2025-02-28' });
    expect(currentTerm('2026-05-10', '2027-05-09', 12, '2026-11-01')).toEqual({ issueDate: '2026-05-10', expiryDate: '2027-05-09' });
  });
});

describe('the simulated Immigration Department API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, any> };
  };
  const batchGet = async (passNos: unknown) => {
    const response = await fetch(`${sim.url}/v2/passes:batchGet`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ passNos }) });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };
  const all = () => sim.simulator.store.all() as ImiRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(imiSimulator);
  });
  afterAll(() => sim.close());

  it('answers one pass by number, and 404 {"error":{"code":"NOT_FOUND"}} for an unknown one', async () => {
    const native = all()[2];
    expect(await get(`/v2/passes/${native.passNo}`)).toEqual({ status: 200, retryAfter: null, body: native });
    expect(await get('/v2/passes/PLKS2099JHR9999999')).toEqual({ status: 404, retryAfter: null, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('answers a batch of 25 with the missing numbers listed, and refuses 26', async () => {
    const numbers = all().slice(0, 24).map((r) => r.passNo);
    const ok = await batchGet([...numbers, 'PLKS2099JHR9999999']);
    expect(ok.status).toBe(200);
    expect((ok.body.passes as ImiRecord[]).map((r) => r.passNo)).toEqual(numbers);
    expect(ok.body.missing).toEqual(['PLKS2099JHR9999999']);
    expect(await batchGet([...numbers, 'PLKS2099JHR9999998', 'PLKS2099JHR9999999'])).toEqual({ status: 400, body: { error: { code: 'INVALID_ARGUMENT', message: 'passNos: at most 25 pass numbers per request' } } });
    expect((await batchGet('PLKS2024JHR0098812')).status).toBe(400);
  });

  it('finds passes by passport and nationality, and wants both', async () => {
    const native = all()[0];
    const found = await get(`/v2/passes?passportNo=${native.holder.passportNo.toLowerCase()}&nationality=${native.holder.nationality}`);
    expect((found.body.passes as ImiRecord[]).map((r) => r.passNo)).toContain(native.passNo);
    expect(await get(`/v2/passes?passportNo=${native.holder.passportNo}`)).toEqual({ status: 400, retryAfter: null, body: { error: { code: 'INVALID_ARGUMENT', message: 'passportNo and nationality (ISO alpha-3) are required' } } });
  });

  it('pages its search by token up to 500 at a time, filtered by pass type, sector, status, nationality and ISO issue dates', async () => {
    const seen: string[] = [];
    let token: string | null = '';
    do {
      const page = await get(`/v2/passes:search?pageSize=40&pageToken=${token}`);
      expect(page.body.totalSize).toBe(all().length);
      seen.push(...(page.body.passes as ImiRecord[]).map((r) => r.passNo));
      token = page.body.nextPageToken;
    } while (token !== null);
    expect(seen).toEqual(all().map((r) => r.passNo));
    expect(((await get('/v2/passes:search')).body.passes as ImiRecord[]).length).toBe(Math.min(100, all().length));
    for (const query of ['pageSize=501', 'pageSize=0', 'pageToken=nonsense', 'issuedFrom=02-05-2024']) {
      expect(await get(`/v2/passes:search?${query}`)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT' } } });
    }

    const expected = all().filter((r) => r.passType === 'PLKS' && r.sector === 'PEMBINAAN' && r.status === 'ACTIVE' && r.holder.nationality === 'IDN' && r.issueDate >= '2025-01-01' && r.issueDate <= '2026-12-31');
    expect(expected.length).toBeGreaterThan(0);
    const filtered = await get('/v2/passes:search?passType=PLKS&sector=PEMBINAAN&status=ACTIVE&nationality=IDN&issuedFrom=2025-01-01&issuedTo=2026-12-31&pageSize=500');
    expect(filtered.body).toMatchObject({ totalSize: expected.length, nextPageToken: null });
    expect((filtered.body.passes as ImiRecord[]).map((r) => r.passNo)).toEqual(expected.map((r) => r.passNo));
  });

  it('publishes changed passes since an ISO instant, and wants the instant', async () => {
    const since = new Date().toISOString();
    expect((await get(`/v2/changes?since=${since}`)).body).toEqual({ changes: [] });
    const native = all()[5];
    await sim.upsert([{ ...native, status: 'CANCELLED' }]);
    const changes = (await get(`/v2/changes?since=${encodeURIComponent(since)}`)).body.changes as Array<{ passNo: string; changedAt: string }>;
    expect(changes.map((c) => c.passNo)).toEqual([native.passNo]);
    expect(Date.parse(changes[0].changedAt)).toBeGreaterThanOrEqual(Date.parse(since));
    expect((await get(`/v2/passes/${native.passNo}`)).body.status).toBe('CANCELLED');
    for (const query of ['', '?since=yesterday']) expect(await get(`/v2/changes${query}`)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT' } } });
  });

  it('answers 429 {"error":{"code":"RATE_LIMITED"}} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/v2/passes/${all()[0].passNo}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { error: { code: 'RATE_LIMITED' } } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
