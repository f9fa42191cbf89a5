import { batchEndpoint } from '../kit/adapter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { ntbArbitrary } from './sandbox/ntb.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { ntbAdapter } from './ntb.adapter.js';
import { ntbSimulator } from './sandbox/ntb.simulator.js';
import { ntbProfile } from './profiles.js';
import type { NtbRecord } from './ntb.native.js';

// The example record of subgraphs/khm/README.md, exactly as NTB sends it.
const EXAMPLE: NtbRecord = {
  certificateNo: 'NTB-C2-2024-00871',
  nameKh: 'សុខ ចន្ទា',
  nameEn: 'SOK CHANTHA',
  khmerId: '010203040',
  passportNo: 'N01234567',
  nationality: 'KHM',
  dateOfBirth: '1998-01-30',
  qualification: 'Automotive Mechanics',
  cqfLevel: 2,
  award: 'C2',
  sector: 'AUTOMOTIVE',
  iscoCode: '7231',
  institution: 'Preah Kossomak Polytechnic Institute',
  issuedDate: '2024-07-15',
  status: 'ACTIVE',
};

const { connect, read, unreadable, registryError } = registryTestKit('KHM', 'ntb');
const readNtb = (native: NtbRecord) => read(ntbAdapter, native);

describe('reading a native record', () => {
  it('normalises the published example', () => {
    const record = readNtb(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'KhmCertification',
      id: 'KHM:CERT:NTB-C2-2024-00871',
      country: 'KHM',
      registry: 'ntb',
      nativeId: 'NTB-C2-2024-00871',
      holderName: 'SOK CHANTHA',
      holderNationality: 'KHM',
      holderDocumentNumber: 'N01234567',
      holderDateOfBirth: '1998-01-30',
      title: 'Automotive Mechanics',
      qualificationCode: null,
      nationalLevel: '2',
      aqrfLevel: 2,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7231', national: '7231', scheme: 'ISCO-08', title: 'Automotive Mechanics' },
      issuer: { name: 'National Training Board', registrationNumber: null },
      issuedOn: '2024-07-15',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'ACTIVE',
      nameKh: 'សុខ ចន្ទា',
      award: 'C2',
      awardName: 'Vocational Certificate 2',
      cqfLevel: 2,
      sector: 'AUTOMOTIVE',
      institution: 'Preah Kossomak Polytechnic Institute',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: CQF level N read as AQRF level N/);
    // The Khmer identity card number is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('010203040');
  });

  it.each([
    ['C1', 1, 'Vocational Certificate 1'],
    ['C3', 3, 'Vocational Certificate 3'],
    ['TVD', 4, 'Technical and Vocational Diploma'],
    ['HTVD', 5, 'Higher Technical and Vocational Diploma'],
  ] as const)('reads award %s as CQF level %i and indicative AQRF level %i', (award, level, awardName) => {
    expect(readNtb({ ...EXAMPLE, award, cqfLevel: level })).toMatchObject({ nationalLevel: String(level), aqrfLevel: level, aqrfBasis: 'INDICATIVE', cqfLevel: level, award, awardName });
  });

  it('reads WITHDRAWN as REVOKED and keeps the native word', () => {
    expect(readNtb({ ...EXAMPLE, status: 'WITHDRAWN' })).toMatchObject({ status: 'REVOKED', nativeStatus: 'WITHDRAWN', validUntil: null });
  });

  it('keeps a citizen without a passport, and a foreign holder without a Khmer identity card', () => {
    expect(readNtb({ ...EXAMPLE, passportNo: null })).toMatchObject({ holderDocumentNumber: null, holderNationality: 'KHM' });
    expect(readNtb({ ...EXAMPLE, khmerId: null, nationality: 'CHN', passportNo: 'ea 1234567' })).toMatchObject({ holderNationality: 'CHN', holderDocumentNumber: 'EA1234567' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readNtb({ ...EXAMPLE, status: 'EXPIRED' as never })).toThrow(/certificate NTB-C2-2024-00871: unknown status "EXPIRED" \(expected one of ACTIVE, WITHDRAWN\)/);
    expect(() => readNtb({ ...EXAMPLE, award: 'C4' as never })).toThrow(/unknown award "C4" \(expected one of C1, C2, C3, TVD, HTVD\)/);
    expect(() => readNtb({ ...EXAMPLE, cqfLevel: 3 })).toThrow(/award C2 sits at CQF level 2, but the record gives cqfLevel 3/);
    expect(() => readNtb({ ...EXAMPLE, nationality: 'Cambodian' })).toThrow(/nationality: expected an ISO 3166-1 alpha-3 code, got "Cambodian"/);
    expect(() => readNtb({ ...EXAMPLE, issuedDate: '15/07/2024' })).toThrow(/issuedDate: expected a date as YYYY-MM-DD, got "15\/07\/2024"/);
    expect(() => readNtb({ ...EXAMPLE, iscoCode: '72A' })).toThrow(unreadable(EXAMPLE.certificateNo));
  });
});

describe('ntbAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses a lookup answer holding a certificate that was not asked for', async () => {
    fake.reply(200, { found: [EXAMPLE], notFound: [] });
    await expect(connect(ntbAdapter, fake.url).fetchByIds(['NTB-C1-2024-00001'])).rejects.toThrow('POST /ntb/certificates/lookup returned "NTB-C2-2024-00871", which was not among the 1 numbers asked');
  });

  it('refuses a lookup answer that neither finds nor lists a number', async () => {
    fake.reply(200, { found: [EXAMPLE], notFound: [] });
    await expect(connect(ntbAdapter, fake.url).fetchByIds(['NTB-C2-2024-00871', 'NTB-C1-2024-00001'])).rejects.toThrow('POST /ntb/certificates/lookup returned 1 records for 2 numbers and did not list 1 of them as not found');
  });

  it('refuses a 200 without its found or notFound list', async () => {
    fake.reply(200, { certificates: [EXAMPLE] });
    await expect(connect(ntbAdapter, fake.url).fetchByIds(['NTB-C2-2024-00871'])).rejects.toThrow(/answered 200 without a "found" list/);
    fake.reply(200, { found: [EXAMPLE] });
    await expect(connect(ntbAdapter, fake.url).fetchByIds(['NTB-C2-2024-00871'])).rejects.toThrow(/answered 200 without a "notFound" list/);
    fake.reply(200, 'not json');
    await expect(connect(ntbAdapter, fake.url).findByHolder({ nationality: 'KHM', documentNumber: 'N01234567', dateOfBirth: null })).rejects.toThrow(/with a body that is not JSON/);
  });

  it('turns a 400 into a protocol error that keeps the registry\'s words', async () => {
    fake.reply(400, { error: 'bad_request', message: 'certificateNos: at most 20 numbers per request' });
    await expect(connect(ntbAdapter, fake.url).fetchByIds(['NTB-C2-2024-00871'])).rejects.toThrow(/POST \/ntb\/certificates\/lookup answered 400: .*at most 20 numbers per request/);
    await expect(connect(ntbAdapter, fake.url).fetchByIds(['NTB-C2-2024-00871'])).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR'));
  });

  it('serves the rest of a batch and of a holder answer beside a record it cannot read', async () => {
    const broken = { ...EXAMPLE, certificateNo: 'NTB-C1-2024-00002', award: 'C9' };
    fake.reply(200, { found: [EXAMPLE, broken], notFound: [] });
    const outcomes = await connect(ntbAdapter, fake.url).loadMany([EXAMPLE.certificateNo, broken.certificateNo]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([EXAMPLE.certificateNo, unreadable(broken.certificateNo)]);
    fake.reply(200, { found: [EXAMPLE, broken] });
    const holder = await connect(ntbAdapter, fake.url).source.findByHolder({ nationality: 'KHM', documentNumber: 'N01234567', dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.certificateNo]);
    expect(holder.unreadable).toEqual([unreadable(broken.certificateNo)]);
  });
});

describe('ntbAdapter against the simulated NTB', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as NtbRecord[];
  const adapter = () => connect(ntbAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(ntbSimulator);
  });
  afterAll(() => sim.close());

  it('fetches up to twenty certificates in one call and answers nothing for unknown numbers', async () => {
    await sim.resetStats();
    const known = natives().slice(0, 19);
    const records = await adapter().fetchByIds([...known.map((r) => r.certificateNo), 'NTB-C1-2099-99999']);
    expect([...records.keys()].sort()).toEqual(known.map((r) => r.certificateNo).sort());
    const first = records.get(known[0].certificateNo)!;
    expect(first).toMatchObject({ holderName: known[0].nameEn, nameKh: known[0].nameKh, holderDateOfBirth: known[0].dateOfBirth, issuedOn: known[0].issuedDate, nationalLevel: String(known[0].cqfLevel), nativeStatus: known[0].status, validUntil: null });
    expect((await sim.stats()).routes['POST /ntb/certificates/lookup']).toBe(1);
  });

  it('needs ⌈N / 20⌉ lookup calls for N certificates through the kit', async () => {
    await sim.resetStats();
    const numbers = natives().slice(0, 45).map((r) => r.certificateNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes[batchEndpoint(ntbProfile)!.route]).toBe(3);
  });

  it('round-trips every generated certificate', async () => {
    const numbers = natives().map((r) => r.certificateNo);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length);
  });

  it('finds a holder by passport and nationality, and nobody under another nationality', async () => {
    const holder = natives().find((r) => r.passportNo !== null)!;
    const found = await adapter().findByHolder({ nationality: holder.nationality, documentNumber: holder.passportNo!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.certificateNo);
    expect(found.every((r) => r.holderDocumentNumber === holder.passportNo && r.holderNationality === holder.nationality)).toBe(true);
    expect(await adapter().findByHolder({ nationality: 'THA', documentNumber: holder.passportNo!, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not an NTB route', async () => {
    await expect(connect(ntbAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].certificateNo])).rejects.toThrow(/answered 404/);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, certificateNo: 'NTB-C2-2024-99998', dateOfBirth: '30-01-1998' }]);
    await expect(adapter().fetchByIds(['NTB-C2-2024-99998'])).rejects.toThrow(/certificate NTB-C2-2024-99998: dateOfBirth: expected a date as YYYY-MM-DD/);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect([...readable, ...unreadable].sort()).toEqual(natives().map((r) => r.certificateNo).sort());
  });
});

describeRegistryFaults({
  country: 'KHM',
  simulator: ntbSimulator,
  adapter: ntbAdapter,
  route: 'POST /ntb/certificates/lookup',
  call: (adapter, records) => adapter.fetchByIds([records[0].certificateNo]),
});

describe('generated certificates across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('KHM', ntbAdapter, ntbArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('KHM', ntbAdapter, ntbSimulator, ntbArbitrary));
});
