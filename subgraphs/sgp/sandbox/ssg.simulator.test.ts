import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { ssgSimulator } from './ssg.simulator.js';
import { momSimulator } from './mom.simulator.js';
import { isSingaporeId } from '../singaporeId.js';
import type { SsgRecord } from '../ssg.native.js';

describe('SSG records from the synthetic population', () => {
  const population = defaultPopulation();
  const holdings = holdingsIn(population, 'SGP', 'CERT');
  // The population's records come first; a seeded sample of the whole specified space follows them.
  const records = ssgSimulator.records(population).slice(0, holdings.length);

  it('writes every WSQ credential held in Singapore with the holder\'s name, nationality and birth date', () => {
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record.holder).toMatchObject({ name: person.fullName.toUpperCase(), nationality: person.nationality, dateOfBirth: person.dateOfBirth });
      expect(record).toMatchObject({ issuedOn: holding.issuedOn, ssocCode: `${holding.occupation.isco}1`, revoked: holding.status === 'SUSPENDED' || holding.status === 'REVOKED' });
      expect(record.credentialId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });
    expect(new Set(records.map((r) => r.credentialId)).size).toBe(records.length);
    expect(new Set(records.map((r) => r.revoked))).toEqual(new Set([true, false]));
  });

  it('records citizens by NRIC without a passport, and foreigners by FIN with theirs, every number passing its checksum', () => {
    for (const { holder } of records) {
      expect(isSingaporeId(holder.idNumber)).toBe(true);
      if (holder.nationality === 'SGP') expect(holder).toMatchObject({ idType: 'NRIC', passportNo: null });
      else expect(holder.idType === 'FIN' && holder.passportNo !== null).toBe(true);
    }
    expect(new Set(records.map((r) => r.holder.idType))).toEqual(new Set(['NRIC', 'FIN']));
  });

  it('gives a foreigner the same FIN in SSG and MOM', () => {
    const finByPassport = new Map(momSimulator.records(population).map((pass) => [pass.passportNo, pass.fin]));
    const foreigners = records.filter((r) => r.holder.idType === 'FIN');
    expect(foreigners.length).toBeGreaterThan(0);
    for (const { holder } of foreigners) expect(finByPassport.get(holder.passportNo!)).toBe(holder.idNumber);
  });
});

describe('the simulated SSG API', () => {
  let sim: TestSimulator;
  const call = (path: string, body?: unknown) => (body === undefined ? sim.get(path) : sim.post(path, body));
  const all = () => sim.simulator.store.all() as SsgRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(ssgSimulator);
  });
  afterAll(() => sim.close());

  it('answers one credential by id, and 404 {"code":"CREDENTIAL_NOT_FOUND"} for an unknown one', async () => {
    const native = all()[3];
    expect(await call(`/v1/credentials/${native.credentialId}`)).toMatchObject({ status: 200, body: native });
    expect(await call('/v1/credentials/00000000-0000-4000-8000-000000000000')).toEqual({ status: 404, retryAfter: null, body: { code: 'CREDENTIAL_NOT_FOUND' } });
  });

  it('answers a query of up to 200 ids, leaving unknown ones out, and refuses 201', async () => {
    const ids = all().slice(0, 10).map((r) => r.credentialId);
    const padded = [...ids, ...Array.from({ length: 190 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)];
    const answer = await call('/v1/credentials/query', { credentialIds: padded });
    expect(answer.status).toBe(200);
    expect((answer.body.credentials as SsgRecord[]).map((r) => r.credentialId)).toEqual(ids);
    expect(await call('/v1/credentials/query', { credentialIds: [...padded, ids[0]] })).toEqual({ status: 400, retryAfter: null, body: { code: 'BATCH_TOO_LARGE', max: 200 } });
    expect((await call('/v1/credentials/query', { ids })).status).toBe(400);
  });

  it('finds credentials by passport with nationality, by FIN and by NRIC, and answers INVALID_ID for a malformed FIN', async () => {
    const foreign = all().find((r) => r.holder.idType === 'FIN')!;
    const messy = `${foreign.holder.passportNo!.slice(0, 2).toLowerCase()} ${foreign.holder.passportNo!.slice(2)}`;
    const byPassport = await call('/v1/credentials/by-holder', { idType: 'PASSPORT', idNumber: messy, nationality: foreign.holder.nationality });
    expect((byPassport.body.credentials as SsgRecord[]).map((r) => r.credentialId)).toContain(foreign.credentialId);
    expect(await call('/v1/credentials/by-holder', { idType: 'PASSPORT', idNumber: foreign.holder.passportNo })).toMatchObject({ status: 400, body: { code: 'INVALID_PARAMETER', parameter: 'nationality' } });

    const byFin = await call('/v1/credentials/by-holder', { idType: 'FIN', idNumber: foreign.holder.idNumber });
    expect((byFin.body.credentials as SsgRecord[]).every((r) => r.holder.idNumber === foreign.holder.idNumber)).toBe(true);
    const citizen = all().find((r) => r.holder.idType === 'NRIC')!;
    const byNric = await call('/v1/credentials/by-holder', { idType: 'NRIC', idNumber: citizen.holder.idNumber });
    expect((byNric.body.credentials as SsgRecord[]).map((r) => r.credentialId)).toContain(citizen.credentialId);

    expect(await call('/v1/credentials/by-holder', { idType: 'FIN', idNumber: 'G1234567A' })).toEqual({ status: 400, retryAfter: null, body: { code: 'INVALID_ID' } });
    expect(await call('/v1/credentials/by-holder', { idType: 'FIN', idNumber: 'S1234567D' })).toEqual({ status: 400, retryAfter: null, body: { code: 'INVALID_ID' } });
  });

  it('lists credentials by cursor, up to 500 a page, with no total, filtered by level, sector and ISO issue dates', async () => {
    const first = await call('/v1/credentials?limit=40');
    expect(first.body).not.toHaveProperty('total');
    expect((first.body.credentials as SsgRecord[]).map((r) => r.credentialId)).toEqual(all().slice(0, 40).map((r) => r.credentialId));
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await call(`/v1/credentials?limit=40&cursor=${cursor}`);
      seen.push(...(page.body.credentials as SsgRecord[]).map((r) => r.credentialId));
      cursor = page.body.nextCursor as string | null;
    }
    expect(seen).toEqual(all().map((r) => r.credentialId));
    expect((await call('/v1/credentials?limit=501')).status).toBe(400);
    expect((await call('/v1/credentials?cursor=nonsense')).status).toBe(400);
    expect((await call('/v1/credentials?issuedFrom=18/09/2024')).status).toBe(400);

    const built = await call('/v1/credentials?level=HIGHER_CERTIFICATE&frameworkSector=BUILT_ENVIRONMENT&issuedFrom=2023-01-01&limit=500');
    const expected = all().filter((r) => r.level === 'HIGHER_CERTIFICATE' && r.frameworkSector === 'BUILT_ENVIRONMENT' && r.issuedOn >= '2023-01-01');
    expect(expected.length).toBeGreaterThan(0);
    expect((built.body.credentials as SsgRecord[]).map((r) => r.credentialId)).toEqual(expected.map((r) => r.credentialId));
    expect(built.body.nextCursor).toBeNull();
  });

  it('answers 429 {"code":"THROTTLED"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await call(`/v1/credentials/${all()[0].credentialId}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { code: 'THROTTLED' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
