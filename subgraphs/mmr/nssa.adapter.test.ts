import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { nssaArbitrary } from './sandbox/nssa.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { nssaAdapter } from './nssa.adapter.js';
import { nssaSimulator } from './sandbox/nssa.simulator.js';
import { nssaProfile } from './profiles.js';
import type { NssaRecord } from './nssa.native.js';

// The example record of subgraphs/mmr/README.md, exactly as NSSA sends it.
const EXAMPLE: NssaRecord = {
  certNo: 'NSSA-2-2023-04567',
  nameMy: 'အောင်ကိုကို',
  nameEn: 'AUNG KO KO',
  nrc: '12/DAGANA(N)123456',
  passportNo: 'MC123456',
  dateOfBirth: '1996-04-22',
  occupation: 'Electronics Assembler',
  iscoCode: '8212',
  level: 2,
  assessmentCentre: 'Yangon Industrial Training Centre',
  issueDate: '2023-09-12',
  expiryDate: '2026-09-11',
  status: 'VALID',
};

const { connect, read, unreadable, registryError } = registryTestKit('MMR', 'nssa');
const readNssa = (native: NssaRecord) => read(nssaAdapter, native);

describe('reading a native record', () => {
  it('normalises the published example', () => {
    const record = readNssa(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'MmrCertification',
      id: 'MMR:CERT:NSSA-2-2023-04567',
      country: 'MMR',
      registry: 'nssa',
      nativeId: 'NSSA-2-2023-04567',
      holderName: 'AUNG KO KO',
      holderNationality: 'MMR',
      holderDocumentNumber: 'MC123456',
      holderDateOfBirth: '1996-04-22',
      title: 'Electronics Assembler',
      qualificationCode: null,
      nationalLevel: '2',
      aqrfLevel: 2,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '8212', national: '8212', scheme: 'ISCO-08', title: 'Electronics Assembler' },
      issuer: { name: 'National Skills Standards Authority', registrationNumber: null },
      issuedOn: '2023-09-12',
      validUntil: '2026-09-11',
      status: 'VALID',
      nativeStatus: 'VALID',
      nameMy: 'အောင်ကိုကို',
      nssaLevel: 2,
      levelName: 'Skilled',
      assessmentCentre: 'Yangon Industrial Training Centre',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: NSSA level N read as AQRF level N/);
    // The NRC is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('DAGANA');
  });

  it.each([
    [1, 'Semi-skilled'],
    [3, 'Advanced skilled'],
    [4, 'Supervisory'],
  ] as const)('reads NSSA level %i as indicative AQRF level %i (%s)', (level, name) => {
    expect(readNssa({ ...EXAMPLE, level })).toMatchObject({ nationalLevel: String(level), aqrfLevel: level, aqrfBasis: 'INDICATIVE', nssaLevel: level, levelName: name });
  });

  it.each([
    ['EXPIRED', 'EXPIRED'],
    ['CANCELLED', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the native word', (native, shared) => {
    expect(readNssa({ ...EXAMPLE, status: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('keeps a holder without a passport, with no document number', () => {
    expect(readNssa({ ...EXAMPLE, passportNo: null })).toMatchObject({ holderDocumentNumber: null, holderNationality: 'MMR' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readNssa({ ...EXAMPLE, status: 'SUSPENDED' as never })).toThrow(/certificate NSSA-2-2023-04567: unknown status "SUSPENDED" \(expected one of VALID, EXPIRED, CANCELLED\)/);
    expect(() => readNssa({ ...EXAMPLE, level: 5 })).toThrow(/unknown level "5"/);
    expect(() => readNssa({ ...EXAMPLE, issueDate: '12-09-2023' })).toThrow(/issueDate: expected a date as YYYY-MM-DD, got "12-09-2023"/);
    expect(() => readNssa({ ...EXAMPLE, iscoCode: '82-1' })).toThrow(unreadable(EXAMPLE.certNo));
  });

  it('does not call NSSA about people who are not Myanmar nationals', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(connect(nssaAdapter, 'http://127.0.0.1:9').findByHolder({ nationality: 'JPN', documentNumber: 'MC123456', dateOfBirth: null })).resolves.toEqual([]);
  });
});

describe('nssaAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a batch answer holding a certificate that was not asked for', async () => {
    fake.reply(200, { records: [EXAMPLE] });
    await expect(connect(nssaAdapter, fake.url).fetchByIds(['NSSA-1-2024-00001'])).rejects.toThrow('POST /nssa/v1/certificates/batch returned "NSSA-2-2023-04567", which was not among the 1 numbers asked');
  });

  it('refuses a 200 without a "records" list', async () => {
    fake.reply(200, { data: [] });
    await expect(connect(nssaAdapter, fake.url).fetchByIds(['NSSA-2-2023-04567'])).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR'));
  });

  it('serves the rest of a batch and of a holder answer beside a record it cannot read', async () => {
    const broken = { ...EXAMPLE, certNo: 'NSSA-1-2024-00002', level: 7 };
    fake.reply(200, { records: [EXAMPLE, broken] });
    const outcomes = await connect(nssaAdapter, fake.url).loadMany([EXAMPLE.certNo, broken.certNo]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([EXAMPLE.certNo, unreadable(broken.certNo)]);
    fake.reply(200, { records: [EXAMPLE, broken] });
    const holder = await connect(nssaAdapter, fake.url).source.findByHolder({ nationality: 'MMR', documentNumber: 'MC123456', dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.certNo]);
    expect(holder.unreadable).toEqual([unreadable(broken.certNo)]);
  });
});

describe('nssaAdapter against the simulated NSSA', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as NssaRecord[];
  const adapter = () => connect(nssaAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(nssaSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to ten certificates in one call and leaves unknown numbers out', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 9);
    const records = await adapter().fetchByIds([...known.map((r) => r.certNo), 'NSSA-1-2099-99999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.certNo).sort());
    const first = records.get(known[0].certNo)!;
    expect(first).toMatchObject({ holderName: known[0].nameEn, nameMy: known[0].nameMy, holderDateOfBirth: known[0].dateOfBirth, issuedOn: known[0].issueDate, nationalLevel: String(known[0].level), nativeStatus: known[0].status });
    expect((await sim.stats()).routes['POST /nssa/v1/certificates/batch']).toBe(1);
  });

  it('needs ⌈N / 10⌉ batch calls for N certificates through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 25).map((r) => r.certNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(nssaProfile)!.route]).toBe(3);
  });

  it('finds a Myanmar holder by passport', async () => {
    const holder = natives().find((r) => r.passportNo !== null)!;
    const found = await adapter().findByHolder({ nationality: 'MMR', documentNumber: holder.passportNo!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.certNo);
    expect(found.every((r) => r.holderDocumentNumber === holder.passportNo && r.holderNationality === 'MMR')).toBe(true);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, certNo: 'NSSA-2-2023-99998', dateOfBirth: '22/04/1996' }]);
    await expect(adapter().fetchByIds(['NSSA-2-2023-99998'])).rejects.toThrow(/certificate NSSA-2-2023-99998: dateOfBirth: expected a date as YYYY-MM-DD/);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect([...readable, ...unreadable].sort()).toEqual(natives().map((r) => r.certNo).sort());
  });
});

// NSSA's hangs (1% of calls) end at the client's timeout: the shared suite's hang case is that quirk.
describeRegistryFaults({
  country: 'MMR',
  simulator: nssaSimulator,
  adapter: nssaAdapter,
  route: 'POST /nssa/v1/certificates/batch',
  call: (adapter, records) => adapter.fetchByIds([records[0].certNo]),
});

describe('generated certificates across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('MMR', nssaAdapter, nssaArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('MMR', nssaAdapter, nssaSimulator, nssaArbitrary));
});
