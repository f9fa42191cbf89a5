import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEveryGenerated, servesEveryGenerated } from '../../sandbox/testing/generatedReading.js';
import { dsdArbitrary } from './sandbox/dsd.arbitrary.js';
import { numbersOfEveryPage } from '../../sandbox/testing/bulkReading.js';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { dsdAdapter } from './dsd.adapter.js';
import { dsdSimulator } from './sandbox/dsd.simulator.js';
import type { DsdRecord } from './dsd.native.js';

// The example record of subgraphs/tha/README.md, exactly as DSD sends it.
const EXAMPLE: DsdRecord = {
  cert_no: 'DSD-67-10-004512',
  full_name_th: 'ออง ซาน ทุน',
  full_name_en: 'AUNG SAN TUN',
  id_card: null,
  passport_no: 'MD456789',
  nationality: 'MM',
  birth_date: '12/06/2535',
  occupation_code: '7411',
  occupation_name: 'ช่างไฟฟ้าภายในอาคาร',
  skill_level: 1,
  test_center: 'สถาบันพัฒนาฝีมือแรงงาน 10 ราชบุรี',
  issue_date: '21/08/2567',
  expire_date: null,
  status: 'ใช้งาน',
};
const CITIZEN: DsdRecord = { ...EXAMPLE, cert_no: 'DSD-67-01-000777', full_name_th: 'สมชาย ใจดี', full_name_en: 'SOMCHAI JAIDEE', id_card: '1101700203451', passport_no: null, nationality: 'TH' };

const { connect, read, unreadable, registryError } = registryTestKit('THA', 'dsd');
const readDsd = (native: DsdRecord) => read(dsdAdapter, native);

describe('reading a DSD certificate', () => {
  it('normalises the published example', () => {
    const record = readDsd(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'ThaCertification',
      id: 'THA:CERT:DSD-67-10-004512',
      country: 'THA',
      registry: 'dsd',
      nativeId: 'DSD-67-10-004512',
      holderName: 'AUNG SAN TUN',
      holderNationality: 'MMR',
      holderDocumentNumber: 'MD456789',
      holderDateOfBirth: '1992-06-12',
      title: 'ช่างไฟฟ้าภายในอาคาร',
      qualificationCode: null,
      nationalLevel: '1',
      aqrfLevel: 1,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7411', national: '7411', scheme: 'TSCO', title: 'ช่างไฟฟ้าภายในอาคาร' },
      issuer: { name: 'กรมพัฒนาฝีมือแรงงาน', registrationNumber: null },
      issuedOn: '2024-08-21',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'ใช้งาน',
      fullNameTh: 'ออง ซาน ทุน',
      skillLevel: 1,
      levelName: 'ระดับ 1',
      testCentre: 'สถาบันพัฒนาฝีมือแรงงาน 10 ราชบุรี',
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: DSD skill level N read as AQRF level N/);
  });

  it.each([
    [2, 'ระดับ 2'],
    [3, 'ระดับ 3'],
  ] as const)('reads DSD skill level %i as indicative AQRF level %i', (level, name) => {
    expect(readDsd({ ...EXAMPLE, skill_level: level })).toMatchObject({ nationalLevel: String(level), aqrfLevel: level, aqrfBasis: 'INDICATIVE', skillLevel: level, levelName: name });
  });

  it.each([
    ['หมดอายุ', 'EXPIRED'],
    ['เพิกถอน', 'REVOKED'],
  ] as const)('maps status %s to %s and keeps the Thai word', (native, shared) => {
    expect(readDsd({ ...EXAMPLE, status: native, expire_date: '20/08/2569' })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('converts Buddhist-Era dates, including an expiry where the standard has one', () => {
    expect(readDsd({ ...EXAMPLE, issue_date: '29/02/2567', expire_date: '28/02/2570' })).toMatchObject({ issuedOn: '2024-02-29', validUntil: '2027-02-28' });
    // 2566 B.E. (2023) was not a leap year.
    expect(() => readDsd({ ...EXAMPLE, issue_date: '29/02/2566' })).toThrow(/issue_date: expected a date as DD\/MM\/BBBB, got "29\/02\/2566"/);
  });

  it('reads alpha-2 nationalities, a Thai citizen being TH with an id card and maybe no passport', () => {
    expect(readDsd({ ...EXAMPLE, nationality: 'KH' }).holderNationality).toBe('KHM');
    const citizen = readDsd(CITIZEN);
    expect(citizen).toMatchObject({ holderNationality: 'THA', holderDocumentNumber: null, holderName: 'SOMCHAI JAIDEE', fullNameTh: 'สมชาย ใจดี' });
    // The id card is an identity number, not part of the contract.
    expect(JSON.stringify(citizen)).not.toContain('1101700203451');
  });

  it('refuses what the specification does not allow', () => {
    expect(() => readDsd({ ...EXAMPLE, status: 'ระงับ' as never })).toThrow(/certificate DSD-67-10-004512: unknown status "ระงับ" \(expected one of ใช้งาน, หมดอายุ, เพิกถอน\)/);
    expect(() => readDsd({ ...EXAMPLE, status: 'VALID' as never })).toThrow(unreadable(EXAMPLE.cert_no));
    expect(() => readDsd({ ...EXAMPLE, skill_level: 4 })).toThrow(/unknown skill_level "4" \(expected one of 1, 2, 3\)/);
    expect(() => readDsd({ ...EXAMPLE, nationality: 'MMR' })).toThrow(/nationality: expected an ISO 3166-1 alpha-2 code, got "MMR"/);
    expect(() => readDsd({ ...EXAMPLE, nationality: 'Myanmar' })).toThrow(unreadable(EXAMPLE.cert_no));
    expect(() => readDsd({ ...EXAMPLE, birth_date: '2535-06-12' })).toThrow(/birth_date: expected a date as DD\/MM\/BBBB/);
    expect(() => readDsd({ ...EXAMPLE, occupation_code: '741' })).toThrow(/occupation_code: expected a TSCO code of 4 digits, got "741"/);
  });
});

describe('dsdAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses an answer for another certificate than the one asked', async () => {
    fake.reply(200, EXAMPLE);
    await expect(connect(dsdAdapter, fake.url).fetchByIds(['DSD-67-10-000001'])).rejects.toThrow(/asked for DSD-67-10-000001 and answered certificate "DSD-67-10-004512"/);
  });

  it('refuses a 404 that is not the registry\'s ไม่พบข้อมูล', async () => {
    fake.reply(404, { error: 'not found' });
    await expect(connect(dsdAdapter, fake.url).fetchByIds(['DSD-67-10-004512'])).rejects.toThrow(/answered 404 without \{"result":"ไม่พบข้อมูล"\}/);
  });

  it('refuses a search answer without an items list, and a 400', async () => {
    fake.reply(200, { records: [EXAMPLE] });
    await expect(connect(dsdAdapter, fake.url).findByHolder({ nationality: 'MMR', documentNumber: 'MD456789', dateOfBirth: null })).rejects.toThrow(/answered 200 without a "items" list/);
    fake.reply(400, { result: 'คำขอไม่ถูกต้อง' });
    await expect(connect(dsdAdapter, fake.url).findByHolder({ nationality: 'MMR', documentNumber: 'MD456789', dateOfBirth: null })).rejects.toEqual(registryError('REGISTRY_PROTOCOL_ERROR'));
  });
  it('serves a holder\'s readable certificates beside the one it cannot read', async () => {
    fake.reply(200, { items: [EXAMPLE, { ...EXAMPLE, cert_no: 'DSD-67-10-000002', status: 'ระงับ' }] });
    const holder = await connect(dsdAdapter, fake.url).source.findByHolder({ nationality: 'MMR', documentNumber: 'MD456789', dateOfBirth: null });
    expect(holder.records.map((r) => r.nativeId)).toEqual([EXAMPLE.cert_no]);
    expect(holder.unreadable).toEqual([unreadable('DSD-67-10-000002')]);
  });

  it('does not ask about a nationality ISO gives no alpha-2 code', async () => {
    const before = fake.asked.length;
    await expect(connect(dsdAdapter, fake.url).findByHolder({ nationality: 'XXK', documentNumber: 'MD456789', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXK' }));
    expect(fake.asked.length).toBe(before);
  });
});

describe('dsdAdapter against the simulated DSD', () => {
  let sim: TestSimulator;
  const adapter = () => connect(dsdAdapter, sim.url, 2000);
  const natives = () => sim.simulator.store.all() as DsdRecord[];

  beforeAll(async () => {
    sim = await startTestSimulator(dsdSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one certificate per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.cert_no]);
    expect(found.get(native.cert_no)).toMatchObject({ holderName: native.full_name_en, fullNameTh: native.full_name_th, skillLevel: native.skill_level, nativeStatus: native.status, testCentre: native.test_center });
    expect((await adapter().fetchByIds(['DSD-99-10-999999'])).size).toBe(0);
  });

  it('makes one call per certificate through the kit, and reads every generated certificate', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.cert_no);
    const loaded = await adapter().loadMany([...numbers, numbers[0]]);
    expect(loaded.filter((r) => r !== null && !(r instanceof Error))).toHaveLength(numbers.length + 1);
    expect((await sim.stats()).routes['GET /api/v1/skill-cert/{cert_no}']).toBe(numbers.length);
  });

  it('finds a migrant and a Thai citizen by passport and nationality, and nobody under another nationality', async () => {
    const migrant = natives().find((r) => r.nationality === 'MM')!;
    const found = await adapter().findByHolder({ nationality: 'MMR', documentNumber: migrant.passport_no!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(migrant.cert_no);
    expect(found.every((r) => r.holderNationality === 'MMR' && r.holderDocumentNumber === migrant.passport_no)).toBe(true);
    expect(await adapter().findByHolder({ nationality: 'KHM', documentNumber: migrant.passport_no!, dateOfBirth: null })).toEqual([]);

    const citizen = natives().find((r) => r.nationality === 'TH' && r.passport_no !== null)!;
    const own = await adapter().findByHolder({ nationality: 'THA', documentNumber: citizen.passport_no!, dateOfBirth: null });
    expect(own.map((r) => r.nativeId)).toContain(citizen.cert_no);
  });

  it('serves the certificates it can read beside one it cannot, each number on its own', async () => {
    await sim.upsert([{ ...EXAMPLE, cert_no: 'DSD-67-10-999997', skill_level: 4 }]);
    const good = natives().slice(0, 2).map((r) => r.cert_no);
    const outcomes = await adapter().loadMany([good[0], 'DSD-67-10-999997', good[1]]);
    expect(outcomes.map((o) => (o instanceof Error ? o : o?.nativeId))).toEqual([good[0], unreadable('DSD-67-10-999997'), good[1]]);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const { readable, unreadable } = await numbersOfEveryPage(adapter().source);
    expect([...readable, ...unreadable].sort()).toEqual(natives().map((r) => r.cert_no).sort());
  });

  it('refuses a 404 that is not DSD\'s own', async () => {
    await expect(connect(dsdAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].cert_no])).rejects.toThrow(/answered 404 without/);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, cert_no: 'DSD-67-10-999998', issue_date: '2024-08-21' }]);
    await expect(adapter().fetchByIds(['DSD-67-10-999998'])).rejects.toThrow(/certificate DSD-67-10-999998: issue_date: expected a date as DD\/MM\/BBBB/);
  });
});

describeRegistryFaults({
  country: 'THA',
  simulator: dsdSimulator,
  adapter: dsdAdapter,
  route: 'GET /api/v1/skill-cert/{cert_no}',
  call: (adapter, records) => adapter.fetchByIds([records[0].cert_no]),
});

describe('generated certificates across the space the specification allows', () => {
  it('reads 1,000 of them through the kit as the generator decided', () => readEveryGenerated('THA', dsdAdapter, dsdArbitrary));
  it('has the simulator serve a seeded sample of them, read back by number as the generator decided', () => servesEveryGenerated('THA', dsdAdapter, dsdSimulator, dsdArbitrary));
});
