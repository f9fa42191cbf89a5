import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn } from '../../../sandbox/population/population.js';
import { formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import { kynangSimulator } from './kynang.simulator.js';
import type { KynangRecord } from '../kynang.native.js';

/** The simulator writes numbers in the shape of the specification's one example, `KNQG-2024-HN-001234`. */
const KYNANG_CERT_NO = /^KNQG-\d{4}-[A-Z]{2,3}-\d{6}$/;

const dmy = (iso: string) => formatNativeDate(iso, 'DD/MM/YYYY');
const iso = (native: string) => parseNativeDate(native, 'DD/MM/YYYY');

describe('skills certificates from the synthetic population', () => {
  const population = defaultPopulation();
  const records = kynangSimulator.records(population);

  it('writes every certificate held in Viet Nam with the holder\'s passport, name and birth date, in native form', () => {
    const holdings = holdingsIn(population, 'VNM', 'CERT');
    expect(records).toHaveLength(holdings.length);
    const nativeStatus = { VALID: 'Còn hiệu lực', EXPIRED: 'Hết hiệu lực', SUSPENDED: 'Thu hồi', REVOKED: 'Thu hồi' };
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({
        so_ho_chieu: person.passportNo,
        ho_ten: person.fullName,
        ngay_sinh: dmy(person.dateOfBirth),
        ma_nghe: holding.occupation.isco,
        ten_nghe: holding.occupation.vi,
        bac: ['I', 'II', 'III', 'IV', 'V'][holding.level - 1],
        ngay_cap: dmy(holding.issuedOn),
        trang_thai: nativeStatus[holding.status],
      });
      expect(record.so_chung_chi).toMatch(KYNANG_CERT_NO);
      expect(record.so_chung_chi).toMatch(new RegExp(`^KNQG-${holding.issuedOn.slice(0, 4)}-[A-Z]+-${String(holding.seq).padStart(6, '0')}$`));
    });
    expect(new Set(records.map((r) => r.trang_thai))).toEqual(new Set(['Còn hiệu lực', 'Hết hiệu lực', 'Thu hồi']));
    expect(records.some((r) => r.so_ho_chieu === null)).toBe(true);
  });

  it('gives citizens one 12-digit CCCD that carries their birth year and sex, and foreigners none', () => {
    const cccdByPerson = new Map<number, string>();
    holdingsIn(population, 'VNM', 'CERT').forEach(({ person }, i) => {
      const { so_cccd, quoc_tich } = records[i];
      if (person.nationality !== 'VNM') {
        expect(so_cccd).toBeNull();
        return;
      }
      expect(quoc_tich).toBe('Việt Nam');
      const year = Number(person.dateOfBirth.slice(0, 4));
      expect(so_cccd).toMatch(/^\d{12}$/);
      expect(so_cccd!.slice(3, 6)).toBe(`${(year >= 2000 ? 2 : 0) + (person.sex === 'F' ? 1 : 0)}${String(year % 100).padStart(2, '0')}`);
      expect(cccdByPerson.get(person.pid) ?? so_cccd).toBe(so_cccd);
      cccdByPerson.set(person.pid, so_cccd!);
    });
  });

  it('writes names and words in precomposed (NFC) Vietnamese', () => {
    for (const record of records) {
      for (const text of [record.ho_ten, record.quoc_tich, record.ten_nghe, record.to_chuc_danh_gia, record.trang_thai]) expect(text).toBe(text.normalize('NFC'));
    }
  });
});

describe('the simulated skills registry API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as KynangRecord[];
  const q = encodeURIComponent;

  beforeAll(async () => {
    sim = await startTestSimulator(kynangSimulator);
  });
  afterAll(() => sim.close());

  it('answers one certificate by number, and 404 {"loi":"Không tìm thấy chứng chỉ"} for an unknown one', async () => {
    const native = all()[3];
    expect(await get(`/api/chung-chi/${native.so_chung_chi}`)).toMatchObject({ status: 200, body: native });
    expect(await get('/api/chung-chi/KNQG-2099-HN-999999')).toEqual({ status: 404, retryAfter: null, body: { loi: 'Không tìm thấy chứng chỉ' } });
  });

  it('finds certificates by passport and Vietnamese country name, precomposed or decomposed', async () => {
    const native = all().find((r) => r.so_ho_chieu !== null)!;
    const messy = `${native.so_ho_chieu!.slice(0, 1).toLowerCase()} ${native.so_ho_chieu!.slice(1)}`;
    for (const name of [native.quoc_tich, native.quoc_tich.normalize('NFD')]) {
      const found = await get(`/api/chung-chi?so_ho_chieu=${q(messy)}&quoc_tich=${q(name)}`);
      expect(found.status).toBe(200);
      expect((found.body.du_lieu as KynangRecord[]).map((r) => r.so_chung_chi)).toContain(native.so_chung_chi);
    }
    expect((await get(`/api/chung-chi?so_ho_chieu=${q(native.so_ho_chieu!)}&quoc_tich=${q('Hàn Quốc')}`)).body).toEqual({ du_lieu: [] });
  });

  it('finds a citizen by CCCD, passport or not, and wants a well-formed query', async () => {
    const native = all().find((r) => r.so_ho_chieu === null)!;
    const found = await get(`/api/chung-chi?so_cccd=${native.so_cccd}`);
    expect((found.body.du_lieu as KynangRecord[]).map((r) => r.so_chung_chi)).toContain(native.so_chung_chi);
    expect((found.body.du_lieu as KynangRecord[]).every((r) => r.so_cccd === native.so_cccd)).toBe(true);
    expect(await get('/api/chung-chi?so_cccd=12345')).toEqual({ status: 400, retryAfter: null, body: { loi: 'so_cccd phải gồm 12 chữ số' } });
    expect(await get('/api/chung-chi?so_ho_chieu=C1234567')).toEqual({ status: 400, retryAfter: null, body: { loi: 'Cần so_ho_chieu và quoc_tich, hoặc so_cccd' } });
  });

  it('pages its search with trang and so_ban_ghi (at most 100), filtered by bac, ma_nghe, trang_thai and DD/MM/YYYY issue dates', async () => {
    const page2 = await get('/api/chung-chi/tra-cuu?trang=2&so_ban_ghi=20');
    expect(page2).toMatchObject({ status: 200, body: { trang: 2, tong_so: all().length } });
    expect((page2.body.du_lieu as KynangRecord[]).map((r) => r.so_chung_chi)).toEqual(all().slice(20, 40).map((r) => r.so_chung_chi));
    expect(((await get('/api/chung-chi/tra-cuu')).body.du_lieu as unknown[]).length).toBe(Math.min(50, all().length));
    expect(await get('/api/chung-chi/tra-cuu?so_ban_ghi=101')).toEqual({ status: 400, retryAfter: null, body: { loi: 'trang phải ≥ 1 và so_ban_ghi từ 1 đến 100' } });
    expect((await get('/api/chung-chi/tra-cuu?trang=0')).status).toBe(400);
    expect(await get('/api/chung-chi/tra-cuu?tu_ngay=2024-01-01')).toEqual({ status: 400, retryAfter: null, body: { loi: 'tu_ngay và den_ngay phải có dạng DD/MM/YYYY' } });

    const filtered = await get(`/api/chung-chi/tra-cuu?bac=II&trang_thai=${q('Còn hiệu lực'.normalize('NFD'))}&tu_ngay=01/01/2023&den_ngay=31/12/2025&so_ban_ghi=100`);
    const expected = all().filter((r) => r.bac === 'II' && r.trang_thai === 'Còn hiệu lực' && iso(r.ngay_cap) >= '2023-01-01' && iso(r.ngay_cap) <= '2025-12-31');
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.body.tong_so).toBe(expected.length);
    expect((filtered.body.du_lieu as KynangRecord[]).map((r) => r.so_chung_chi)).toEqual(expected.map((r) => r.so_chung_chi));
    const welders = await get('/api/chung-chi/tra-cuu?ma_nghe=7212');
    expect(welders.body.tong_so).toBe(all().filter((r) => r.ma_nghe === '7212').length);
  });

  it('answers 429 {"loi":"Quá nhiều yêu cầu"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/api/chung-chi/${all()[0].so_chung_chi}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { loi: 'Quá nhiều yêu cầu' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
