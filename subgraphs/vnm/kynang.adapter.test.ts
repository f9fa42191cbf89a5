import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { expectOnlyTheUnreadableLost, numbersOfEveryPage } from '../../sandbox/testing/recordChecks.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { kynangAdapter } from './kynang.adapter.js';
import { kynangSimulator } from './sandbox/kynang.simulator.js';
import type { KynangRecord } from './kynang.native.js';

// The example record of subgraphs/vnm/README.md, exactly as the registry sends it.
const EXAMPLE: KynangRecord = {
  so_chung_chi: 'KNQG-2024-HN-001234',
  ho_ten: 'Nguyễn Văn An',
  so_cccd: '001094012345',
  so_ho_chieu: 'C1234567',
  quoc_tich: 'Việt Nam',
  ngay_sinh: '15/04/1994',
  ma_nghe: '7212',
  ten_nghe: 'Hàn điện',
  bac: 'III',
  to_chuc_danh_gia: 'Trung tâm Đánh giá Kỹ năng nghề Hà Nội',
  ngay_cap: '20/11/2024',
  trang_thai: 'Còn hiệu lực',
};
const nfd = (text: string) => text.normalize('NFD');

const { connect, read, unreadable, protocolError, registryError } = registryTestKit('VNM', 'kynang');
const kynangToContract = (native: KynangRecord) => read(kynangAdapter, native);

describe('reading kynang certificates', () => {
  it('normalises the published example', () => {
    const record = kynangToContract(EXAMPLE);
    expect(record).toMatchObject({
      __typename: 'VnmCertification',
      id: 'VNM:CERT:KNQG-2024-HN-001234',
      country: 'VNM',
      registry: 'kynang',
      nativeId: 'KNQG-2024-HN-001234',
      holderName: 'Nguyễn Văn An',
      holderNationality: 'VNM',
      holderDocumentNumber: 'C1234567',
      holderDateOfBirth: '1994-04-15',
      title: 'Hàn điện',
      qualificationCode: null,
      nationalLevel: 'III',
      aqrfLevel: 3,
      aqrfBasis: 'INDICATIVE',
      occupation: { isco: '7212', national: '7212', scheme: 'VSCO 2020', title: 'Hàn điện' },
      issuer: { name: 'Trung tâm Đánh giá Kỹ năng nghề Hà Nội', registrationNumber: null },
      issuedOn: '2024-11-20',
      validUntil: null,
      status: 'VALID',
      nativeStatus: 'Còn hiệu lực',
      skillLevel: 3,
      stale: false,
    });
    expect(record.aqrfDerivation).toMatch(/^Indicative only: bậc I-V read as AQRF levels 1-5/);
    // The CCCD is an identity number, not part of the contract.
    expect(JSON.stringify(record)).not.toContain('001094012345');
  });

  it.each([
    ['I', 1],
    ['II', 2],
    ['IV', 4],
    ['V', 5],
  ] as const)('reads bậc %s as level %i, indicative AQRF level %i', (bac, level) => {
    expect(kynangToContract({ ...EXAMPLE, bac })).toMatchObject({ nationalLevel: bac, skillLevel: level, aqrfLevel: level, aqrfBasis: 'INDICATIVE' });
  });

  it.each([
    ['Còn hiệu lực', 'VALID'],
    ['Hết hiệu lực', 'EXPIRED'],
    ['Thu hồi', 'REVOKED'],
  ] as const)('maps trang_thai %s to %s and keeps the native word', (native, shared) => {
    expect(kynangToContract({ ...EXAMPLE, trang_thai: native })).toMatchObject({ status: shared, nativeStatus: native });
  });

  it('reads decomposed (NFD) Vietnamese the same as precomposed, and hands out NFC', () => {
    const decomposed = { ...EXAMPLE, ho_ten: nfd(EXAMPLE.ho_ten), quoc_tich: nfd('Việt Nam'), trang_thai: nfd('Hết hiệu lực') as KynangRecord['trang_thai'], ten_nghe: nfd('Hàn điện') };
    expect(decomposed.quoc_tich).not.toBe('Việt Nam');
    expect(kynangToContract(decomposed)).toMatchObject({ holderName: 'Nguyễn Văn An', holderNationality: 'VNM', status: 'EXPIRED', nativeStatus: 'Hết hiệu lực', title: 'Hàn điện' });
  });

  it('translates every published Vietnamese country name', () => {
    const names = { 'Trung Quốc': 'CHN', 'Hàn Quốc': 'KOR', 'Nhật Bản': 'JPN', 'Đài Loan': 'TWN', 'Ấn Độ': 'IND', 'Hoa Kỳ': 'USA', 'Úc': 'AUS', Anh: 'GBR', 'Thái Lan': 'THA', 'Lào': 'LAO', Campuchia: 'KHM', Myanmar: 'MMR', Malaysia: 'MYS', Singapore: 'SGP', Indonesia: 'IDN', Philippines: 'PHL', Brunei: 'BRN', 'Đông Timor': 'TLS', Bangladesh: 'BGD', Nepal: 'NPL' };
    for (const [quoc_tich, iso] of Object.entries(names)) {
      expect(kynangToContract({ ...EXAMPLE, quoc_tich, so_cccd: null }).holderNationality).toBe(iso);
    }
  });

  it('keeps a citizen without a passport, with no document number', () => {
    expect(kynangToContract({ ...EXAMPLE, so_ho_chieu: null })).toMatchObject({ holderDocumentNumber: null, holderNationality: 'VNM' });
  });

  it('refuses what the specification does not allow', () => {
    expect(() => kynangToContract({ ...EXAMPLE, trang_thai: 'Tạm đình chỉ' as never })).toThrow(/certificate KNQG-2024-HN-001234: unknown trang_thai "Tạm đình chỉ" \(expected one of Còn hiệu lực, Hết hiệu lực, Thu hồi\)/);
    expect(() => kynangToContract({ ...EXAMPLE, bac: '3' })).toThrow(/unknown bac "3" \(expected one of I, II, III, IV, V\)/);
    expect(() => kynangToContract({ ...EXAMPLE, quoc_tich: 'Vietnam' })).toThrow(/unknown quoc_tich "Vietnam"/);
    expect(() => kynangToContract({ ...EXAMPLE, quoc_tich: 'VNM' })).toThrow(unreadable(EXAMPLE.so_chung_chi));
    expect(() => kynangToContract({ ...EXAMPLE, ngay_cap: '2024-11-20' })).toThrow(/ngay_cap: expected a date as DD\/MM\/YYYY/);
    expect(() => kynangToContract({ ...EXAMPLE, ngay_sinh: '31/02/1994' })).toThrow(/ngay_sinh/);
    expect(() => kynangToContract({ ...EXAMPLE, so_cccd: '00109401234' })).toThrow(/so_cccd: expected 12 digits/);
    expect(() => kynangToContract({ ...EXAMPLE, quoc_tich: 'Hàn Quốc' })).toThrow(/so_cccd is for citizens only/);
  });

  it('reads an occupation code of any shape, as the ISCO unit group only when it has four digits', () => {
    expect(kynangToContract({ ...EXAMPLE, ma_nghe: '72' }).occupation).toEqual({ isco: null, national: '72', scheme: 'VSCO 2020', title: 'Hàn điện' });
  });

  it('reads a country name the specification does not list from the maintained data set', () => {
    expect(kynangToContract({ ...EXAMPLE, so_cccd: null, quoc_tich: 'Đức' }).holderNationality).toBe('DEU');
    expect(kynangToContract({ ...EXAMPLE, so_cccd: undefined, so_ho_chieu: undefined, quoc_tich: 'Pháp' })).toMatchObject({ holderNationality: 'FRA', holderDocumentNumber: null });
  });

  it('takes one certificate number per call, having no batch endpoint', () => {
    expect(connect(kynangAdapter, 'http://127.0.0.1:9').source.idsPerCall).toBe(1);
  });

  it('says so, without a call, for a nationality it has no Vietnamese name for', async () => {
    // The offline client would fail with REGISTRY_UNAVAILABLE if the adapter made a call.
    await expect(connect(kynangAdapter, 'http://127.0.0.1:9').findByHolder({ nationality: 'XXA', documentNumber: 'C1234567', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXA' }));
  });
});

describe('kynangAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(kynangAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses an answer for another certificate than the one asked', async () => {
    fake.reply(200, EXAMPLE);
    await expect(adapter().fetchByIds(['KNQG-2024-HN-000001'])).rejects.toThrow(/asked for KNQG-2024-HN-000001 and answered certificate "KNQG-2024-HN-001234"/);
  });

  it('refuses a 200 without a du_lieu list', async () => {
    fake.reply(200, { data: [] });
    await expect(adapter().findByHolder({ nationality: 'VNM', documentNumber: 'C1234567', dateOfBirth: null })).rejects.toThrow(/answered 200 without a "du_lieu" list/);
  });

  it('asks about a German holder by the Vietnamese name of Germany', async () => {
    fake.reply(200, { du_lieu: [] });
    await expect(adapter().findByHolder({ nationality: 'DEU', documentNumber: 'C1234567', dateOfBirth: null })).resolves.toEqual([]);
    expect(new URL(fake.asked.at(-1)!, 'http://x').searchParams.get('quoc_tich')).toBe('Đức');
  });

  it('turns a 400 into a protocol error carrying the registry\'s loi', async () => {
    fake.reply(400, { loi: 'Cần so_ho_chieu và quoc_tich, hoặc so_cccd' });
    const error = await adapter().findByHolder({ nationality: 'VNM', documentNumber: 'C1234567', dateOfBirth: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'VNM kynang: GET /api/chung-chi?so_ho_chieu answered 400: Cần so_ho_chieu và quoc_tich, hoặc so_cccd', extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'VNM', registry: 'kynang', status: 400 } });
  });

  it('accepts the not-found 404 in decomposed form, and refuses any other 404', async () => {
    fake.reply(404, { loi: nfd('Không tìm thấy chứng chỉ') });
    expect((await adapter().fetchByIds(['KNQG-2024-HN-000001'])).size).toBe(0);
    expect(fake.asked.at(-1)).toBe('/api/chung-chi/KNQG-2024-HN-000001');
    fake.reply(404, { loi: 'Không tìm thấy giấy phép' });
    await expect(adapter().fetchByIds(['KNQG-2024-HN-000001'])).rejects.toThrow(/answered 404 without \{"loi":"Không tìm thấy chứng chỉ"\}/);
    fake.reply(404, 'Not Found');
    await expect(adapter().fetchByIds(['KNQG-2024-HN-000001'])).rejects.toThrow(protocolError);
  });
});

describe('kynangAdapter against the simulated skills registry', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as KynangRecord[];
  const adapter = (timeoutMs = 2000) => connect(kynangAdapter, sim.url, timeoutMs);

  beforeAll(async () => {
    sim = await startTestSimulator(kynangSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one certificate per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.so_chung_chi]);
    expect(found.get(native.so_chung_chi)).toMatchObject({ holderName: native.ho_ten, holderNationality: 'VNM', holderDateOfBirth: parseNativeDate(native.ngay_sinh, 'DD/MM/YYYY'), nationalLevel: native.bac, nativeStatus: native.trang_thai });
    expect((await adapter().fetchByIds(['KNQG-2099-HN-999999'])).size).toBe(0);
  });

  it('makes one call per certificate through the kit, and round-trips every one', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.so_chung_chi);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes['GET /api/chung-chi/{so_chung_chi}']).toBe(numbers.length);
  });

  it('finds a holder by passport, whose records all name that passport', async () => {
    const holder = natives().find((r) => typeof r.so_ho_chieu === 'string')!;
    const found = await adapter().findByHolder({ nationality: 'VNM', documentNumber: holder.so_ho_chieu!, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(holder.so_chung_chi);
    expect(found.every((r) => r.holderDocumentNumber === holder.so_ho_chieu && r.holderNationality === 'VNM')).toBe(true);
    expect(await adapter().findByHolder({ nationality: 'KOR', documentNumber: holder.so_ho_chieu!, dateOfBirth: null })).toEqual([]);
  });

  // The shared suite below proves REGISTRY_RATE_LIMITED; this is the other half of the quirk: the kit waits out a Retry-After that fits, and reports it when it does not.
  it('waits out a 429 whose Retry-After fits its time budget, and reports the Retry-After when it does not', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const number = natives()[0].so_chung_chi;
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await adapter().fetchByIds([number]);
      // The bucket is empty: a patient client waits the Retry-After second and gets the answer.
      expect((await adapter(2500).fetchByIds([number])).size).toBe(1);
      await expect(adapter(300).fetchByIds([number])).rejects.toEqual(registryError('REGISTRY_RATE_LIMITED', { retryAfterSeconds: 1 }));
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });

  it('refuses a 404 that is not the registry\'s own', async () => {
    await expect(connect(kynangAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].so_chung_chi])).rejects.toThrow(/answered 404 without \{"loi":"Không tìm thấy chứng chỉ"\}/);
  });

  it('refuses a record the registry holds in a form the specification does not allow', async () => {
    await sim.upsert([{ ...EXAMPLE, so_chung_chi: 'KNQG-2024-HN-999998', ngay_cap: '2024-11-20' }]);
    await expect(adapter().fetchByIds(['KNQG-2024-HN-999998'])).rejects.toThrow(/certificate KNQG-2024-HN-999998: ngay_cap: expected a date as DD\/MM\/YYYY/);
  });

  it('loses only the unreadable record of a look-up by numbers, naming it', async () => {
    await sim.upsert([{ ...EXAMPLE, so_chung_chi: 'KNQG-2024-HN-999997', trang_thai: 'Tạm đình chỉ' }]);
    const good = natives().slice(0, 2).map((r) => r.so_chung_chi);
    await expectOnlyTheUnreadableLost(adapter(), [good[0], 'KNQG-2024-HN-999997', good[1]], unreadable);
  });

  it('loses only the unreadable record of a holder\'s answer, naming it', async () => {
    const holder = natives().find((r) => typeof r.so_ho_chieu === 'string' && r.quoc_tich === 'Việt Nam')!;
    await sim.upsert([{ ...EXAMPLE, so_chung_chi: 'KNQG-2024-HN-999996', so_ho_chieu: holder.so_ho_chieu, ngay_cap: '2024-11-20' }]);
    const answer = await adapter().source.findByHolder({ nationality: 'VNM', documentNumber: holder.so_ho_chieu!, dateOfBirth: null });
    expect(answer.records.map((r) => r.nativeId)).toContain(holder.so_chung_chi);
    expect(answer.unreadable).toEqual([unreadable('KNQG-2024-HN-999996')]);
  });

  it('reads the whole registry page by page through its search, every record once', async () => {
    const seen = await numbersOfEveryPage(adapter().source);
    expect(seen.sort()).toEqual(natives().map((r) => r.so_chung_chi).sort());
  });
});

describeRegistryFaults({
  country: 'VNM',
  simulator: kynangSimulator,
  adapter: kynangAdapter,
  route: 'GET /api/chung-chi/{so_chung_chi}',
  call: (adapter, records) => adapter.fetchByIds([records[0].so_chung_chi]),
});
