import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSimulator, type TestSimulator } from '../../../sandbox/testing/registryTesting.js';
import { defaultPopulation, holdingsIn, SIMULATION_TODAY } from '../../../sandbox/population/population.js';
import { addDays, addMonths, formatNativeDate, parseNativeDate } from '../../../schema/dates/index.js';
import { gpldSimulator, permitTerm } from './gpld.simulator.js';
import { vietnameseNameFromIso } from '../countryNames.js';
import type { GpldRecord } from '../gpld.native.js';

/** The simulator writes numbers in the specification's published form, `<province>-<year>-<6 digits>`, with `MGP-` for exemptions. */
const GPLD_NUMBER = /^(?:MGP-)?[A-Z]{2,3}-\d{4}-\d{6}$/;

const dmy = (iso: string) => formatNativeDate(iso, 'DD/MM/YYYY');
const iso = (native: string) => parseNativeDate(native, 'DD/MM/YYYY');

describe('work permits from the synthetic population', () => {
  const population = defaultPopulation();
  const records = gpldSimulator.records(population);

  it('writes every permit held in Viet Nam with the holder\'s passport, name, nationality and birth date, in native form', () => {
    const holdings = holdingsIn(population, 'VNM', 'PERMIT');
    expect(records).toHaveLength(holdings.length);
    records.forEach((record, i) => {
      const { person, holding } = holdings[i];
      expect(record).toMatchObject({ so_ho_chieu: person.passportNo, ho_ten: person.fullName.toUpperCase(), quoc_tich: vietnameseNameFromIso(person.nationality), ngay_sinh: dmy(person.dateOfBirth), ma_nghe: holding.occupation.isco, chuc_danh: holding.occupation.vi });
      if (record.tu_ngay !== undefined) expect(record.tu_ngay).toBe(dmy(holding.validFrom));
      else expect(record.trang_thai).toBe('Đang xử lý');
      expect(record.so_giay_phep).toMatch(GPLD_NUMBER);
      expect(record.so_giay_phep.endsWith(`-${holding.validFrom.slice(0, 4)}-${String(holding.seq).padStart(6, '0')}`)).toBe(true);
      if (holding.permitClass !== 'PROFESSIONAL') expect(record.vi_tri_cong_viec).toBe('Lao động kỹ thuật');
      else expect(record.vi_tri_cong_viec).not.toBe('Lao động kỹ thuật');
    });
  });

  it('follows the holding\'s status, with exemption certificates numbered MGP- and never issued as permits', () => {
    const holdings = holdingsIn(population, 'VNM', 'PERMIT');
    records.forEach((record, i) => {
      const { status } = holdings[i].holding;
      const exemption = record.so_giay_phep.startsWith('MGP-');
      const expected = { PENDING: ['Đang xử lý'], ACTIVE: exemption ? ['Miễn giấy phép'] : ['Đã cấp', 'Đã gia hạn'], EXPIRED: ['Hết hạn'], CANCELLED: ['Thu hồi'], REVOKED: ['Thu hồi'] }[status];
      expect(expected).toContain(record.trang_thai);
    });
    expect(records.filter((r) => r.so_giay_phep.startsWith('MGP-')).length).toBeGreaterThan(0);
    expect(records.filter((r) => r.trang_thai === 'Miễn giấy phép').every((r) => r.so_giay_phep.startsWith('MGP-'))).toBe(true);
  });

  it('shows terms of at most two years, four with the one extension, in force today for issued permits and ended for expired ones', () => {
    for (const record of records.filter((r) => r.tu_ngay !== undefined)) {
      const [from, until] = [iso(record.tu_ngay!), iso(record.den_ngay!)];
      expect(until >= from).toBe(true);
      expect(until <= addDays(addMonths(from, 48), -1)).toBe(true);
      // Only an extended permit runs past two years (it may since have expired or been revoked).
      if (['Đang xử lý', 'Đã cấp', 'Miễn giấy phép'].includes(record.trang_thai)) expect(until <= addDays(addMonths(from, 24), -1)).toBe(true);
      if (['Đã cấp', 'Đã gia hạn', 'Miễn giấy phép'].includes(record.trang_thai)) expect(from <= SIMULATION_TODAY && SIMULATION_TODAY <= until).toBe(true);
      if (record.trang_thai === 'Hết hạn') expect(until < SIMULATION_TODAY).toBe(true);
    }
  });

  it('reads a span of more than two years as a permit extended once', () => {
    expect(permitTerm('2025-02-01', '2027-01-31', '2026-11-01')).toEqual({ tu_ngay: '2025-02-01', den_ngay: '2027-01-31', extended: false });
    expect(permitTerm('2024-03-01', '2027-02-28', '2025-06-01')).toEqual({ tu_ngay: '2024-03-01', den_ngay: '2026-02-28', extended: false });
    expect(permitTerm('2024-03-01', '2027-02-28', '2026-11-01')).toEqual({ tu_ngay: '2024-03-01', den_ngay: '2027-02-28', extended: true });
  });
});

describe('the simulated work-permit registry API', () => {
  let sim: TestSimulator;
  const get = async (path: string) => {
    const response = await fetch(`${sim.url}${path}`);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const all = () => sim.simulator.store.all() as GpldRecord[];
  const q = encodeURIComponent;
  const walk = async (query: string) => {
    const seen: GpldRecord[] = [];
    let cursor: string | null = '';
    let calls = 0;
    while (cursor !== null) {
      const page = await get(`/api/giay-phep/tra-cuu?${query}&con_tro=${q(cursor)}`);
      expect(page.status).toBe(200);
      expect(page.body).not.toHaveProperty('tong_so');
      seen.push(...(page.body.du_lieu as GpldRecord[]));
      cursor = page.body.con_tro_tiep as string | null;
      calls += 1;
    }
    return { seen, calls };
  };

  beforeAll(async () => {
    sim = await startTestSimulator(gpldSimulator);
  });
  afterAll(() => sim.close());

  it('answers one permit by number, and 404 {"loi":"Không tìm thấy giấy phép"} for an unknown one', async () => {
    const native = all()[2];
    expect(await get(`/api/giay-phep/${native.so_giay_phep}`)).toMatchObject({ status: 200, body: native });
    const exemption = all().find((r) => r.so_giay_phep.startsWith('MGP-'))!;
    expect(await get(`/api/giay-phep/${exemption.so_giay_phep}`)).toMatchObject({ status: 200, body: exemption });
    expect(await get('/api/giay-phep/HN-2099-999999')).toEqual({ status: 404, retryAfter: null, body: { loi: 'Không tìm thấy giấy phép' } });
  });

  it('finds permits by passport and Vietnamese country name, precomposed or decomposed, and wants both', async () => {
    const native = all()[0];
    for (const name of [native.quoc_tich, native.quoc_tich.normalize('NFD')]) {
      const found = await get(`/api/giay-phep?so_ho_chieu=${q(native.so_ho_chieu.toLowerCase())}&quoc_tich=${q(name)}`);
      expect((found.body.du_lieu as GpldRecord[]).map((r) => r.so_giay_phep)).toContain(native.so_giay_phep);
    }
    expect(await get(`/api/giay-phep?so_ho_chieu=${native.so_ho_chieu}`)).toEqual({ status: 400, retryAfter: null, body: { loi: 'Cần so_ho_chieu và quoc_tich' } });
  });

  it('pages its search by cursor, 100 by default and at most 200, with no total', async () => {
    const { seen, calls } = await walk('gioi_han=25');
    expect(seen.map((r) => r.so_giay_phep)).toEqual(all().map((r) => r.so_giay_phep));
    expect(calls).toBe(Math.ceil(all().length / 25));
    expect(((await get('/api/giay-phep/tra-cuu')).body.du_lieu as unknown[]).length).toBe(Math.min(100, all().length));
    expect(await get('/api/giay-phep/tra-cuu?gioi_han=201')).toEqual({ status: 400, retryAfter: null, body: { loi: 'gioi_han phải từ 1 đến 200' } });
    expect(await get('/api/giay-phep/tra-cuu?con_tro=not-a-cursor')).toEqual({ status: 400, retryAfter: null, body: { loi: 'con_tro không hợp lệ' } });
  });

  it('filters by tinh, vi_tri, trang_thai, quoc_tich (in either Unicode form) and DD/MM/YYYY start dates', async () => {
    const sample = all().find((r) => r.trang_thai === 'Đã cấp')!;
    const query = [`tinh=${q(sample.tinh.normalize('NFD'))}`, `vi_tri=${q(sample.vi_tri_cong_viec)}`, `trang_thai=${q('Đã cấp')}`, `quoc_tich=${q(sample.quoc_tich.normalize('NFD'))}`, 'gioi_han=2'].join('&');
    const { seen } = await walk(query);
    const expected = all().filter((r) => r.tinh === sample.tinh && r.vi_tri_cong_viec === sample.vi_tri_cong_viec && r.trang_thai === 'Đã cấp' && r.quoc_tich === sample.quoc_tich);
    expect(seen.map((r) => r.so_giay_phep)).toEqual(expected.map((r) => r.so_giay_phep));
    expect(seen).toContainEqual(sample);

    const { seen: in2025 } = await walk('tu_ngay=01/01/2025&den_ngay=31/12/2025');
    const started2025 = all().filter((r) => r.tu_ngay != null && iso(r.tu_ngay) >= '2025-01-01' && iso(r.tu_ngay) <= '2025-12-31');
    expect(started2025.length).toBeGreaterThan(0);
    expect(in2025.map((r) => r.so_giay_phep)).toEqual(started2025.map((r) => r.so_giay_phep));
    expect((await get('/api/giay-phep/tra-cuu?den_ngay=2025-12-31')).status).toBe(400);
  });

  it('answers 429 {"loi":"Quá nhiều yêu cầu"} with Retry-After past its rate', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const answers = [];
      for (let i = 0; i < 3; i += 1) answers.push(await get(`/api/giay-phep/${all()[0].so_giay_phep}`));
      expect(answers.find((a) => a.status === 429)).toEqual({ status: 429, retryAfter: '1', body: { loi: 'Quá nhiều yêu cầu' } });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});
