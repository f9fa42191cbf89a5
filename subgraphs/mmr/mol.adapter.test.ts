import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { molArbitrary } from './sandbox/mol.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { molAdapter } from './mol.adapter.js';
import { molSimulator } from './sandbox/mol.simulator.js';
import type { MolRecord } from './mol.native.js';

// The example record of subgraphs/mmr/README.md, exactly as the Ministry of Labour sends it.
const EXAMPLE: MolRecord = {
  permitNo: 'MOL-FE-2024-001122',
  channel: 'SEZ',
  name: 'SATO KENJI',
  passportNo: 'TR9876543',
  nationality: 'JPN',
  dateOfBirth: '1975-12-01',
  position: 'Quality Manager',
  iscoCode: '1321',
  employer: 'Thilawa Auto Parts Co., Ltd.',
  issueDate: '2024-04-01',
  expiryDate: '2025-03-31',
  status: 'VALID',
};

const { connect, read, unreadable, registryError } = registryTestKit('MMR', 'mol');
const readMol = (native: MolRecord) => read(molAdapter, native);

describe('reading a native record', () => {
  it('normalises the published example', () => {
    const record = readMol(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'MmrWorkPermit',
      id: 'MMR:PERMIT:MOL-FE-2024-001122',
      country: 'MMR',
      registry: 'mol',
      nativeId: 'MOL-FE-2024-001122',
      holderName: 'SATO KENJI',
      holderNationality: 'JPN',
      holderDocumentNumber: 'TR9876543',
      holderDateOfBirth: '1975-12-01',
      permitClass: 'PROFESSIONAL',
      nativeType: 'SEZ',
      status: 'ACTIVE',
      nativeStatus: 'VALID',
      validFrom: '2024-04-01',
      validUntil: '2025-03-31',
      employer: { name: 'Thilawa Auto Parts Co., Ltd.', registrationNumber: null },
      occupation: { isco: '1321', national: '1321', scheme: 'ISCO-08', title: 'Quality Manager' },
      sector: null,
      channel: 'SEZ',
    });
    expect(record.permitClassDerivation).toBe('PROFESSIONAL from ISCO-08 major group 1 of the position (1321); the SEZ channel names the approving authority, not the kind of work.');
  });

  it.each([
    ['2512', 'PROFESSIONAL'],
    ['3122', 'SKILLED'],
    ['7212', 'OTHER'],
    ['9313', 'OTHER'],
    ['0110', 'OTHER'],
  ] as const)('classes a post coded %s as %s, whatever the channel', (iscoCode, permitClass) => {
    for (const channel of ['MOL', 'MIC', 'SEZ'] as const) {
      expect(readMol({ ...EXAMPLE, iscoCode, channel })).toMatchObject({ permitClass, nativeType: channel, channel });
    }
  });

  it.each([
    ['PENDING', 'PENDING'],
    ['EXPIRED', 'EXPIRED'],
    ['REVOKED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(readMol({ ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readMol({ ...EXAMPLE, status: 'CANCELLED' as never })).toThrow(/permit MOL-FE-2024-001122: unknown status "CANCELLED" \(expected one of PENDING, VALID, EXPIRED, REVOKED\)/);
    expect(() => readMol({ ...EXAMPLE, channel: 'BOI' as never })).toThrow(/unknown channel "BOI" \(expected one of MOL, MIC, SEZ\)/);
    expect(() => readMol({ ...EXAMPLE, nationality: 'JAPANESE' })).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "JAPANESE"/);
    expect(() => readMol({ ...EXAMPLE, iscoCode: 'X13' })).toThrow(unreadable(EXAMPLE.permitNo));
    expect(() => readMol({ ...EXAMPLE, expiryDate: '03/31/2025' })).toThrow(/expiryDate: expected a date as YYYY-MM-DD/);
  });
});

describe('molAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses an answer for another permit than the one asked', async () => {
    fake.reply(200, EXAMPLE);
    await expect(connect(molAdapter, fake.url).fetchByIds(['MOL-FE-2024-000001'])).rejects.toThrow('GET /mol/permits/{permitNo} asked for MOL-FE-2024-000001 and answered permit "MOL-FE-2024-001122"');
    expect(fake.asked.at(-1)).toBe('/mol/permits/MOL-FE-2024-000001');
  });

  it('refuses a 404 that is not the registry\'s NOT_FOUND, and a 200 search without a "records" list', async () => {
    fake.reply(404, { error: 'not found' });
    await expect(connect(molAdapter, fake.url).fetchByIds(['MOL-FE-2024-001122'])).rejects.toThrow(/answered 404 without \{"status":"NOT_FOUND"\}/);
    fake.reply(200, { permits: [EXAMPLE] });
    await expect(connect(molAdapter, fake.url).findByHolder({ nationality: 'JPN', documentNumber: 'TR9876543', dateOfBirth: null })).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR'));
  });

  it('serves a holder\'s readable permits beside the one it cannot read', async () => {
    const broken = { ...EXAMPLE, permitNo: 'MOL-FE-2024-000002', channel: 'BOI' };
    fake.reply(200, { records: [EXAMPLE, broken] });
    const holder = await connect(molAdapter, fake.url).source.findByHolder({ nationality: 'JPN', documentNumber: EXAMPLE.passportNo, dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.permitNo]);
    expect(holder.unreadable).toEqual([unreadable(broken.permitNo)]);
  });
});

describe('molAdapter against the simulated Ministry of Labour', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as MolRecord[];
  const adapter = () => connect(molAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(molSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one permit per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.permitNo]);
    expect(found.get(native.permitNo)).toMatchObject({ holderName: native.name, holderNationality: native.nationality, validFrom: native.issueDate, validUntil: native.expiryDate, nativeStatus: native.status, channel: native.channel });
    expect((await adapter().fetchByIds(['MOL-FE-2099-999999'])).size).toBe(0);
  });

  it('makes one call per permit through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 5).map((r) => r.permitNo);
    const loaded = await adapter().loadMany([...numbers, numbers[0]]);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual([...numbers, numbers[0]]);
    expect((await sim.stats()).routes['GET /mol/permits/{permitNo}']).toBe(5);
  });

  it('round-trips every generated permit', async () => {
    const numbers = natives().map((r) => r.permitNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a foreign worker by passport and nationality, and nobody under another nationality', async () => {
    const native = natives()[0];
    const found = await adapter().findByHolder({ nationality: native.nationality, documentNumber: native.passportNo, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.permitNo);
    const elsewhere = native.nationality === 'KOR' ? 'JPN' : 'KOR';
    expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: native.passportNo, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not the registry\'s NOT_FOUND', async () => {
    await expect(connect(molAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].permitNo])).rejects.toThrow(/answered 404 without \{"status":"NOT_FOUND"\}/);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect([...readable, ...unreadable].sort()).toEqual(natives().map((r) => r.permitNo).sort());
  });

  it('serves the permits it can read beside one it cannot, each number on its own', async () => {
    await sim.upsert([{ ...EXAMPLE, permitNo: 'MOL-FE-2024-999997', status: 'CANCELLED' }]);
    const good = natives().slice(0, 2).map((r) => r.permitNo);
    const outcomes = await adapter().loadMany([good[0], 'MOL-FE-2024-999997', good[1]]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([good[0], unreadable('MOL-FE-2024-999997'), good[1]]);
  });
});

describeRegistryFaults({
  country: 'MMR',
  simulator: molSimulator,
  adapter: molAdapter,
  route: 'GET /mol/permits/{permitNo}',
  call: (adapter, records) => adapter.fetchByIds([records[0].permitNo]),
});

describe('generated permits across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('MMR', molAdapter, molArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('MMR', molAdapter, molSimulator, molArbitrary));
});
