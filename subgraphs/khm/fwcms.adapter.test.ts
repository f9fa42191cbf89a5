import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { fwcmsArbitrary } from './sandbox/fwcms.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { fwcmsAdapter } from './fwcms.adapter.js';
import { fwcmsSimulator } from './sandbox/fwcms.simulator.js';
import { fwcmsProfile } from './profiles.js';
import type { FwcmsRecord } from './fwcms.native.js';

// The example record of subgraphs/khm/README.md, exactly as FWCMS sends it.
const EXAMPLE: FwcmsRecord = {
  workPermitNo: 'WP-2025-0012345',
  employmentCardNo: 'EC-2025-0012345',
  worker: { name: 'LI NA', passportNo: 'EG7654321', nationality: 'CHN', dateOfBirth: '1990-10-10' },
  employer: { name: 'Golden Garment (Cambodia) Co., Ltd.', registrationNo: '00012345' },
  quotaCategory: 'SKILLED',
  position: 'Sewing Line Supervisor',
  iscoCode: '3122',
  year: 2025,
  status: 'VALID',
};

const { connect, read, unreadable } = registryTestKit('KHM', 'fwcms');
const readFwcms = (native: FwcmsRecord) => read(fwcmsAdapter, native);

describe('reading a native record', () => {
  it('normalises the published example', () => {
    expect(readFwcms(EXAMPLE)).toMatchObject({
      __typename: 'KhmWorkPermit',
      id: 'KHM:PERMIT:WP-2025-0012345',
      country: 'KHM',
      registry: 'fwcms',
      nativeId: 'WP-2025-0012345',
      holderName: 'LI NA',
      holderNationality: 'CHN',
      holderDocumentNumber: 'EG7654321',
      holderDateOfBirth: '1990-10-10',
      permitClass: 'SKILLED',
      nativeType: 'SKILLED',
      status: 'ACTIVE',
      nativeStatus: 'VALID',
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      employer: { name: 'Golden Garment (Cambodia) Co., Ltd.', registrationNumber: '00012345' },
      occupation: { isco: '3122', national: '3122', scheme: 'ISCO-08', title: 'Sewing Line Supervisor' },
      sector: null,
      permitYear: 2025,
      employmentCardNo: 'EC-2025-0012345',
      quotaCategory: 'SKILLED',
      stale: false,
    });
  });

  it('derives the validity from the year alone: 1 January to 31 December', () => {
    expect(readFwcms({ ...EXAMPLE, year: 2024 })).toMatchObject({ validFrom: '2024-01-01', validUntil: '2024-12-31', permitYear: 2024 });
  });

  it.each([
    ['OFFICE', 'OTHER'],
    ['SKILLED', 'SKILLED'],
    ['UNSKILLED', 'LOWER_SKILLED'],
  ] as const)('classes quota category %s as %s and keeps it as the native type', (quotaCategory, permitClass) => {
    expect(readFwcms({ ...EXAMPLE, quotaCategory })).toMatchObject({ permitClass, nativeType: quotaCategory, quotaCategory });
  });

  it.each([
    ['APPLIED', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['CANCELLED', 'CANCELLED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(readFwcms({ ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readFwcms({ ...EXAMPLE, status: 'REVOKED' as never })).toThrow(/permit WP-2025-0012345: unknown status "REVOKED" \(expected one of APPLIED, VALID, EXPIRED, CANCELLED\)/);
    expect(() => readFwcms({ ...EXAMPLE, quotaCategory: 'EXPERT' as never })).toThrow(/unknown quotaCategory "EXPERT" \(expected one of OFFICE, SKILLED, UNSKILLED\)/);
    expect(() => readFwcms({ ...EXAMPLE, worker: { ...EXAMPLE.worker, nationality: 'Chinese' } })).toThrow(/worker.nationality: expected an ISO 3166-1 alpha-3 code, got "Chinese"/);
    expect(() => readFwcms({ ...EXAMPLE, worker: { ...EXAMPLE.worker, dateOfBirth: '10/10/1990' } })).toThrow(/worker.dateOfBirth: expected a date as YYYY-MM-DD/);
    expect(() => readFwcms({ ...EXAMPLE, year: '2025' as never })).toThrow(/year: expected a calendar year as a number, got "2025"/);
    expect(() => readFwcms({ ...EXAMPLE, year: 25 })).toThrow(unreadable(EXAMPLE.workPermitNo));
    expect(() => readFwcms({ ...EXAMPLE, worker: null as never })).toThrow(/expected a worker object/);
    expect(() => readFwcms({ ...EXAMPLE, iscoCode: '31-2' })).toThrow(unreadable(EXAMPLE.workPermitNo));
  });
});

describe('fwcmsAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a permit that was not asked for', async () => {
    fake.reply(200, { permits: [EXAMPLE] });
    await expect(connect(fwcmsAdapter, fake.url).fetchByIds(['WP-2025-0000001'])).rejects.toThrow('POST /fwcms/api/permits/batch returned "WP-2025-0012345", which was not among the 1 numbers asked');
  });

  it('refuses a 200 without a "permits" list', async () => {
    fake.reply(200, { found: [EXAMPLE] });
    await expect(connect(fwcmsAdapter, fake.url).findByHolder({ nationality: 'CHN', documentNumber: 'EG7654321', dateOfBirth: null })).rejects.toThrow(/GET \/fwcms\/api\/permits\?passportNo answered 200 without a "permits" list/);
  });

  it('turns a 400 into a protocol error that keeps the registry\'s words', async () => {
    fake.reply(400, { error: 'bad_request', message: 'give passportNo and nationality (ISO alpha-3)' });
    await expect(connect(fwcmsAdapter, fake.url).findByHolder({ nationality: 'CHN', documentNumber: 'EG7654321', dateOfBirth: null })).rejects.toThrow(/answered 400: .*give passportNo and nationality/);
  });

  it('serves the rest of a batch and of a holder answer beside a record it cannot read', async () => {
    const broken = { ...EXAMPLE, workPermitNo: 'WP-2025-0000002', status: 'REVOKED' };
    fake.reply(200, { permits: [EXAMPLE, broken] });
    const outcomes = await connect(fwcmsAdapter, fake.url).loadMany([EXAMPLE.workPermitNo, broken.workPermitNo]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([EXAMPLE.workPermitNo, unreadable(broken.workPermitNo)]);
    fake.reply(200, { permits: [EXAMPLE, broken] });
    const holder = await connect(fwcmsAdapter, fake.url).source.findByHolder({ nationality: 'CHN', documentNumber: 'EG7654321', dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.workPermitNo]);
    expect(holder.unreadable).toEqual([unreadable(broken.workPermitNo)]);
  });
});

describe('fwcmsAdapter against the simulated FWCMS', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as FwcmsRecord[];
  const adapter = () => connect(fwcmsAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(fwcmsSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to thirty permits in one call and leaves unknown numbers out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 29);
    const records = await adapter().fetchByIds([...known.map((r) => r.workPermitNo), 'WP-2099-9999999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.workPermitNo).sort());
    const first = records.get(known[0].workPermitNo)!;
    expect(first).toMatchObject({ holderName: known[0].worker.name, holderNationality: known[0].worker.nationality, validFrom: `${known[0].year}-01-01`, validUntil: `${known[0].year}-12-31`, permitYear: known[0].year, nativeStatus: known[0].status, employmentCardNo: known[0].employmentCardNo });
    expect((await sim.stats()).routes['POST /fwcms/api/permits/batch']).toBe(1);
  });

  it('needs ⌈N / 30⌉ batch calls for N permits through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 45).map((r) => r.workPermitNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(fwcmsProfile)!.route]).toBe(2);
  });

  it('round-trips every generated permit', async () => {
    const numbers = natives().map((r) => r.workPermitNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a foreign worker by passport and nationality, and nobody under another nationality', async () => {
    const native = natives()[0];
    const found = await adapter().findByHolder({ nationality: native.worker.nationality, documentNumber: native.worker.passportNo, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.workPermitNo);
    const elsewhere = native.worker.nationality === 'KOR' ? 'JPN' : 'KOR';
    expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: native.worker.passportNo, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not an FWCMS route', async () => {
    await expect(connect(fwcmsAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].workPermitNo])).rejects.toThrow(/answered 404/);
  });

  it('serves the published example once the registry holds it', async () => {
    await sim.upsert([EXAMPLE]);
    const found = await adapter().findByHolder({ nationality: 'CHN', documentNumber: 'EG7654321', dateOfBirth: null });
    expect(found.map((r) => [r.nativeId, (r as { validFrom?: string }).validFrom, (r as { validUntil?: string }).validUntil])).toEqual([['WP-2025-0012345', '2025-01-01', '2025-12-31']]);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect(unreadable).toEqual([]);
    expect(readable.sort()).toEqual(natives().map((r) => r.workPermitNo).sort());
  });
});

describeRegistryFaults({
  country: 'KHM',
  simulator: fwcmsSimulator,
  adapter: fwcmsAdapter,
  route: 'POST /fwcms/api/permits/batch',
  call: (adapter, records) => adapter.fetchByIds([records[0].workPermitNo]),
});

describe('generated permits across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('KHM', fwcmsAdapter, fwcmsArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('KHM', fwcmsAdapter, fwcmsSimulator, fwcmsArbitrary));
});
