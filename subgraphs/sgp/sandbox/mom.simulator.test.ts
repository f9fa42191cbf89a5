import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths } from '../../../schema/dates/index.js';
import { momSimulator } from './mom.simulator.js';
import { isSingaporeId } from '../singaporeId.js';
import type { MomRecord } from '../mom.native.js';

describe('MOM records from the synthetic population', () => {
  const population = defaultPopulation();
  const holdings = holdingsIn(population, 'SGP', 'PERMIT');
  // The population's records come first; a seeded sample of the whole specified space follows them.
  const records = momSimulator.records(population).slice(0, holdings.length);

  it('writes every pass held in Singapore with the holder\'s passport, name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    const nativeStatus = { PENDING: 'IPA', ACTIVE: 'ISSUED', EXPIRED: 'EXPIRED', CANCELLED: 'CANCELLED', REVOKED: 'REVOKED' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ passportNo: person.passportNo, holderName: person.fullName.toUpperCase(), nationality: person.nationality, dateOfBirth: person.dateOfBirth, ssocCode: `${holding.occupation.isco}1`, status: nativeStatus[holding.status] });
      expect(record.passId).toBe(`WP-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(7, '0')}`);
      expect(isSingaporeId(record.fin) && record.fin[0] !== 'S' && record.fin[0] !== 'T').toBe(true);
    });
  });

  it('issues EP, PEP or ONEP to professionals, the S Pass to skilled and the Work Permit to lower-skilled workers', () => {
    const expected = { PROFESSIONAL: ['EP', 'PEP', 'ONEP'], SKILLED: ['SP'], LOWER_SKILLED: ['WP'] };
    records.forEach((record, i) => expect(expected[holdings[i].holding.permitClass]).toContain(record.passType));
    expect(new Set(records.map((r) => r.passType))).toEqual(new Set(['EP', 'PEP', 'ONEP', 'SP', 'WP']));
  });

  it('keeps EPs to three years and S Passes to two, ISSUED passes in force and EXPIRED ones ended', () => {
    for (const record of records) {
      if (record.passType === 'EP') expect(record.expiryDate <= addDays(addMonths(record.issueDate, 36), -1)).toBe(true);
      if (record.passType === 'SP') expect(record.expiryDate <= addDays(addMonths(record.issueDate, 24), -1)).toBe(true);
      if (record.status === 'ISSUED') expect(record.issueDate <= SIMULATION_TODAY && SIMULATION_TODAY <= record.expiryDate).toBe(true);
      if (record.status === 'EXPIRED') expect(record.expiryDate < SIMULATION_TODAY).toBe(true);
    }
  });

  it('dates an in-principle approval by its own 60-day window, open today', () => {
    const ipas = records.filter((r) => r.status === 'IPA');
    expect(ipas.length).toBeGreaterThan(0);
    for (const ipa of ipas) {
      expect(ipa.expiryDate).toBe(addDays(ipa.issueDate, 59));
      expect(ipa.issueDate <= SIMULATION_TODAY && SIMULATION_TODAY <= ipa.expiryDate).toBe(true);
    }
  });
});

describe('the simulated MOM API', () => {
  let sim: TestSimulator;
  const call = (path: string, body?: unknown) => (body === undefined ? sim.get(path) : sim.post(path, body));
  const all = () => sim.simulator.store.all() as MomRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(momSimulator);
  });
  afterAll(() => sim.close());

  it('answers an enquiry by FIN or by passport only with the date of birth', async () => {
    const native = all()[0];
    const byFin = await call('/workpass/v1/enquiry', { fin: native.fin, dateOfBirth: native.dateOfBirth });
    expect((byFin.body.passes as MomRecord[]).map((r) => r.passId)).toContain(native.passId);
    const byPassport = await call('/workpass/v1/enquiry', { passportNo: native.passportNo.toLowerCase(), nationality: native.nationality, dateOfBirth: native.dateOfBirth });
    expect((byPassport.body.passes as MomRecord[]).map((r) => r.passId)).toContain(native.passId);
    expect(await call('/workpass/v1/enquiry', { fin: native.fin, dateOfBirth: '1900-01-01' })).toMatchObject({ status: 200, body: { passes: [] } });
    expect(await call('/workpass/v1/enquiry', { fin: native.fin })).toEqual({ status: 400, retryAfter: null, body: { code: 'DOB_REQUIRED' } });
    expect(await call('/workpass/v1/enquiry', { passportNo: native.passportNo, nationality: native.nationality })).toEqual({ status: 400, retryAfter: null, body: { code: 'DOB_REQUIRED' } });
  });

  it('answers up to fifty enquiries in a batch, by index, and refuses 51', async () => {
    const enquiries = all().slice(0, 50).map((r) => ({ fin: r.fin, dateOfBirth: r.dateOfBirth }));
    const answer = await call('/workpass/v1/enquiry:batch', { enquiries });
    const results = answer.body.results as Array<{ index: number; passes: MomRecord[] }>;
    expect(results.map((r) => r.index)).toEqual(enquiries.map((_, i) => i));
    results.forEach((result, i) => expect(result.passes.map((p) => p.passId)).toContain(all()[i].passId));
    expect(await call('/workpass/v1/enquiry:batch', { enquiries: [...enquiries, enquiries[0]] })).toEqual({ status: 400, retryAfter: null, body: { code: 'BATCH_TOO_LARGE', max: 50 } });
    expect(await call('/workpass/v1/enquiry:batch', { enquiries: [enquiries[0], { fin: enquiries[1].fin }] })).toMatchObject({ status: 400, body: { code: 'DOB_REQUIRED', index: 1 } });
  });

  it('answers one pass by id, and 404 {"code":"PASS_NOT_FOUND"} for an unknown one', async () => {
    const native = all()[2];
    expect(await call(`/workpass/v1/passes/${native.passId}`)).toMatchObject({ status: 200, body: native });
    expect(await call('/workpass/v1/passes/WP-2099-9999999')).toEqual({ status: 404, retryAfter: null, body: { code: 'PASS_NOT_FOUND' } });
  });

  it('answers batchGet for up to fifty ids, leaving unknown ones out, and refuses 51', async () => {
    const ids = all().slice(0, 49).map((r) => r.passId);
    const answer = await call('/workpass/v1/passes:batchGet', { passIds: [...ids, 'WP-2099-9999999'] });
    expect((answer.body.passes as MomRecord[]).map((r) => r.passId)).toEqual(ids);
    expect(await call('/workpass/v1/passes:batchGet', { passIds: [...ids, 'WP-2099-9999998', 'WP-2099-9999999'] })).toEqual({ status: 400, retryAfter: null, body: { code: 'BATCH_TOO_LARGE', max: 50 } });
  });

  it('lists passes by cursor with a total, filtered by pass type, status, sector and ISO issue dates', async () => {
    const page = await call('/workpass/v1/passes?limit=100');
    expect(page.body.total).toBe(all().length);
    expect((page.body.passes as MomRecord[]).map((r) => r.passId)).toEqual(all().slice(0, 100).map((r) => r.passId));
    const next = await call(`/workpass/v1/passes?limit=100&cursor=${page.body.nextCursor as string}`);
    expect((next.body.passes as MomRecord[]).map((r) => r.passId)).toEqual(all().slice(100, 200).map((r) => r.passId));
    expect((await call('/workpass/v1/passes?limit=501')).status).toBe(400);
    expect((await call('/workpass/v1/passes?issuedTo=2026')).status).toBe(400);

    const filtered = await call('/workpass/v1/passes?passType=WP&status=ISSUED&sector=CONSTRUCTION&issuedFrom=2025-01-01&issuedTo=2026-12-31');
    const expected = all().filter((r) => r.passType === 'WP' && r.status === 'ISSUED' && r.sector === 'CONSTRUCTION' && r.issueDate >= '2025-01-01' && r.issueDate <= '2026-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.total).toBe(expected.length);
    expect((filtered.body.passes as MomRecord[]).map((r) => r.passId)).toEqual(expected.map((r) => r.passId));
  });

  it('publishes changes since an instant, and wants a valid one', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const native = all()[5];
    await sim.upsert([{ ...native, status: 'CANCELLED' }]);
    const feed = await call(`/workpass/v1/changes?since=${encodeURIComponent(since)}`);
    expect(feed.status).toBe(200);
    expect(feed.body.changes).toEqual([{ passId: native.passId, at: expect.any(String) }]);
    expect((await call('/workpass/v1/changes')).status).toBe(400);
    expect((await call('/workpass/v1/changes?since=yesterday')).status).toBe(400);
  });

  it('answers 429 {"code":"THROTTLED"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await call(`/workpass/v1/passes/${all()[0].passId}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { code: 'THROTTLED' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
