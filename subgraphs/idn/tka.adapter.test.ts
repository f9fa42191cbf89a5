import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRegistryFaults, registryTestKit, startFakeRegistry, startTestSimulator, type FakeRegistry, type TestSimulator } from '../../sandbox/testing/registryTesting.js';
import { tkaAdapter } from './tka.adapter.js';
import { tkaSimulator } from './sandbox/tka.simulator.js';
import type { TkaRecord } from './tka.native.js';

const EXAMPLE: TkaRecord = {
  nomor_pengesahan: 'KEP.23145/PPTKA/PTK/2024',
  nama_tka: 'ZHANG WEI',
  paspor: 'EA1234567',
  kewarganegaraan: 'TIONGKOK',
  tanggal_lahir: '1985-11-02',
  jabatan: 'Tenaga Ahli Smelter',
  kode_kbji: '3117',
  pemberi_kerja: { nama: 'PT Sulawesi Nikel Makmur', npwp: '01.234.567.8-901.000', kbli: '24202' },
  lokasi_kerja: 'Sulawesi Tengah',
  pendamping: 'Andi Saputra',
  tanggal_mulai: '2024-02-01',
  tanggal_berakhir: '2025-01-31',
  status: 'DISAHKAN',
};

const { connect, read, unreadable } = registryTestKit('IDN', 'tka');

describe('tkaToContract', () => {
  it('normalises the published example', () => {
    expect(read(tkaAdapter, EXAMPLE)).toMatchObject({
      id: 'IDN:PERMIT:KEP.23145/PPTKA/PTK/2024',
      holderNationality: 'CHN',
      holderDocumentNumber: 'EA1234567',
      permitClass: 'PROFESSIONAL',
      status: 'ACTIVE',
      nativeStatus: 'DISAHKAN',
      validFrom: '2024-02-01',
      validUntil: '2025-01-31',
      employer: { name: 'PT Sulawesi Nikel Makmur', registrationNumber: '01.234.567.8-901.000' },
      occupation: { isco: '3117', title: 'Tenaga Ahli Smelter' },
      workLocation: 'Sulawesi Tengah',
    });
  });

  it('translates Indonesian country names, TKA\'s own spellings first, and refuses unknown ones', () => {
    expect(read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'KOREA SELATAN' }).holderNationality).toBe('KOR');
    expect(read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'INGGRIS' }).holderNationality).toBe('GBR');
    expect(read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'TIMOR LESTE' }).holderNationality).toBe('TLS');
    // Countries the specification does not list are named as the maintained data set names them.
    expect(read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'JERMAN' }).holderNationality).toBe('DEU');
    expect(read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'Pakistan' }).holderNationality).toBe('PAK');
    expect(read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'CHINA' }).holderNationality).toBe('CHN');
    expect(() => read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'NEGERI ANTAH BERANTAH' })).toThrow(/approval KEP.23145\/PPTKA\/PTK\/2024: unknown kewarganegaraan "NEGERI ANTAH BERANTAH"/);
    expect(() => read(tkaAdapter, { ...EXAMPLE, kewarganegaraan: 'NEGERI ANTAH BERANTAH' })).toThrow(unreadable(EXAMPLE.nomor_pengesahan));
  });

  it('keeps extensions ACTIVE and cancellations CANCELLED', () => {
    expect(read(tkaAdapter, { ...EXAMPLE, status: 'DIPERPANJANG' })).toMatchObject({ status: 'ACTIVE', nativeStatus: 'DIPERPANJANG' });
    expect(read(tkaAdapter, { ...EXAMPLE, status: 'DIBATALKAN' }).status).toBe('CANCELLED');
  });
});

describe('tkaAdapter against a registry that breaks its specification', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry();
  });
  afterAll(() => registry.close());

  it('refuses a batch answer holding an approval that was not asked for', async () => {
    registry.reply(200, { hasil: [EXAMPLE] });
    await expect(connect(tkaAdapter, registry.url).fetchByIds(['KEP.00001/PPTKA/PTK/2024'])).rejects.toThrow(
      'POST /v1/pengesahan/batch returned "KEP.23145/PPTKA/PTK/2024", which was not among the 1 numbers asked',
    );
  });

  it('refuses a date that is not YYYY-MM-DD, naming the approval and the field', async () => {
    registry.reply(200, { hasil: [{ ...EXAMPLE, tanggal_berakhir: '31-01-2025' }] });
    await expect(connect(tkaAdapter, registry.url).fetchByIds([EXAMPLE.nomor_pengesahan])).rejects.toThrow(/approval KEP.23145\/PPTKA\/PTK\/2024: tanggal_berakhir: expected a date as YYYY-MM-DD/);
    await expect(connect(tkaAdapter, registry.url).fetchByIds([EXAMPLE.nomor_pengesahan])).rejects.toEqual(unreadable(EXAMPLE.nomor_pengesahan));
  });
});

describe('tkaAdapter against the simulated TKA Online', () => {
  let sim: TestSimulator;
  const all = () => sim.simulator.store.all() as TkaRecord[];
  const adapter = () => connect(tkaAdapter, sim.url, 2000);
  beforeAll(async () => {
    sim = await startTestSimulator(tkaSimulator);
  });
  afterAll(() => sim.close());

  it('fetches a batch of 50 in one call, leaving unknown numbers out', async () => {
    await sim.resetStats();
    const numbers = all().slice(0, 49).map((r) => r.nomor_pengesahan);
    const records = await adapter().fetchByIds([...numbers, 'KEP.99999/PPTKA/PTK/2099']);
    expect([...records.keys()].sort()).toEqual([...numbers].sort());
    expect((await sim.stats()).routes['POST /v1/pengesahan/batch']).toBe(1);
  });

  it('finds a worker by passport and nationality', async () => {
    const native = all()[0];
    const found = await adapter().findByHolder({ nationality: read(tkaAdapter, native).holderNationality!, documentNumber: native.paspor, dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toContain(native.nomor_pengesahan);
  });

  it('asks by the Indonesian name of any nationality, TKA\'s own spelling first', async () => {
    const native = { ...all()[0], nomor_pengesahan: 'KEP.99998/PPTKA/PTK/2024', kewarganegaraan: 'JERMAN', paspor: 'C01X00T47' };
    await sim.upsert([native]);
    const found = await adapter().findByHolder({ nationality: 'DEU', documentNumber: 'C01X00T47', dateOfBirth: null });
    expect(found.map((r) => r.nativeId)).toEqual(['KEP.99998/PPTKA/PTK/2024']);
  });

  it('refuses, naming the nationality, to ask about one with no Indonesian name, rather than answer nobody', async () => {
    await sim.resetStats();
    await expect(adapter().findByHolder({ nationality: 'ZZZ', documentNumber: 'EA1234567', dateOfBirth: null })).rejects.toEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'NATIONALITY_NOT_EXPRESSIBLE', country: 'IDN', registry: 'tka', nationality: 'ZZZ' }) }),
    );
    expect((await sim.stats()).routes['GET /v1/tka'] ?? 0).toBe(0);
  });

  it('answers 429 {"kode":"BATAS_PERMINTAAN"} with Retry-After when its rate limit is exceeded', async () => {
    await sim.configure({ ratePerSecond: 1 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${sim.url}/v1/pengesahan/${encodeURIComponent('KEP.00001/PPTKA/PTK/2024')}`);
        statuses.push({ status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() });
      }
      const limited = statuses.find((s) => s.status === 429)!;
      expect(limited.retryAfter).toMatch(/^\d+$/);
      expect(JSON.parse(limited.body)).toEqual({ kode: 'BATAS_PERMINTAAN' });
    } finally {
      await sim.configure({ ratePerSecond: 1000 });
    }
  });
});

describeRegistryFaults({
  country: 'IDN',
  simulator: tkaSimulator,
  adapter: tkaAdapter,
  route: 'POST /v1/pengesahan/batch',
  call: (adapter, records) => adapter.fetchByIds([records[0].nomor_pengesahan]),
});
