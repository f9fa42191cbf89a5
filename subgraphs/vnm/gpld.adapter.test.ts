import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { expectOnlyTheUnreadableLost, numbersOfEveryPage } from '../../sandbox/testing/recordChecks.js';
import { parseNativeDate } from '../../schema/dates/index.js';
import { gpldAdapter } from './gpld.adapter.js';
import { gpldSimulator } from './sandbox/gpld.simulator.js';
import { isoFromVietnameseName } from './countryNames.js';
import type { GpldRecord } from './gpld.native.js';

// The example record of subgraphs/vnm/README.md, exactly as the registry sends it.
const EXAMPLE: GpldRecord = {
  so_giay_phep: 'HN-2025-012345',
  ho_ten: 'PARK JI-HOON',
  ngay_sinh: '03/09/1982',
  quoc_tich: 'Hàn Quốc',
  so_ho_chieu: 'M12345678',
  vi_tri_cong_viec: 'Nhà quản lý',
  chuc_danh: 'Giám đốc nhà máy',
  ma_nghe: '1321',
  don_vi_su_dung: { ten: 'Công ty TNHH Điện tử Bắc Ninh', ma_so_thue: '2300123456' },
  tinh: 'Bắc Ninh',
  tu_ngay: '01/02/2025',
  den_ngay: '31/01/2027',
  trang_thai: 'Đã cấp',
};
const EXEMPTION: GpldRecord = { ...EXAMPLE, so_giay_phep: 'MGP-HN-2025-012346', trang_thai: 'Miễn giấy phép' };
const nfd = (text: string) => text.normalize('NFD');

const { connect, read, unreadable, registryError } = registryTestKit('VNM', 'gpld');
const gpldToContract = (native: GpldRecord) => read(gpldAdapter, native);

describe('reading gpld permits', () => {
  it('normalises the published example', () => {
    expect(gpldToContract(EXAMPLE)).toMatchObject({
      __typename: 'VnmWorkPermit',
      id: 'VNM:PERMIT:HN-2025-012345',
      country: 'VNM',
      registry: 'gpld',
      nativeId: 'HN-2025-012345',
      holderName: 'PARK JI-HOON',
      holderNationality: 'KOR',
      holderDocumentNumber: 'M12345678',
      holderDateOfBirth: '1982-09-03',
      permitClass: 'PROFESSIONAL',
      nativeType: 'Nhà quản lý',
      status: 'ACTIVE',
      nativeStatus: 'Đã cấp',
      validFrom: '2025-02-01',
      validUntil: '2027-01-31',
      employer: { name: 'Công ty TNHH Điện tử Bắc Ninh', registrationNumber: '2300123456' },
      occupation: { isco: '1321', national: '1321', scheme: 'VSCO 2020', title: 'Giám đốc nhà máy' },
      sector: null,
      province: 'Bắc Ninh',
      exemptionCertificate: false,
      extended: false,
      stale: false,
    });
  });

  it.each([
    ['Nhà quản lý', 'PROFESSIONAL'],
    ['Giám đốc điều hành', 'PROFESSIONAL'],
    ['Chuyên gia', 'PROFESSIONAL'],
    ['Lao động kỹ thuật', 'SKILLED'],
  ] as const)('classes the position %s as %s and keeps it as the native type', (position, permitClass) => {
    expect(gpldToContract({ ...EXAMPLE, vi_tri_cong_viec: position })).toMatchObject({ permitClass, nativeType: position });
  });

  it.each([
    ['Đang xử lý', 'PENDING', false],
    ['Đã cấp', 'ACTIVE', false],
    ['Đã gia hạn', 'ACTIVE', true],
    ['Hết hạn', 'EXPIRED', false],
    ['Thu hồi', 'REVOKED', false],
  ] as const)('maps a work permit\'s trang_thai %s to %s and keeps the native word', (native, shared, extended) => {
    expect(gpldToContract({ ...EXAMPLE, trang_thai: native })).toMatchObject({ status: shared, nativeStatus: native, extended, exemptionCertificate: false });
  });

  it.each([
    ['Miễn giấy phép', 'EXEMPT'],
    ['Đang xử lý', 'PENDING'],
    ['Hết hạn', 'EXPIRED'],
    ['Thu hồi', 'REVOKED'],
  ] as const)('reads an MGP- exemption certificate\'s trang_thai %s as %s', (native, shared) => {
    expect(gpldToContract({ ...EXEMPTION, trang_thai: native })).toMatchObject({ nativeId: 'MGP-HN-2025-012346', status: shared, nativeStatus: native, exemptionCertificate: true });
  });

  // The specification lists one set of six statuses and does not pair them with the MGP- prefix: the record says what it is.
  it('reads every listed status on either kind of document', () => {
    expect(gpldToContract({ ...EXAMPLE, trang_thai: 'Miễn giấy phép' })).toMatchObject({ status: 'EXEMPT', exemptionCertificate: false });
    expect(gpldToContract({ ...EXEMPTION, trang_thai: 'Đã cấp' })).toMatchObject({ status: 'ACTIVE', exemptionCertificate: true });
  });

  it('reads a pending permit without dates, and an employer without a tax code', () => {
    const pending = { ...EXAMPLE, trang_thai: 'Đang xử lý', tu_ngay: null, den_ngay: undefined, don_vi_su_dung: { ten: 'Công ty TNHH Điện tử Bắc Ninh' } } as GpldRecord;
    expect(gpldToContract(pending)).toMatchObject({ status: 'PENDING', validFrom: null, validUntil: null, employer: { name: 'Công ty TNHH Điện tử Bắc Ninh', registrationNumber: null } });
  });

  it('reads decomposed (NFD) Vietnamese the same as precomposed, and hands out NFC', () => {
    const decomposed = { ...EXAMPLE, quoc_tich: nfd('Hàn Quốc'), vi_tri_cong_viec: nfd('Lao động kỹ thuật'), trang_thai: nfd('Đã gia hạn'), tinh: nfd('Bắc Ninh') } as GpldRecord;
    expect(decomposed.quoc_tich).not.toBe('Hàn Quốc');
    expect(gpldToContract(decomposed)).toMatchObject({ holderNationality: 'KOR', permitClass: 'SKILLED', nativeType: 'Lao động kỹ thuật', status: 'ACTIVE', nativeStatus: 'Đã gia hạn', extended: true, province: 'Bắc Ninh' });
    expect(isoFromVietnameseName(nfd('Đông Timor'))).toBe('TLS');
  });

  it('refuses what the specification does not allow', () => {
    expect(() => gpldToContract({ ...EXAMPLE, trang_thai: 'Đã hủy' as never })).toThrow(/unknown trang_thai "Đã hủy"/);
    expect(() => gpldToContract({ ...EXAMPLE, vi_tri_cong_viec: 'Lao động phổ thông' as never })).toThrow(/unknown vi_tri_cong_viec "Lao động phổ thông" \(expected one of Nhà quản lý, Giám đốc điều hành, Chuyên gia, Lao động kỹ thuật\)/);
    expect(() => gpldToContract({ ...EXAMPLE, quoc_tich: 'Korea' })).toThrow(/unknown quoc_tich "Korea" \(not a Vietnamese country name\)/);
    expect(() => gpldToContract({ ...EXAMPLE, quoc_tich: 'KOR' })).toThrow(unreadable(EXAMPLE.so_giay_phep));
    expect(() => gpldToContract({ ...EXAMPLE, den_ngay: '2027-01-31' })).toThrow(/den_ngay: expected a date as DD\/MM\/YYYY/);
  });

  it('reads an occupation code of any shape, as the ISCO unit group only when it has four digits', () => {
    expect(gpldToContract({ ...EXAMPLE, ma_nghe: 'NQL' }).occupation).toEqual({ isco: null, national: 'NQL', scheme: 'VSCO 2020', title: 'Giám đốc nhà máy' });
  });

  it('takes one permit number per call, having no batch endpoint', () => {
    expect(connect(gpldAdapter, 'http://127.0.0.1:9').source.idsPerCall).toBe(1);
  });

  it('says so, without a call, for a nationality it has no Vietnamese name for', async () => {
    await expect(connect(gpldAdapter, 'http://127.0.0.1:9').findByHolder({ nationality: 'XXA', documentNumber: 'M12345678', dateOfBirth: null })).rejects.toEqual(registryError('NATIONALITY_NOT_EXPRESSIBLE', { nationality: 'XXA' }));
  });
});

describe('gpldAdapter against a registry that breaks its specification', () => {
  let fake: FakeRegistry;
  const adapter = () => connect(gpldAdapter, fake.url);
  beforeAll(async () => {
    fake = await startFakeRegistry();
  });
  afterAll(() => fake.close());

  it('refuses an answer for another permit than the one asked', async () => {
    fake.reply(200, EXAMPLE);
    await expect(adapter().fetchByIds(['HN-2025-000001'])).rejects.toThrow(/asked for HN-2025-000001 and answered permit "HN-2025-012345"/);
  });

  it('refuses a 200 without a du_lieu list, or with a body that is not JSON', async () => {
    fake.reply(200, { du_lieu: null });
    await expect(adapter().findByHolder({ nationality: 'KOR', documentNumber: 'M12345678', dateOfBirth: null })).rejects.toThrow(/answered 200 without a "du_lieu" list/);
    fake.reply(200, '<html>');
    await expect(adapter().findByHolder({ nationality: 'KOR', documentNumber: 'M12345678', dateOfBirth: null })).rejects.toThrow(/with a body that is not JSON/);
  });

  it('turns a 400 into a protocol error carrying the registry\'s loi', async () => {
    fake.reply(400, { loi: 'Cần so_ho_chieu và quoc_tich' });
    await expect(adapter().findByHolder({ nationality: 'KOR', documentNumber: 'M12345678', dateOfBirth: null })).rejects.toMatchObject({ message: 'VNM gpld: GET /api/giay-phep?so_ho_chieu answered 400: Cần so_ho_chieu và quoc_tich', extensions: { code: 'REGISTRY_PROTOCOL_ERROR', country: 'VNM', registry: 'gpld', status: 400 } });
  });

  it('refuses a 404 that is not the registry\'s not-found answer', async () => {
    fake.reply(404, { loi: 'Không tìm thấy chứng chỉ' });
    await expect(adapter().fetchByIds(['HN-2025-000001'])).rejects.toThrow(/answered 404 without \{"loi":"Không tìm thấy giấy phép"\}/);
  });
});

describe('gpldAdapter against the simulated work-permit registry', () => {
  let sim: TestSimulator;
  const natives = () => sim.simulator.store.all() as GpldRecord[];
  const adapter = () => connect(gpldAdapter, sim.url, 2000);

  beforeAll(async () => {
    sim = await startTestSimulator(gpldSimulator);
  });
  afterAll(() => sim.close());

  it('fetches one permit per call and answers nothing for an unknown number', async () => {
    const native = natives()[0];
    const found = await adapter().fetchByIds([native.so_giay_phep]);
    expect(found.get(native.so_giay_phep)).toMatchObject({
      holderName: native.ho_ten,
      holderNationality: isoFromVietnameseName(native.quoc_tich),
      holderDateOfBirth: parseNativeDate(native.ngay_sinh, 'DD/MM/YYYY'),
      validFrom: native.tu_ngay ? parseNativeDate(native.tu_ngay, 'DD/MM/YYYY') : null,
      validUntil: native.den_ngay ? parseNativeDate(native.den_ngay, 'DD/MM/YYYY') : null,
      nativeStatus: native.trang_thai,
      province: native.tinh,
    });
    expect((await adapter().fetchByIds(['HN-2099-999999'])).size).toBe(0);
  });

  it('makes one call per permit through the kit, and round-trips every one, exemption certificates included', async () => {
    await sim.resetStats();
    const numbers = natives().map((r) => r.so_giay_phep);
    const loaded = await adapter().loadMany(numbers);
    expect(loaded.map((r) => (r as { nativeId: string }).nativeId)).toEqual(numbers);
    expect((await sim.stats()).routes['GET /api/giay-phep/{so_giay_phep}']).toBe(numbers.length);
    expect(loaded.some((r) => (r as { status: string }).status === 'EXEMPT')).toBe(true);
  });

  it('finds a foreign worker by passport and nationality, and nobody under another nationality', async () => {
    const native = natives()[0];
    const nationality = isoFromVietnameseName(native.quoc_tich)!;
    const found = await adapter().findByHolder({ nationality, documentNumber: native.so_ho_chieu, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.so_giay_phep);
    expect(found.every((r) => r.holderNationality === nationality && r.holderDocumentNumber === native.so_ho_chieu)).toBe(true);
    const elsewhere = nationality === 'KOR' ? 'JPN' : 'KOR';
    expect(await adapter().findByHolder({ nationality: elsewhere, documentNumber: native.so_ho_chieu, dateOfBirth: null })).toEqual([]);
  });

  it('refuses a 404 that is not the registry\'s own', async () => {
    await expect(connect(gpldAdapter, `${sim.url}/elsewhere/`).fetchByIds([natives()[0].so_giay_phep])).rejects.toThrow(/answered 404 without \{"loi":"Không tìm thấy giấy phép"\}/);
  });

  it('loses only the unreadable record of a look-up by numbers, naming it', async () => {
    await sim.upsert([{ ...EXAMPLE, so_giay_phep: 'HN-2025-999997', vi_tri_cong_viec: 'Lao động phổ thông' }]);
    const good = natives().slice(0, 2).map((r) => r.so_giay_phep);
    await expectOnlyTheUnreadableLost(adapter(), [good[0], 'HN-2025-999997', good[1]], unreadable);
  });

  it('loses only the unreadable record of a holder\'s answer, naming it', async () => {
    const native = natives()[0];
    await sim.upsert([{ ...native, so_giay_phep: 'HN-2025-999996', den_ngay: '2027-01-31' }]);
    const answer = await adapter().source.findByHolder({ nationality: isoFromVietnameseName(native.quoc_tich)!, documentNumber: native.so_ho_chieu, dateOfBirth: null });
    expect(answer.records.map((r) => r.nativeId)).toContain(native.so_giay_phep);
    expect(answer.unreadable).toEqual([unreadable('HN-2025-999996')]);
  });

  it('reads the whole registry page by page through its search cursor, every record once', async () => {
    const seen = await numbersOfEveryPage(adapter().source);
    expect(seen.sort()).toEqual(natives().map((r) => r.so_giay_phep).sort());
  });
});

describeRegistryFaults({
  country: 'VNM',
  simulator: gpldSimulator,
  adapter: gpldAdapter,
  route: 'GET /api/giay-phep/{so_giay_phep}',
  call: (adapter, records) => adapter.fetchByIds([records[0].so_giay_phep]),
});
