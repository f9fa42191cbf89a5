import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CountryRequest, matchesIdentity } from '../kit/countryContext.js';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { doeArbitrary } from './sandbox/doe.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../sandbox/population/population.js';
import { dsdAdapter } from './dsd.adapter.js';
import { doeAdapter } from './doe.adapter.js';
import { doeSimulator } from './sandbox/doe.simulator.js';
import { doeProfile } from './profiles.js';
import type { DoeRecord } from './doe.native.js';

// The example record of subgraphs/tha/README.md, exactly as the DOE e-Work Permit sends it.
const EXAMPLE: DoeRecord = {
  permit_no: 'WP67-1000-0123456',
  worker_type: 'MOU',
  name_en: 'AUNG SAN TUN',
  doc_type: 'CI',
  doc_no: 'MD456789',
  nationality: 'MM',
  birth_date: '2535-06-12',
  employer: { name_th: 'บริษัท อาหารทะเลสยาม จำกัด', tax_id: '0105556012345' },
  province: 'สมุทรสาคร',
  occupation_code: '9329',
  issue_date: '2567-03-01',
  expire_date: '2569-02-28',
  status: 'ACTIVE',
};

const { connect, read, unreadable, registryError } = registryTestKit('THA', 'doe');
const readDoe = (native: DoeRecord) => read(doeAdapter, native);

describe('reading a DOE permit', () => {
  it('normalises the published example', () => {
    expect(readDoe(EXAMPLE)).toMatchObject({
      __typename: 'ThaWorkPermit',
      id: 'THA:PERMIT:WP67-1000-0123456',
      country: 'THA',
      registry: 'doe',
      nativeId: 'WP67-1000-0123456',
      holderName: 'AUNG SAN TUN',
      holderNationality: 'MMR',
      holderDocumentNumber: 'MD456789',
      holderDateOfBirth: '1992-06-12',
      permitClass: 'LOWER_SKILLED',
      nativeType: 'MOU',
      status: 'ACTIVE',
      nativeStatus: 'ACTIVE',
      validFrom: '2024-03-01',
      validUntil: '2026-02-28',
      employer: { name: 'บริษัท อาหารทะเลสยาม จำกัด', registrationNumber: '0105556012345' },
      occupation: { isco: '9329', national: '9329', scheme: 'TSCO', title: null },
      sector: null,
      workerType: 'MOU',
      documentType: 'CI',
      province: 'สมุทรสาคร',
      stale: false,
    });
  });

  it.each([
    ['GENERAL', 'LOWER_SKILLED'],
    ['MOU', 'LOWER_SKILLED'],
    ['BOI', 'SKILLED'],
    ['BORDER', 'LOWER_SKILLED'],
    ['MINORITY', 'OTHER'],
  ] as const)('classes worker type %s as %s and keeps the native type', (workerType, permitClass) => {
    expect(readDoe({ ...EXAMPLE, worker_type: workerType })).toMatchObject({ permitClass, nativeType: workerType, workerType });
  });

  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(readDoe({ ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('keeps a passport holder\'s document type', () => {
    expect(readDoe({ ...EXAMPLE, doc_type: 'PASSPORT', doc_no: 'mc 123-456' })).toMatchObject({ documentType: 'PASSPORT', holderDocumentNumber: 'MC123456' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readDoe({ ...EXAMPLE, status: 'CANCELLED' as never })).toThrow(/permit WP67-1000-0123456: unknown status "CANCELLED" \(expected one of PENDING, ACTIVE, EXPIRED, REVOKED\)/);
    expect(() => readDoe({ ...EXAMPLE, worker_type: 'SEASONAL' as never })).toThrow(/unknown worker_type "SEASONAL" \(expected one of GENERAL, MOU, BOI, BORDER, MINORITY\)/);
    expect(() => readDoe({ ...EXAMPLE, doc_type: 'BORDER_PASS' as never })).toThrow(/unknown doc_type "BORDER_PASS" \(expected one of PASSPORT, CI\)/);
    expect(() => readDoe({ ...EXAMPLE, nationality: 'MMR' })).toThrow(/nationality: expected an ISO 3166-1 alpha-2 code, got "MMR"/);
    expect(() => readDoe({ ...EXAMPLE, issue_date: '01/03/2567' })).toThrow(/issue_date: expected a date as BBBB-MM-DD, got "01\/03\/2567"/);
    expect(() => readDoe({ ...EXAMPLE, occupation_code: '93' })).toThrow(unreadable(EXAMPLE.permit_no));
  });
});

describe('doeAdapter against a registry that answers what the test says', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a permit that was not asked for', async () => {
    fake.reply(200, { permits: [EXAMPLE], not_found: [] });
    await expect(connect(doeAdapter, fake.url).fetchByIds(['WP67-1000-0000001'])).rejects.toThrow(/POST \/ewp\/v1\/permits\/batch returned "WP67-1000-0123456", which was not among the 1 numbers asked/);
  });

  it('refuses a batch answer that leaves a number unaccounted for', async () => {
    fake.reply(200, { permits: [EXAMPLE], not_found: [] });
    await expect(connect(doeAdapter, fake.url).fetchByIds(['WP67-1000-0123456', 'WP67-1000-0000002'])).rejects.toThrow('POST /ewp/v1/permits/batch returned 1 records for 2 numbers and did not list 1 of them as not found');
  });

  it('refuses a batch answer without a not_found list, and a 400', async () => {
    fake.reply(200, { permits: [EXAMPLE] });
    await expect(connect(doeAdapter, fake.url).fetchByIds(['WP67-1000-0123456'])).rejects.toThrow(/answered 200 without a "not_found" list/);
    fake.reply(400, { code: 'E400', message: 'permit_nos: at most 100 numbers per request' });
    await expect(connect(doeAdapter, fake.url).fetchByIds(['WP67-1000-0123456'])).rejects.toThrow(/POST \/ewp\/v1\/permits\/batch answered 400: .*E400/);
  });

  it('lets identity matching accept the passport a CI-held permit was found by, and nothing else', async () => {
    fake.reply(200, { permits: [EXAMPLE] });
    const [record] = await connect(doeAdapter, fake.url).findByHolder({ nationality: 'MMR', documentNumber: 'MA1234567', dateOfBirth: null });
    expect(record).toMatchObject({ holderDocumentNumber: 'MD456789', holderOtherDocumentNumbers: ['MA1234567'] });
    const identity = { nationality: 'MMR', documentNumber: 'MA1234567', dateOfBirth: '1992-06-12' };
    expect(matchesIdentity(record, identity)).toBe(true);
    expect(matchesIdentity(record, { ...identity, documentNumber: 'MD456789' })).toBe(true);
    expect(matchesIdentity(record, { ...identity, documentNumber: 'MA7654321' })).toBe(false);
    expect(matchesIdentity(readDoe(EXAMPLE), identity)).toBe(false);
    expect(fake.asked.slice(-2).map((path) => new URLSearchParams(path.split('?')[1]).get('doc_type')).sort()).toEqual(['CI', 'PASSPORT']);
  });
  it('serves the rest of a batch and of a holder answer beside a permit it cannot read', async () => {
    const broken = { ...EXAMPLE, permit_no: 'WP67-1000-0000003', worker_type: 'SEASONAL' };
    fake.reply(200, { permits: [EXAMPLE, broken], not_found: [] });
    const outcomes = await connect(doeAdapter, fake.url).loadMany([EXAMPLE.permit_no, broken.permit_no]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([EXAMPLE.permit_no, unreadable(broken.permit_no)]);
    fake.reply(200, { permits: [EXAMPLE, broken] });
    const holder = await connect(doeAdapter, fake.url).source.findByHolder({ nationality: 'MMR', documentNumber: 'MD456789', dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.permit_no]);
    expect(holder.unreadable).toEqual([unreadable(broken.permit_no)]);
  });

  it('does not ask about a nationality ISO gives no alpha-2 code', async () => {
    const before = fake.asked.length;
    await expect(connect(doeAdapter, fake.url).findByHolder({ nationality: 'XXK', documentNumber: 'MD456789', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXK' }));
    expect(fake.asked.length).toBe(before);
  });
});

describe('doeAdapter against the simulated DOE e-Work Permit', () => {
  let sim: TestSimulator;
  const adapter = () => connect(doeAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as DoeRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(doeSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to 100 permits in one call and leaves unknown numbers out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 99);
    const records = await adapter().fetchByIds([...known.map((r) => r.permit_no), 'WP99-1000-9999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.permit_no).sort());
    expect(records.get(known[0].permit_no)).toMatchObject({ holderName: known[0].name_en, holderDocumentNumber: known[0].doc_no, documentType: known[0].doc_type, workerType: known[0].worker_type, nativeStatus: known[0].status, province: known[0].province });
    expect((await sim.stats()).routes['POST /ewp/v1/permits/batch']).toBe(1);
  });

  it('needs ⌈N / 100⌉ batch calls for N permits through the kit, and reads every generated permit', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.permit_no);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(doeProfile)!.route]).toBe(Math.ceil(numbers.length / 100));
  });

  it('finds a CI holder\'s permit by the CI and by the passport, asking under both document types', async () => {
    const native = natives().find((r) => r.doc_type === 'CI')!;
    await sim.resetStats();
    const byCi = await adapter().findByHolder({ nationality: 'MMR', documentNumber: native.doc_no, dateOfBirth: null });
    expect(byCi.map((r) => r.nativeId)).toContain(native.permit_no);
    expect((await sim.stats()).routes['GET /ewp/v1/permits']).toBe(2);

    // The registry links the worker's passport to the permit as well: the population knows which passport that is.
    const { person } = holdingsIn(defaultPopulation(), 'THA', 'PERMIT').find(({ holding }) => holding.seq === Number(native.permit_no.slice(-7)))!;
    const passportNo = person.passportNo!;
    expect(passportNo).not.toBe(native.doc_no);
    const byPassport = await adapter().findByHolder({ nationality: 'MMR', documentNumber: passportNo, dateOfBirth: null });
    expect(byPassport.map((r) => r.nativeId)).toContain(native.permit_no);
    expect(byPassport.find((r) => r.nativeId === native.permit_no)).toMatchObject({ documentType: 'CI', holderDocumentNumber: native.doc_no, holderOtherDocumentNumbers: [passportNo] });
    // Found by the CI it names, the permit needs no other document; fetched by number, the registry links none.
    expect(byCi.find((r) => r.nativeId === native.permit_no)!.holderOtherDocumentNumbers).toBeUndefined();
    expect((await adapter().fetchByIds([native.permit_no])).get(native.permit_no)!.holderOtherDocumentNumbers).toBeUndefined();
  });

  it('has the kit locate a permit recorded under the CI by the worker\'s passport, and only for that worker', async () => {
    const native = natives().find((r) => r.doc_type === 'CI' && r.nationality === 'MM')!;
    const { person } = holdingsIn(defaultPopulation(), 'THA', 'PERMIT').find(({ holding }) => holding.seq === Number(native.permit_no.slice(-7)))!;
    const passport = { nationality: 'MMR', documentNumber: person.passportNo!, dateOfBirth: person.dateOfBirth };
    // DSD is not running here: its failure comes back beside the permits, which is all this test needs of it.
    const request = () => new CountryRequest('THA', { CERT: registryTestKit('THA', 'dsd').connect(dsdAdapter, 'http://127.0.0.1:9').source, PERMIT: adapter().source });

    const [byPassport] = await request().locate([passport]);
    expect(byPassport.permitIds).toContain(`THA:PERMIT:${native.permit_no}`);
    expect(byPassport.failures.map((f) => f.registry)).toEqual(['dsd']);
    const [byCi] = await request().locate([{ ...passport, documentNumber: native.doc_no }]);
    expect(byCi.permitIds).toContain(`THA:PERMIT:${native.permit_no}`);
    // The link never widens the match: another birth date is another person.
    const [stranger] = await request().locate([{ ...passport, dateOfBirth: '1900-01-01' }]);
    expect(stranger.permitIds).not.toContain(`THA:PERMIT:${native.permit_no}`);
  });

  it('finds a passport holder, and nobody under another nationality', async () => {
    const native = natives().find((r) => r.doc_type === 'PASSPORT' && r.nationality === 'KH')!;
    expect((await adapter().findByHolder({ nationality: 'KHM', documentNumber: native.doc_no, dateOfBirth: null })).map((r) => r.nativeId)).toContain(native.permit_no);
    expect(await adapter().findByHolder({ nationality: 'LAO', documentNumber: native.doc_no, dateOfBirth: null })).toEqual([]);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect(unreadable).toEqual([]);
    expect(readable.sort()).toEqual(natives().map((r) => r.permit_no).sort());
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, permit_no: 'WP67-1000-9999998', status: 'CANCELLED' }]);
    await expect(adapter().fetchByIds(['WP67-1000-9999998'])).rejects.toThrow(/permit WP67-1000-9999998: unknown status "CANCELLED"/);
  });
});

describeRegistryFaults({
  country: 'THA',
  simulator: doeSimulator,
  adapter: doeAdapter,
  route: 'POST /ewp/v1/permits/batch',
  call: (adapter, records) => adapter.fetchByIds([records[0].permit_no]),
});

describe('generated permits across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('THA', doeAdapter, doeArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('THA', doeAdapter, doeSimulator, doeArbitrary));
});
